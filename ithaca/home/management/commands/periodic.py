"""`manage.py periodic [--loop SECONDS]`: every app's periodic jobs, safe to run twice.

An app takes part by defining `JOBS` in its `periodic.py`: callables that take
`now` (an aware datetime) and return a mapping of counts to report. Each job
must be idempotent: running the command twice in a row sends and changes
nothing the second time.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

Job = Callable[..., Mapping[str, int]]
logger = logging.getLogger("ithaca.periodic")


def discover_jobs() -> Iterator[tuple[str, Job]]:
    for config in apps.get_app_configs():
        if not config.name.startswith("ithaca."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.periodic")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.periodic":
                raise
            continue
        for job in getattr(module, "JOBS", ()):
            yield f"{config.label}.{job.__name__}", job


def run_all(now: Any = None) -> dict[str, Mapping[str, int]]:
    """Every job once; a job that fails is logged and reported, and the rest still run."""
    now = now or timezone.now()
    results: dict[str, Mapping[str, int]] = {}
    for name, job in discover_jobs():
        try:
            results[name] = job(now=now)
        except Exception:
            logger.exception("Periodic job %s failed; the other jobs still run.", name)
            results[name] = {"failed": 1}
    return results


class Command(BaseCommand):
    help = "Run every app's periodic jobs once, or every SECONDS with --loop."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--loop", type=int, default=0, metavar="SECONDS")

    def handle(self, *args: Any, **options: Any) -> None:
        while True:
            for name, counts in run_all().items():
                summary = ", ".join(f"{key} {value}" for key, value in counts.items()) or "nothing"
                self.stdout.write(f"{name}: {summary}")
            if options["loop"] <= 0:
                return
            time.sleep(options["loop"])

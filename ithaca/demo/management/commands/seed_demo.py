"""Load the Northwind Health demo organization: `manage.py seed_demo [--seed N] [--people N]`."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import IntegrityError, connection, transaction

from ithaca.coaching import demo as coaching_demo
from ithaca.demo.builder import DEMO_PASSWORD, MIN_PEOPLE, build_organization
from ithaca.demo.builder.logins import PINNED
from ithaca.demo.builder.records import STATUSES
from ithaca.demo.loader import BATCH_SIZE, load_organization
from ithaca.demo.selectors import demo_counts, demo_loaded
from ithaca.matching import demo as matching_demo
from ithaca.mentoring import demo as mentoring_demo

PROGRESS_EVERY = 5 * BATCH_SIZE


class Command(BaseCommand):
    help = (
        "Load a demo hospital group (people, programs, mentoring and coaching in every "
        "state) with well-known logins. Does nothing if the demo is already loaded."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--people", type=int, default=300, help=f"Employees to create (at least {MIN_PEOPLE})."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        seed, people = options["seed"], options["people"]
        if people < MIN_PEOPLE:
            raise CommandError(
                f"--people must be at least {MIN_PEOPLE} (got {people}): fewer people "
                "than that cannot staff the departments and programs."
            )
        if demo_loaded():
            self.stdout.write("The demo organization is already loaded.")
            self._logins()
            return
        started = time.monotonic()
        self.stdout.write(f"Building Northwind Health: {people} people, seed {seed}...")
        # Midnight today (UTC) is "now" for the story; every choice depends on the seed only.
        anchor = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        org = build_organization(seed=seed, people=people, anchor=anchor)
        try:
            with transaction.atomic():
                load_organization(
                    org, password_hash=make_password(DEMO_PASSWORD), progress=self._progress
                )
                activity = add_activity(seed=seed)
        except IntegrityError as exc:
            raise CommandError(
                f"The demo organization could not be loaded and nothing was written: {exc}"
            ) from None
        _analyze()
        self.stdout.write(f"Loaded in {time.monotonic() - started:.1f} s.")
        self._summary()
        for label, counts in activity.items():
            listed = ", ".join(f"{count} {name}" for name, count in counts.items())
            self.stdout.write(f"  {label:<15} {listed}")
        self._logins()

    def _progress(self, label: str, done: int, total: int) -> None:
        # Only big loads report progress, every ten thousand rows or so.
        if total > PROGRESS_EVERY and (done % PROGRESS_EVERY == 0 or done == total):
            self.stdout.write(f"  {label} {done}/{total}")

    def _summary(self) -> None:
        counts = demo_counts()
        roles = _listed(counts.participations, ("seeker", "mentor", "coach", "sponsor"))
        lines = [
            f"people          {counts.staff} staff and {counts.external_coaches} "
            f"external coaches in {counts.departments} departments",
            f"career entries  {counts.career_entries}",
            f"programs        {counts.programs}, with participations: {roles}",
            f"mentoring       {_listed(counts.mentoring, STATUSES)}",
            f"coaching        {_listed(counts.coaching, STATUSES)}",
        ]
        self.stdout.write("\n".join(f"  {line}" for line in lines))

    def _logins(self) -> None:
        self.stdout.write(f"Demo logins (password: {DEMO_PASSWORD}):")
        width = max(len(person.email) for person in PINNED)
        for person in PINNED:
            self.stdout.write(f"  {person.email:<{width}}  {person.shows}")


def _listed(counts: dict[str, int], order: tuple[str, ...]) -> str:
    """'15 (12 active, 3 paused)': the total, then each kind in a fixed order."""
    parts = [f"{counts[key]} {key}" for key in order if counts.get(key)]
    return f"{sum(counts.values())} ({', '.join(parts)})" if parts else "0"


def add_activity(*, seed: int) -> dict[str, dict[str, int]]:
    """The workspaces' own demo rows (meetings, journals, agreements, goals, ...)."""
    return {
        "mentoring work": mentoring_demo.add_demo_activity(seed=seed),
        "coaching work": coaching_demo.add_demo_activity(seed=seed),
        "matching": matching_demo.add_demo_matching(seed=seed),
    }


def _analyze() -> None:
    """Refresh the planner's statistics after the bulk load.

    Autovacuum analyzes new tables only some time later; until then PostgreSQL
    believes them nearly empty, guesses one row for every filter and picks nested
    loops that take seconds on 100,000 people (the console's stuck list took 5 s
    where it takes a tenth of that once analyzed).
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

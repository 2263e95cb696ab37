"""Core's periodic job: put tasks whose worker died back in the queue.

django-tasks-db marks a task RUNNING when a worker claims it and never looks
at it again; a worker killed mid-task would leave it RUNNING forever. Every
Ithaca task takes ids and checks what it already did (a sent marker, a done
import, a set password), so running it again is safe: this job hands tasks
that have been running far longer than any task takes back to the workers.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from django.conf import settings
from django.db import transaction
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult


def requeue_stale_tasks(*, now: dt.datetime) -> Mapping[str, int]:
    cutoff = now - dt.timedelta(minutes=settings.ITHACA_TASK_STALE_MINUTES)
    stale = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=cutoff)
    return {"requeued": stale.update(status=TaskResultStatus.READY, started_at=None)}


JOBS = (requeue_stale_tasks,)

logger = logging.getLogger("ithaca.periodic")
Item = TypeVar("Item")


def for_each(items: Iterable[Item], *, job: str, do: Callable[[Item], int]) -> int:
    """Run `do` for each item (a program, say) in its own savepoint and add up what it did.

    One item's failure (a bad value, a broken row) is logged with its traceback
    and rolled back; the other items still run, so one program can never stop a
    periodic job for everyone.
    """
    done = 0
    for item in items:
        try:
            with transaction.atomic():
                done += do(item)
        except Exception:
            logger.exception("Periodic job %s failed for %r; the others go on.", job, item)
    return done

"""Helpers for enqueuing background tasks."""

from __future__ import annotations

from typing import Any

from django.db import transaction


def enqueue_on_commit(task: Any, *args: Any, **kwargs: Any) -> None:
    """Enqueue `task` once the current transaction commits (at once outside one).

    Tasks receive ids, never objects, so a task that runs before its rows are
    visible is impossible and a rolled-back write sends nothing.
    """
    transaction.on_commit(lambda: task.enqueue(*args, **kwargs))

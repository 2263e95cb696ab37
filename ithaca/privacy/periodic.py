"""Privacy's periodic jobs, run by `manage.py periodic`. Each is safe to run twice."""

from __future__ import annotations

import datetime as dt

from ithaca.privacy.retention import notes_expire


def expire_old_notes(*, now: dt.datetime) -> dict[str, int]:
    """Notes and journals of relationships concluded over RETENTION_YEARS ago are deleted."""
    return notes_expire(now=now)


JOBS = (expire_old_notes,)

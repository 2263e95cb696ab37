"""Single sign-on's periodic job, run by `manage.py periodic`; safe to run twice."""

from __future__ import annotations

import datetime as dt

from ithaca.sso.services import assertions_forget_expired


def forget_expired_assertions(*, now: dt.datetime) -> dict[str, int]:
    """Replay records of assertions past their validity are no longer needed."""
    return {"forgotten": assertions_forget_expired(now=now)}


JOBS = (forget_expired_assertions,)

"""Programs' periodic job, run by `manage.py periodic`. Safe to run twice."""

from __future__ import annotations

import datetime as dt

from ithaca.programs.independence import independence_recheck


def recheck_independence(*, now: dt.datetime) -> dict[str, int]:
    """Proposals that lost independence are withdrawn; running relationships are flagged."""
    return independence_recheck(now=now)


JOBS = (recheck_independence,)

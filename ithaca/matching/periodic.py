"""Matching's periodic jobs, run by `manage.py periodic`. Each is safe to run twice."""

from __future__ import annotations

import datetime as dt

from ithaca.matching.services import requests_expire


def expire_requests(*, now: dt.datetime) -> dict[str, int]:
    """Requests and offers unanswered after the program's `request_expiry_days` are withdrawn."""
    return {"expired": requests_expire(now=now)}


JOBS = (expire_requests,)

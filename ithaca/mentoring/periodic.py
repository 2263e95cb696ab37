"""Mentoring's periodic jobs, run by `manage.py periodic`. Each is safe to run twice."""

from __future__ import annotations

import datetime as dt

from ithaca.mentoring.services import nudges_create, reviews_create, training_sync


def nudge_silent_relationships(*, now: dt.datetime) -> dict[str, int]:
    """Both people are nudged once per silence of the program's `nudge_after_days`."""
    return {"nudged": nudges_create(now=now)}


def ask_for_reviews(*, now: dt.datetime) -> dict[str, int]:
    """At the end of each review period both are asked to continue or conclude."""
    return {"asked": reviews_create(now=now)}


def record_mentor_training(*, now: dt.datetime) -> dict[str, int]:
    """Mentor roles taken up after finishing the training are marked as trained."""
    return {"marked trained": training_sync(now=now)}


JOBS = (nudge_silent_relationships, ask_for_reviews, record_mentor_training)

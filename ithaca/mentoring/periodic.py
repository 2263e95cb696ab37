"""Mentoring's periodic jobs, run by `manage.py periodic`. Each is safe to run twice."""

from __future__ import annotations

import datetime as dt

from django.conf import settings

from ithaca.mentoring.notices import remind_meetings
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


def remind_upcoming_meetings(*, now: dt.datetime) -> dict[str, int]:
    """A reminder to everyone in a confirmed meeting's space, ITHACA_REMINDER_HOURS ahead."""
    return {"reminded": remind_meetings(now=now, hours=settings.ITHACA_REMINDER_HOURS)}


JOBS = (
    nudge_silent_relationships,
    ask_for_reviews,
    record_mentor_training,
    remind_upcoming_meetings,
)

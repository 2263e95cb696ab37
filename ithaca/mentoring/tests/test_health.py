"""Health colours from days since last contact, in Python and in SQL alike."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ithaca.mentoring.health import colour, with_health
from ithaca.mentoring.models import MentoringRelationship
from ithaca.mentoring.selectors import contact_of
from ithaca.mentoring.tests.factories import MeetingFactory, active_relationship, started_days_ago


@pytest.mark.parametrize(
    ("days", "expected"),
    [(0, "green"), (29, "green"), (30, "amber"), (59, "amber"), (60, "red"), (400, "red")],
)
def test_the_thresholds_are_one_and_two_silences(days: int, expected: str) -> None:
    assert colour(days, 30) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(("days", "expected"), [(10, "green"), (45, "amber"), (75, "red")])
def test_the_database_agrees_with_the_rule(days: int, expected: str) -> None:
    rel = started_days_ago(active_relationship(), 300)
    MeetingFactory(relationship=rel, starts_at=timezone.now() - dt.timedelta(days=days, hours=1))
    now = timezone.now()
    annotated = with_health(MentoringRelationship.objects.filter(pk=rel.pk), now, 30).get()
    assert annotated.health == expected == contact_of(rel, now).health
    assert contact_of(rel, now).days == days


@pytest.mark.django_db
def test_a_proposed_meeting_is_not_contact() -> None:
    rel = started_days_ago(active_relationship(), 50)
    MeetingFactory(relationship=rel, starts_at=timezone.now() - dt.timedelta(days=1),
                   status="proposed")  # fmt: skip
    assert contact_of(rel).days == 50

"""Demo activity: deterministic, fast in bulk, and never breaking a privacy rule."""

from __future__ import annotations

import pytest
from django.db.models import Count, Q
from django.utils import timezone

from ithaca.mentoring.demo import RICH, add_demo_activity
from ithaca.mentoring.models import (
    Closing,
    ContinueMark,
    JournalEntry,
    Meeting,
    MentoringEvent,
    MutualInterest,
)
from ithaca.mentoring.tests.factories import active_relationship, join, started_days_ago
from ithaca.mentoring.tests.helpers import api
from ithaca.programs import relationships as lifecycle
from ithaca.programs.tests.factories import ParticipationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def relationships():
    """Active, paused and concluded relationships in a one-to-one program, with more people."""
    first = started_days_ago(active_relationship(review_period_days=60), 300)
    program, mentor = first.program, first.mentor
    others = [started_days_ago(join(program, mentor), 200) for _ in range(3)]
    lifecycle.relationship_pause(others[0], user=others[0].mentee)
    lifecycle.relationship_conclude(others[1], user=others[1].mentee)
    for _ in range(3):
        ParticipationFactory(program=program, role="mentor")
        ParticipationFactory(program=program, role="seeker")
    return [first, *others]


def test_it_fills_every_started_relationship(relationships) -> None:
    counts = add_demo_activity(seed=7)
    assert counts["relationships with activity"] == 4
    assert counts["meetings"] == Meeting.objects.count() > 4
    assert counts["journal entries"] == JournalEntry.objects.count() > 0
    assert counts["meeting notes"] > 0 and counts["agenda topics"] > 0 and counts["goals"] > 0
    assert counts["reviews"] > 0 and counts["introductions"] > 0
    concluded = relationships[2]
    assert Closing.objects.filter(relationship=concluded).count() == 2
    upcoming = Meeting.objects.filter(status="confirmed", relationship=relationships[0])
    assert upcoming.count() == 1


def test_the_same_seed_gives_the_same_activity(relationships) -> None:
    first = add_demo_activity(seed=3)
    snapshot = list(Meeting.objects.order_by("pk").values_list("relationship_id", "starts_at"))
    Meeting.objects.all().delete()
    for model in (JournalEntry, Closing, MentoringEvent):
        model.objects.all().delete()
    from ithaca.mentoring.models import AgendaTopic, Goal, Introduction, Review

    for model in (AgendaTopic, Goal, Introduction, Review):
        model.objects.all().delete()
    second = add_demo_activity(seed=3)
    assert first == second
    again = list(Meeting.objects.order_by("pk").values_list("relationship_id", "starts_at"))
    assert [r for r, _ in again] == [r for r, _ in snapshot]


def test_it_runs_once(relationships) -> None:
    add_demo_activity(seed=1)
    meetings = Meeting.objects.count()
    assert add_demo_activity(seed=1) == {}
    assert Meeting.objects.count() == meetings


def test_demo_rows_keep_every_rule(relationships) -> None:
    add_demo_activity(seed=5)
    assert not Meeting.objects.filter(status="held", starts_at__gt=timezone.now()).exists()
    assert set(JournalEntry.objects.values_list("side", flat=True)) <= {"mentor", "mentee"}
    for rel in relationships:
        assert not Meeting.objects.filter(relationship=rel, starts_at__lt=rel.started_at).exists()
    rel = relationships[0]
    url = f"/api/v1/mentoring/relationships/{rel.pk}/journal/"
    for side, person in (("mentor", rel.mentor), ("mentee", rel.mentee)):
        listed = {entry["id"] for entry in api(person).get(url).json()["results"]}
        own = JournalEntry.objects.filter(relationship=rel, side=side).values_list("pk", flat=True)
        assert listed == set(own) and listed


def test_the_event_has_signups_one_sided_marks_and_one_mutual_pair(relationships) -> None:
    add_demo_activity(seed=2)
    event = MentoringEvent.objects.get(kind="networking")
    assert event.signups.count() >= 4
    mutual = MutualInterest.objects.get(event=event)
    pairs = set(ContinueMark.objects.filter(event=event).values_list("marker_id", "marked_id"))
    reciprocated = {(a, b) for a, b in pairs if (b, a) in pairs}
    assert reciprocated == {
        (mutual.first_id, mutual.second_id),
        (mutual.second_id, mutual.first_id),
    }
    assert mutual.relationship is not None or mutual.refused_reason


def test_only_the_first_relationships_get_a_rich_workspace(relationships) -> None:
    add_demo_activity(seed=2)
    with_notes = Meeting.objects.annotate(n=Count("notes")).filter(n__gt=0)
    assert with_notes.values("relationship").distinct().count() <= RICH
    assert not Meeting.objects.filter(~Q(relationship__in=relationships)).exists()

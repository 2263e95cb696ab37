"""Retention: notes and journals of long-concluded relationships are deleted, once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from ithaca.audit.models import Action, AuditEvent
from ithaca.coaching.models import CoachingEngagement, SessionNote
from ithaca.coaching.tests.factories import NoteFactory, SessionFactory, active_engagement
from ithaca.home.management.commands.periodic import discover_jobs
from ithaca.mentoring.models import JournalEntry, MeetingNote, MentoringRelationship
from ithaca.mentoring.tests.factories import (
    JournalEntryFactory,
    MeetingFactory,
    MeetingNoteFactory,
    active_relationship,
)
from ithaca.privacy.periodic import expire_old_notes

pytestmark = pytest.mark.django_db
NOW = timezone.now()


def concluded(relationship, years_ago: float):
    when = NOW - dt.timedelta(days=365.25 * years_ago)
    type(relationship).objects.filter(pk=relationship.pk).update(
        status="concluded", started_at=when - dt.timedelta(days=200), ended_at=when
    )
    return relationship


def mentoring_with_notes(years_ago: float | None):
    rel = active_relationship()
    MeetingNoteFactory(meeting=MeetingFactory(relationship=rel))
    JournalEntryFactory(relationship=rel, side="mentee")
    JournalEntryFactory(relationship=rel, side="mentor")
    return concluded(rel, years_ago) if years_ago is not None else rel


def coaching_with_notes(years_ago: float):
    engagement = active_engagement()
    NoteFactory(session=SessionFactory(engagement=engagement))
    return concluded(engagement, years_ago)


def test_notes_of_relationships_concluded_over_six_years_ago_are_deleted() -> None:
    old, recent = mentoring_with_notes(6.5), mentoring_with_notes(5.5)
    ongoing = mentoring_with_notes(None)
    old_coaching = coaching_with_notes(7)
    counts = expire_old_notes(now=NOW)
    assert counts["meeting notes"] == 1 and counts["journal entries"] == 2
    assert counts["session notes"] == 1
    assert not MeetingNote.objects.filter(meeting__relationship=old).exists()
    assert not JournalEntry.objects.filter(relationship=old).exists()
    assert not SessionNote.objects.filter(session__engagement=old_coaching).exists()
    for kept in (recent, ongoing):
        assert JournalEntry.objects.filter(relationship=kept).count() == 2
        assert MeetingNote.objects.filter(meeting__relationship=kept).count() == 1
    # The relationships themselves stay, for the organization's reports.
    assert MentoringRelationship.objects.filter(pk=old.pk).exists()
    assert CoachingEngagement.objects.filter(pk=old_coaching.pk).exists()


def test_running_it_twice_deletes_nothing_more_and_audits_once() -> None:
    mentoring_with_notes(8)
    first = expire_old_notes(now=NOW)
    second = expire_old_notes(now=NOW)
    assert sum(first.values()) == 3 and sum(second.values()) == 0
    [event] = AuditEvent.objects.filter(action=Action.ERASURE)
    assert event.actor is None and "Retention (6 years)" in event.summary


def test_the_number_of_years_comes_from_the_settings(settings) -> None:
    settings.ITHACA_RETENTION_YEARS = 2
    rel = mentoring_with_notes(3)
    expire_old_notes(now=NOW)
    assert not JournalEntry.objects.filter(relationship=rel).exists()


def test_the_periodic_command_runs_the_job() -> None:
    assert "privacy.expire_old_notes" in dict(discover_jobs())

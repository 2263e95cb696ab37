"""Meetings as needed: proposed by either side, accepted by the other, or logged afterwards."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.mentoring import services
from ithaca.mentoring.models import Meeting, MeetingNote
from ithaca.mentoring.tests.factories import (
    TopicFactory,
    active_relationship,
    soon,
    started_days_ago,
)

pytestmark = pytest.mark.django_db


def _propose(rel, user, start=None, **extra):
    start = start or soon(3)
    fields = {"ends_at": start + dt.timedelta(hours=1), "location": "Café on level 2"}
    fields.update(extra)
    return services.meeting_propose(relationship=rel, user=user, starts_at=start, **fields)


def test_either_side_proposes_and_the_other_accepts(rel, django_capture_on_commit_callbacks):
    meeting = _propose(rel, rel.mentor)
    assert meeting.status == "proposed"
    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.meeting_accept(relationship=rel, user=rel.mentee, meeting=meeting)
    assert (meeting.status, meeting.responded_by_id) == ("confirmed", rel.mentee.pk)
    # The acceptance tells the mentor, with the invite (the mentee accepted).
    assert [m.to for m in mail.outbox] == [[rel.mentor.email]]
    assert mail.outbox[0].attachments


def test_the_proposer_cannot_accept_their_own_proposal(rel) -> None:
    meeting = _propose(rel, rel.mentee)
    with pytest.raises(PermissionDenied, match="other side answers"):
        services.meeting_accept(relationship=rel, user=rel.mentee, meeting=meeting)


def test_a_proposal_in_the_past_is_refused_with_a_way_forward(rel) -> None:
    with pytest.raises(DomainError, match=r"must start in the future.*log it") as caught:
        _propose(rel, rel.mentee, start=timezone.now() - dt.timedelta(hours=2))
    assert caught.value.field == "starts_at"
    assert not Meeting.objects.exists()


def test_a_meeting_that_ends_before_it_starts_is_refused(rel) -> None:
    start = soon(2)
    with pytest.raises(DomainError, match="end after it starts") as caught:
        _propose(rel, rel.mentee, start=start, ends_at=start - dt.timedelta(minutes=30))
    assert caught.value.field == "ends_at"
    assert not Meeting.objects.exists()


def test_a_meeting_needs_a_place_or_a_link(rel) -> None:
    with pytest.raises(DomainError, match="a place or a link"):
        _propose(rel, rel.mentee, location="  ")


def test_topics_come_from_this_agenda_only(rel) -> None:
    ours = TopicFactory(relationship=rel)
    theirs = TopicFactory(relationship=active_relationship())
    with pytest.raises(DomainError, match="not on this relationship's agenda"):
        _propose(rel, rel.mentee, topic_ids=[ours.pk, theirs.pk])
    assert not Meeting.objects.exists()
    meeting = _propose(rel, rel.mentee, topic_ids=[ours.pk])
    assert list(meeting.topics.all()) == [ours]


def test_a_meeting_is_logged_after_the_fact_with_a_shared_note(rel) -> None:
    rel = started_days_ago(rel, 30)
    start = timezone.now() - dt.timedelta(days=2)
    meeting = services.meeting_log(
        relationship=rel, user=rel.mentor, starts_at=start,
        ends_at=start + dt.timedelta(minutes=45), note="We talked about the rota.",
    )  # fmt: skip
    assert meeting.status == "held"
    assert MeetingNote.objects.get(meeting=meeting).body == "We talked about the rota."


def test_a_logged_meeting_cannot_predate_the_relationship(rel) -> None:
    start = timezone.now() - dt.timedelta(days=20)
    with pytest.raises(DomainError, match="before this relationship started"):
        services.meeting_log(
            relationship=rel, user=rel.mentee, starts_at=start,
            ends_at=start + dt.timedelta(hours=1),
        )  # fmt: skip


def test_a_logged_meeting_must_be_over(rel) -> None:
    with pytest.raises(DomainError, match="already happened"):
        services.meeting_log(
            relationship=rel, user=rel.mentee, starts_at=soon(1),
            ends_at=soon(1, hours=1),
        )  # fmt: skip


def test_a_past_proposal_can_no_longer_be_accepted(rel) -> None:
    meeting = _propose(rel, rel.mentor)
    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=timezone.now() - dt.timedelta(hours=3),
        ends_at=timezone.now() - dt.timedelta(hours=2),
    )
    with pytest.raises(DomainError, match="time has passed"):
        services.meeting_accept(relationship=rel, user=rel.mentee, meeting=meeting)


def test_rescheduling_keeps_the_meeting_and_raises_its_sequence(rel) -> None:
    meeting = _propose(rel, rel.mentor)
    services.meeting_accept(relationship=rel, user=rel.mentee, meeting=meeting)
    start = soon(5)
    moved = services.meeting_reschedule(
        relationship=rel, user=rel.mentee, meeting=meeting, starts_at=start,
        ends_at=start + dt.timedelta(hours=1), location="Garden",
    )  # fmt: skip
    assert (moved.pk, moved.status, moved.sequence) == (meeting.pk, "proposed", 1)
    assert moved.proposed_by_id == rel.mentee.pk and moved.responded_by_id is None


def test_cancelling_an_accepted_meeting_sends_a_cancellation(
    rel, django_capture_on_commit_callbacks
) -> None:
    meeting = _propose(rel, rel.mentor)
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_accept(relationship=rel, user=rel.mentee, meeting=meeting)
    with django_capture_on_commit_callbacks(execute=True):
        meeting = services.meeting_cancel(relationship=rel, user=rel.mentor, meeting=meeting)
    assert meeting.status == "cancelled" and len(mail.outbox) == 2
    assert mail.outbox[1].to == [rel.mentee.email]
    assert "cancelled the meeting" in mail.outbox[1].subject
    assert "method=CANCEL" in mail.outbox[1].attachments[0][2]


def test_cancelling_an_unanswered_proposal_sends_no_calendar_cancellation(
    rel, django_capture_on_commit_callbacks
) -> None:
    meeting = _propose(rel, rel.mentor)
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(relationship=rel, user=rel.mentee, meeting=meeting)
    # The mentor is told it is off; no calendar ever had it, so no invite is attached.
    assert [m.to for m in mail.outbox] == [[rel.mentor.email]]
    assert mail.outbox[0].attachments == []


def test_either_side_writes_shared_notes(rel) -> None:
    meeting = _propose(rel, rel.mentor)
    services.note_add(relationship=rel, user=rel.mentee, meeting=meeting, body="Bring the CV")
    services.note_add(relationship=rel, user=rel.mentor, meeting=meeting, body="Will do")
    assert meeting.notes.count() == 2


def test_only_the_author_changes_a_note(rel) -> None:
    meeting = _propose(rel, rel.mentor)
    note = services.note_add(relationship=rel, user=rel.mentee, meeting=meeting, body="Mine")
    with pytest.raises(PermissionDenied):
        services.note_edit(relationship=rel, user=rel.mentor, note=note, body="Changed")
    note.refresh_from_db()
    assert note.body == "Mine"


def test_the_database_refuses_a_meeting_that_ends_before_it_starts(rel) -> None:
    from django.db import IntegrityError

    start = soon(1)
    with pytest.raises(IntegrityError):
        Meeting.objects.create(
            relationship=rel, starts_at=start, ends_at=start, proposed_by=rel.mentee
        )

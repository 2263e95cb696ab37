"""Sessions: the agreed limit, late cancellations, rescheduling, invites, notes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.db import IntegrityError
from django.utils import timezone
from icalendar import Calendar

from ithaca.coaching import services
from ithaca.coaching.models import CoachingSession, SessionNote
from ithaca.coaching.tests.factories import active_engagement, at, proposed_engagement, sign_all
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.notifications.models import Notification
from ithaca.notifications.tasks import deliver
from ithaca.programs import relationships as lifecycle

pytestmark = pytest.mark.django_db


@pytest.fixture
def engagement():
    return active_engagement(session_count=2, cancellation_notice_hours=24)


def _book(engagement, days=3, user=None, **extra):
    return services.session_schedule(
        engagement=engagement,
        user=user or engagement.coach,
        starts_at=at(days),
        ends_at=at(days, 11),
        location="Room 2",
        **extra,
    )


def _event(message):
    (name, content, mimetype) = message.attachments[0]
    assert name == "invite.ics" and mimetype.startswith("text/calendar")
    calendar = Calendar.from_ical(content)
    return calendar, calendar.walk("VEVENT")[0]


def test_it_books_a_session_and_refuses_one_beyond_the_agreed_number(engagement) -> None:
    _book(engagement, 3)
    _book(engagement, 10)
    with pytest.raises(DomainError, match="All 2 agreed sessions"):
        _book(engagement, 17)
    assert CoachingSession.objects.count() == 2


def test_a_cancelled_session_frees_its_place_but_a_late_one_does_not(engagement) -> None:
    early = _book(engagement, 5)
    late = services.session_schedule(
        engagement=engagement,
        user=engagement.coachee,
        starts_at=timezone.now() + dt.timedelta(hours=5),
        ends_at=timezone.now() + dt.timedelta(hours=6),
        location="Video link",
    )
    services.session_cancel(session=early, user=engagement.coach, reason="Ward inspection")
    late = services.session_cancel(session=late, user=engagement.coachee, reason="Ill")
    assert late.late_cancellation is True
    early.refresh_from_db()
    assert early.late_cancellation is False
    _book(engagement, 12)  # the early cancellation's place is free again
    with pytest.raises(DomainError, match="lost to late cancellation"):
        _book(engagement, 19)


def test_it_refuses_a_session_in_the_past_unless_recorded_as_held(engagement) -> None:
    with pytest.raises(DomainError, match="future"):
        _book(engagement, -2)
    held = _book(engagement, -2, held=True)
    assert held.status == "held"
    with pytest.raises(DomainError, match="cannot have been held"):
        _book(engagement, 4, held=True)


def test_it_refuses_backwards_naive_and_out_of_contract_times(engagement) -> None:
    with pytest.raises(DomainError, match="end after"):
        services.session_schedule(
            engagement=engagement,
            user=engagement.coach,
            starts_at=at(3, 11),
            ends_at=at(3, 10),
            location="Room",
        )
    with pytest.raises(DomainError, match="time zone"):
        services.session_schedule(
            engagement=engagement,
            user=engagement.coach,
            starts_at=dt.datetime(2030, 1, 1, 9),
            ends_at=dt.datetime(2030, 1, 1, 10),
            location="Room",
        )
    with pytest.raises(DomainError, match="amend it"):
        _book(engagement, 400)
    assert not CoachingSession.objects.exists()


def test_the_database_refuses_a_session_that_ends_before_it_starts(engagement) -> None:
    with pytest.raises(IntegrityError):
        CoachingSession.objects.create(
            engagement=engagement, starts_at=at(2, 11), ends_at=at(2, 10), location="x"
        )


def test_sessions_need_an_active_engagement_with_a_signed_agreement() -> None:
    engagement = proposed_engagement()
    with pytest.raises(DomainError, match="has not started"):
        _book(engagement)
    sign_all(engagement)
    engagement.refresh_from_db()
    lifecycle.relationship_pause(engagement, user=engagement.coach)
    engagement.refresh_from_db()
    with pytest.raises(DomainError, match="paused"):
        _book(engagement)


def test_a_sponsor_cannot_book_and_a_three_way_session_needs_a_sponsor(engagement) -> None:
    with pytest.raises(PermissionDenied):
        _book(engagement, user=engagement.sponsor)
    alone = active_engagement(sponsor=False)
    with pytest.raises(DomainError, match="needs a sponsor"):
        _book(alone, kind="three_way_start")


def test_booking_emails_an_invite_that_round_trips(
    engagement, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        session = _book(engagement, 3)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    # The coach booked it; the coachee is told (the coach's own calendar feed has it).
    assert message.to == [engagement.coachee.email]
    calendar, event = _event(message)
    assert str(calendar.get("method")) == "REQUEST"
    assert str(event.get("uid")) == f"coaching-session-{session.pk}@127.0.0.1"
    assert event.decoded("dtstart") == session.starts_at
    assert event.decoded("dtend") == session.ends_at
    assert event.get("sequence") == 0
    assert "Agenda" not in message.body


def test_rescheduling_keeps_the_uid_and_raises_the_sequence(
    engagement, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        session = _book(engagement, 3)
    with django_capture_on_commit_callbacks(execute=True):
        services.session_reschedule(
            session=session,
            user=engagement.coachee,
            starts_at=at(4),
            ends_at=at(4, 11),
            reason="Clinic overran",
        )
    first, second = (_event(m)[1] for m in mail.outbox)
    assert str(first.get("uid")) == str(second.get("uid"))
    assert (first.get("sequence"), second.get("sequence")) == (0, 1)
    assert second.decoded("dtstart") == at(4)


def test_cancelling_sends_a_cancel_for_the_same_event(
    engagement, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        session = _book(engagement, 3, kind="three_way_start")
    with django_capture_on_commit_callbacks(execute=True):
        services.session_cancel(session=session, user=engagement.coach, reason="Sponsor away")
    calendar, event = _event(mail.outbox[-1])
    assert str(calendar.get("method")) == "CANCEL" and str(event.get("status")) == "CANCELLED"
    assert event.get("sequence") == 1
    assert engagement.sponsor.email in mail.outbox[-1].to  # three-way: the sponsor attends


def test_an_invite_superseded_before_it_was_sent_is_not_sent(
    engagement, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        session = _book(engagement, 3)
        services.session_reschedule(
            session=session,
            user=engagement.coach,
            starts_at=at(6),
            ends_at=at(6, 11),
            reason="Moved twice in one go",
        )
    assert len(mail.outbox) == 1 and _event(mail.outbox[0])[1].get("sequence") == 1


def test_an_invite_task_run_twice_sends_once(engagement) -> None:
    _book(engagement, 3)
    invite = Notification.objects.get(kind="session.scheduled")
    assert deliver.call(invite.pk) is True
    assert deliver.call(invite.pk) is False
    assert len(mail.outbox) == 1
    invite.refresh_from_db()
    assert invite.email == "sent" and invite.emailed_at is not None


def test_a_rolled_back_booking_sends_nothing(engagement, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DomainError):
        _book(engagement, 400)
    assert mail.outbox == []


def test_cancel_and_reschedule_need_a_reason(engagement) -> None:
    session = _book(engagement, 3)
    with pytest.raises(DomainError, match="why"):
        services.session_cancel(session=session, user=engagement.coach, reason=" ")
    with pytest.raises(DomainError, match="why"):
        services.session_reschedule(
            session=session, user=engagement.coach, starts_at=at(5), ends_at=at(5, 11), reason=""
        )
    session.refresh_from_db()
    assert (session.status, session.sequence) == ("scheduled", 0)


def test_notes_take_only_the_visibilities_the_writer_may_choose(engagement) -> None:
    one_to_one = _book(engagement, -1, held=True)
    services.note_add(session=one_to_one, user=engagement.coach, visibility="private", text="x")
    services.note_add(session=one_to_one, user=engagement.coachee, visibility="shared", text="y")
    with pytest.raises(PermissionDenied):
        services.note_add(
            session=one_to_one, user=engagement.coachee, visibility="private", text="z"
        )
    with pytest.raises(PermissionDenied):
        services.note_add(
            session=one_to_one, user=engagement.coach, visibility="three_way", text="z"
        )
    with pytest.raises(PermissionDenied):
        services.note_add(
            session=one_to_one, user=engagement.sponsor, visibility="shared", text="z"
        )
    assert SessionNote.objects.count() == 2


def test_grow_prompts_structure_a_note_in_any_order_or_not_at_all(engagement) -> None:
    session = _book(engagement, -1, held=True)
    note = services.note_add(
        session=session,
        user=engagement.coach,
        visibility="shared",
        grow={"will": "Ask Sam to draft the rota", "reality": "I redo others' work"},
    )
    assert note.grow == [("Reality", "I redo others' work"), ("Will", "Ask Sam to draft the rota")]
    with pytest.raises(DomainError, match="at least one GROW"):
        services.note_add(session=session, user=engagement.coach, visibility="shared")

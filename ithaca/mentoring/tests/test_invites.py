"""Calendar invites: parsed back by icalendar with the right times, attendees and UID."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import translation
from icalendar import Calendar

from ithaca.mentoring import services
from ithaca.mentoring.tests.factories import group_of
from ithaca.notifications.models import Notification
from ithaca.notifications.tasks import deliver

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


def _event(message):
    name, content, mimetype = message.attachments[0]
    assert name == "invite.ics" and mimetype.startswith("text/calendar")
    calendar = Calendar.from_ical(content)
    return calendar, calendar.walk("VEVENT")[0]


def _confirmed(rel, start, capture, location="Library, room 2"):
    meeting = services.meeting_propose(
        relationship=rel, user=rel.mentor, starts_at=start,
        ends_at=start + dt.timedelta(minutes=90), location=location,
    )  # fmt: skip
    with capture(execute=True):
        services.meeting_accept(relationship=rel, user=rel.mentee, meeting=meeting)
    return meeting


def _next_year(month=3, day=14, hour=9, minute=30):
    year = dt.date.today().year + 1
    return dt.datetime(year, month, day, hour, minute, tzinfo=PARIS)


def test_the_invite_has_the_meetings_times_place_and_both_people(
    rel, django_capture_on_commit_callbacks
) -> None:
    start = _next_year()
    meeting = _confirmed(rel, start, django_capture_on_commit_callbacks)
    calendar, event = _event(mail.outbox[0])
    assert str(calendar.get("method")) == "REQUEST"
    assert event.decoded("dtstart") == start.astimezone(dt.UTC)
    assert event.decoded("dtend") == (start + dt.timedelta(minutes=90)).astimezone(dt.UTC)
    assert sorted(str(a) for a in event.get("attendee")) == sorted(
        f"mailto:{p.email}" for p in (rel.mentor, rel.mentee)
    )
    assert str(event.get("location")) == "Library, room 2"
    assert str(event.get("uid")) == meeting.uid and event.get("sequence") == 0


def test_a_new_time_keeps_the_uid_and_raises_the_sequence(
    rel, django_capture_on_commit_callbacks
) -> None:
    meeting = _confirmed(rel, _next_year(), django_capture_on_commit_callbacks)
    later = _next_year(day=21, hour=16)
    services.meeting_reschedule(
        relationship=rel, user=rel.mentor, meeting=meeting, starts_at=later,
        ends_at=later + dt.timedelta(hours=1), location="https://meet.example.org/ab",
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_accept(relationship=rel, user=rel.mentee, meeting=meeting)
    _, first = _event(mail.outbox[0])
    _, second = _event(mail.outbox[1])
    assert str(first.get("uid")) == str(second.get("uid"))
    assert second.get("sequence") == 1
    assert second.decoded("dtstart") == later.astimezone(dt.UTC)


def test_a_cancellation_carries_the_same_uid_and_a_higher_sequence(
    rel, django_capture_on_commit_callbacks
) -> None:
    meeting = _confirmed(rel, _next_year(), django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(relationship=rel, user=rel.mentee, meeting=meeting)
    calendar, event = _event(mail.outbox[1])
    assert str(calendar.get("method")) == "CANCEL"
    assert str(event.get("uid")) == meeting.uid and event.get("sequence") == 1


def test_the_invite_task_run_twice_sends_once(rel, django_capture_on_commit_callbacks) -> None:
    meeting = _confirmed(rel, _next_year(), django_capture_on_commit_callbacks)
    invite = Notification.objects.get(kind="meeting.accepted", recipient=rel.mentor)
    assert invite.url.endswith(f"/meetings/{meeting.pk}/")
    assert deliver.call(invite.pk) is False
    assert len(mail.outbox) == 1


def test_a_group_meeting_invites_the_mentor_and_every_mentee(
    django_capture_on_commit_callbacks,
) -> None:
    first, second, third = group_of(3)
    start = _next_year()
    meeting = services.meeting_propose(
        relationship=first, user=first.mentor, starts_at=start,
        ends_at=start + dt.timedelta(hours=1), location="Seminar room",
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_accept(relationship=second, user=second.mentee, meeting=meeting)
    _, event = _event(mail.outbox[0])
    expected = {first.mentor.email, first.mentee.email, second.mentee.email, third.mentee.email}
    assert {str(a).removeprefix("mailto:") for a in event.get("attendee")} == expected


def test_each_invitee_reads_the_invite_in_their_own_language(
    django_capture_on_commit_callbacks,
) -> None:
    first, second, _third = group_of(3)
    for person, language in ((first.mentor, "en"), (first.mentee, "de"), (second.mentee, "fr")):
        person.profile.interface_language = language
        person.profile.save(update_fields=["interface_language"])
    start = _next_year()
    meeting = services.meeting_propose(
        relationship=first, user=first.mentor, starts_at=start,
        ends_at=start + dt.timedelta(hours=1), location="Seminar room",
    )  # fmt: skip
    # The French-speaking mentee accepts while reading Ithaca in French.
    with translation.override("fr"), django_capture_on_commit_callbacks(execute=True):
        services.meeting_accept(relationship=second, user=second.mentee, meeting=meeting)
    summaries = {m.to[0]: str(_event(m)[1].get("summary")) for m in mail.outbox}
    mentor = first.mentor.display_name
    assert summaries[first.mentor.email] == f"Mentoring group with {mentor}"
    assert summaries[first.mentee.email] == f"Mentoring-Gruppe mit {mentor}"
    assert second.mentee.email not in summaries  # who accepted is not told

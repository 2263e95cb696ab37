"""The personal calendar feed: a secret address, the person's own meetings, sessions
and events, and a replaced address that stops working."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from icalendar import Calendar

from ithaca.accounts.tests.factories import UserFactory
from ithaca.coaching import services as coaching
from ithaca.coaching.tests.factories import active_engagement, at
from ithaca.mentoring import services as mentoring
from ithaca.mentoring.tests.factories import active_relationship, soon
from ithaca.notifications.feeds import feed_token
from ithaca.notifications.models import Notification

pytestmark = pytest.mark.django_db


def _uids(user) -> dict[str, object]:
    response = Client().get(f"/calendar/{feed_token(user)}.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert str(calendar.get("method")) == "PUBLISH"
    return {str(e.get("uid")): e for e in calendar.walk("VEVENT")}


def test_the_feed_has_each_persons_meetings_and_follows_their_changes():
    rel = active_relationship()
    start = soon(3)
    meeting = mentoring.meeting_propose(
        relationship=rel, user=rel.mentor, starts_at=start,
        ends_at=start + dt.timedelta(hours=1), location="Library",
    )  # fmt: skip
    mentoring.meeting_accept(relationship=rel, user=rel.mentee, meeting=meeting)
    for person in (rel.mentor, rel.mentee):
        assert str(_uids(person)[meeting.uid].get("status")) == "CONFIRMED"
    assert meeting.uid not in _uids(UserFactory())
    mentoring.meeting_cancel(relationship=rel, user=rel.mentee, meeting=meeting)
    event = _uids(rel.mentor)[meeting.uid]
    assert str(event.get("status")) == "CANCELLED" and event.get("sequence") == 1


def test_a_sponsor_sees_three_way_sessions_only():
    engagement = active_engagement()
    one = coaching.session_schedule(
        engagement=engagement, user=engagement.coach, starts_at=at(3), ends_at=at(3, 11),
        location="Room 2",
    )  # fmt: skip
    three = coaching.session_schedule(
        engagement=engagement, user=engagement.coach, starts_at=at(5), ends_at=at(5, 11),
        location="Room 2", kind="three_way_start",
    )  # fmt: skip
    sponsor = _uids(engagement.sponsor)
    coachee = _uids(engagement.coachee)
    assert f"coaching-session-{three.pk}@127.0.0.1" in sponsor
    assert f"coaching-session-{one.pk}@127.0.0.1" not in sponsor
    assert {f"coaching-session-{s.pk}@127.0.0.1" for s in (one, three)} <= set(coachee)


def test_a_new_address_revokes_the_old_one_and_says_so():
    person = UserFactory()
    client = Client()
    client.force_login(person)
    page = client.get("/calendar/").content.decode()
    old = feed_token(person)
    assert f"webcal://127.0.0.1:8000/calendar/{old}.ics" in page
    client.post("/calendar/")
    assert Client().get(f"/calendar/{old}.ics").status_code == 404
    assert Client().get(f"/calendar/{feed_token(person)}.ics").status_code == 200
    assert Notification.objects.get(recipient=person).kind == "account.calendar_feed_reset"


def test_unknown_tokens_and_inactive_people_get_nothing():
    person = UserFactory()
    token = feed_token(person)
    assert Client().get("/calendar/guess.ics").status_code == 404
    person.is_active = False
    person.save()
    assert Client().get(f"/calendar/{token}.ics").status_code == 404


def test_the_page_needs_signing_in():
    assert Client().get("/calendar/").status_code == 302


def test_the_feed_speaks_its_owners_language_whatever_the_calendar_app_asks_in():
    rel = active_relationship()
    rel.mentee.profile.interface_language = "de"
    rel.mentee.profile.save(update_fields=["interface_language"])
    start = soon(3)
    meeting = mentoring.meeting_propose(
        relationship=rel, user=rel.mentor, starts_at=start,
        ends_at=start + dt.timedelta(hours=1), location="Library",
    )  # fmt: skip
    mentoring.meeting_accept(relationship=rel, user=rel.mentee, meeting=meeting)
    names = (rel.mentee.display_name, rel.mentor.display_name)
    response = Client().get(f"/calendar/{feed_token(rel.mentee)}.ics", HTTP_ACCEPT_LANGUAGE="fr")
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event.get("summary")) == "Mentoring: {} und {}".format(*names)
    assert str(_uids(rel.mentor)[meeting.uid].get("summary")) == (
        "Mentoring: {} and {}".format(*names)
    )

"""A form sent twice makes one record; a session date years ahead is a clear error, not a 500."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from ithaca.coaching.forms import RescheduleForm
from ithaca.coaching.models import CheckIn, CoachingSession
from ithaca.coaching.services import checkin_record
from ithaca.coaching.tests.factories import GoalFactory, active_engagement
from ithaca.mentoring.models import Meeting
from ithaca.mentoring.tests.factories import active_relationship, soon, started_days_ago

pytestmark = pytest.mark.django_db


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_a_meeting_proposal_sent_twice_through_the_api_is_one_meeting() -> None:
    rel = active_relationship()
    start = soon(4)
    body = {"starts_at": start.isoformat(), "location": "Café",
            "ends_at": (start + dt.timedelta(hours=1)).isoformat()}  # fmt: skip
    url = f"/api/v1/mentoring/relationships/{rel.pk}/meetings/"
    first = api(rel.mentee).post(url, body, format="json")
    second = api(rel.mentee).post(url, body, format="json")
    assert first.status_code in (200, 201) and second.status_code in (200, 201)
    assert first.json()["id"] == second.json()["id"]
    assert Meeting.objects.filter(relationship=rel).count() == 1


def test_a_meeting_log_sent_twice_through_the_form_is_one_meeting_and_one_note() -> None:
    rel = started_days_ago(active_relationship(), 20)
    start = timezone.localtime() - dt.timedelta(days=3)
    web = Client()
    web.force_login(rel.mentor)
    data = {"starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (start + dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            "note": "Walked and talked"}  # fmt: skip
    for _ in range(2):
        response = web.post(f"/mentoring/{rel.pk}/meetings/log/", data)
        assert response.status_code in (200, 302)
    meetings = Meeting.objects.filter(relationship=rel)
    assert meetings.count() == 1 and meetings.get().notes.count() == 1


def test_a_different_meeting_is_still_a_second_meeting() -> None:
    rel = active_relationship()
    url = f"/api/v1/mentoring/relationships/{rel.pk}/meetings/"
    for days in (4, 5):
        start = soon(days)
        api(rel.mentee).post(url, {"starts_at": start.isoformat(), "location": "Café",
                                   "ends_at": (start + dt.timedelta(hours=1)).isoformat()},
                             format="json")  # fmt: skip
    assert Meeting.objects.filter(relationship=rel).count() == 2


def test_a_check_in_sent_twice_is_one_check_in() -> None:
    engagement = active_engagement()
    goal = GoalFactory(engagement=engagement)
    url = f"/api/v1/coaching/goals/{goal.pk}/checkins/"
    client = api(engagement.coachee)
    codes = [client.post(url, {"value": "3.5"}, format="json").status_code for _ in range(2)]
    assert all(code in (200, 201) for code in codes)
    assert CheckIn.objects.filter(goal=goal).count() == 1
    # A different value the same day is a new measurement.
    checkin_record(goal=goal, user=engagement.coachee, value="4")
    assert CheckIn.objects.filter(goal=goal).count() == 2


def test_booking_a_session_in_the_year_9999_is_a_clear_error() -> None:
    engagement = active_engagement()
    web = Client(raise_request_exception=False)
    web.force_login(engagement.coach)
    response = web.post(
        f"/coaching/{engagement.pk}/sessions/",
        {"kind": "one_to_one", "starts_at": "9999-12-31T23:30", "minutes": 480,
         "location": "Room 4"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "within the next 5 years" in response.content.decode()
    assert not CoachingSession.objects.filter(engagement=engagement).exists()


def test_rescheduling_to_the_year_9999_is_a_clear_error() -> None:
    form = RescheduleForm({"starts_at": "9999-12-31T23:30", "minutes": 480, "reason": "Moved"})
    assert not form.is_valid()
    assert "within the next 5 years" in form.errors["starts_at"][0]


def test_the_api_refuses_a_session_years_ahead_with_the_error_shape() -> None:
    engagement = active_engagement()
    start = timezone.now().replace(year=timezone.now().year + 50)
    response = api(engagement.coach).post(
        f"/api/v1/coaching/engagements/{engagement.pk}/sessions/",
        {"starts_at": start.isoformat(), "location": "Room 4",
         "ends_at": (start + dt.timedelta(hours=1)).isoformat()},
        format="json",
    )  # fmt: skip
    assert response.status_code == 400
    assert "within the next 5 years" in response.json()["error"]["message"]

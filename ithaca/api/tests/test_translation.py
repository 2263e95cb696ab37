"""The API's own error messages speak German under German; codes, field names and
values stay as they are (compiled catalogues needed: `manage.py compilemessages`
runs before the tests)."""

from __future__ import annotations

import pytest
from django.utils import translation
from rest_framework.test import APIClient

from ithaca.accounts.tests.factories import UserFactory
from ithaca.mentoring.services import mentoring_propose
from ithaca.notifications import services as notifications
from ithaca.programs.tests.factories import make_pair

pytestmark = pytest.mark.django_db


def test_a_wrong_password_is_refused_in_german_under_german() -> None:
    UserFactory(email="api@example.org")
    with translation.override("de"):
        response = APIClient().post(
            "/api/v1/auth/token/",
            {"email": "api@example.org", "password": "nope"},
            HTTP_ACCEPT_LANGUAGE="de",
        )
    error = response.json()["error"]
    assert response.status_code == 400 and error["code"] == "invalid"
    assert error["message"] == "Die Anfrage enthält Fehler."
    assert error["fields"] == {"non_field_errors": ["E-Mail-Adresse oder Passwort ist falsch."]}


def test_an_unknown_action_and_an_illegal_move_are_german_under_german() -> None:
    program, mentor, mentee = make_pair("mentoring")
    rel = mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    client = APIClient()
    client.force_authenticate(mentor)
    with translation.override("de"):
        unknown = client.post(f"/api/v1/relationships/{rel.pk}/fly/", HTTP_ACCEPT_LANGUAGE="de")
        illegal = client.post(f"/api/v1/relationships/{rel.pk}/resume/", HTTP_ACCEPT_LANGUAGE="de")
    assert unknown.json()["error"]["fields"]["action"][0].startswith(
        "Verwenden Sie einen dieser Werte:"
    )
    assert illegal.status_code == 400
    assert illegal.json()["error"]["message"] == (
        "Nur eine pausierte Beziehung kann fortgesetzt werden."
    )


def test_notifications_are_served_in_the_readers_language() -> None:
    person, actor = UserFactory(), UserFactory(first_name="Ana", last_name="Ruiz")
    program, *_ = make_pair("mentoring")
    notifications.notify(
        recipient=person,
        kind="request.received",
        subject=program,
        actor=actor,
        context={"program": "Nurses", "helper_word": "mentor"},
    )
    client = APIClient()
    client.force_authenticate(person)
    with translation.override("fr"):
        body = client.get("/api/v1/notifications/", HTTP_ACCEPT_LANGUAGE="fr").json()
    texts = [item["text"] for item in body["results"]]
    assert texts == ["Ana Ruiz vous demande d'être son mentor dans Nurses."]


def test_a_missing_object_is_said_in_german_under_german() -> None:
    person = UserFactory()
    client = APIClient()
    client.force_authenticate(person)
    mentoring = client.get(
        "/api/v1/mentoring/relationships/999999/agenda/", HTTP_ACCEPT_LANGUAGE="de"
    )
    coaching = client.get("/api/v1/coaching/goals/999999/", HTTP_ACCEPT_LANGUAGE="de")
    assert mentoring.status_code == 404 and coaching.status_code == 404
    assert mentoring.json()["error"]["message"] == "Diese Mentoring-Beziehung gibt es nicht."
    assert coaching.json()["error"]["message"] == "Dieses Ziel gibt es nicht."
    english = client.get("/api/v1/coaching/goals/999999/", HTTP_ACCEPT_LANGUAGE="en")
    assert english.json()["error"]["message"] == "No such goal."

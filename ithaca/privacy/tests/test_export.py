"""Downloading one's data: everything that is theirs, nothing that is someone else's."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from ithaca.accounts.tests.factories import UserFactory
from ithaca.audit.models import Action, AuditEvent
from ithaca.privacy.export import person_export

pytestmark = pytest.mark.django_db


def web(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_it_holds_what_the_person_wrote_in_every_area(world) -> None:
    data = json.loads(web(world.person).get("/privacy/my-data.json").content)
    text = json.dumps(data)
    assert data["account"]["email"] == world.person.email
    assert data["profile"]["job_title"] == "Ward sister"
    assert [c["role"] for c in data["profile"]["career"]] == ["Staff nurse"]
    assert data["intake"]["intakes"][0]["shared_with"] == ["Leadership circle"]
    assert data["intake"]["referrals_received"][0]["reason"] == "She is ready to lead"
    assert [e["body"] for e in data["mentoring"]["journal"]] == ["My secret doubt"]
    assert [n["body"] for n in data["mentoring"]["meeting_notes_written"]] == ["Ada's note"]
    assert [n["text"] for n in data["coaching"]["session_notes_written"]] == ["Ada on delegation"]
    assert data["mentoring"]["relationships"][0]["your_role"] == "mentee"
    assert data["coaching"]["engagements"][0]["your_role"] == "coachee"
    assert "Hand over the rota" in text and "Become a matron" in text
    [answer] = data["surveys"]["pulse_answers"]
    assert (answer["comment"], answer["satisfaction"]) == ("My mentor listens", 4)


def test_it_holds_nothing_the_other_people_wrote_or_their_addresses(world) -> None:
    text = json.dumps(person_export(world.person), default=str)
    for secret in ("Mentor's own", "Mentor's note", "Good step", "Coach's private thoughts"):
        assert secret not in text
    assert world.mentor.email not in text and world.coach.email not in text
    assert world.mentor.display_name in text  # who they worked with, by name


def test_the_download_is_an_attachment_and_is_audited(world) -> None:
    response = web(world.person).get("/privacy/my-data.json")
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="ithaca-my-data-')
    [event] = AuditEvent.objects.filter(action=Action.EXPORT)
    assert event.actor == world.person and event.subject == world.person


def test_each_person_downloads_only_their_own(world) -> None:
    stranger = UserFactory()
    data = json.loads(web(stranger).get("/privacy/my-data.json").content)
    assert data["account"]["email"] == stranger.email
    assert data["mentoring"]["journal"] == [] and data["intake"]["intakes"] == []


def test_signing_in_is_required() -> None:
    for url in ("/privacy/", "/privacy/my-data.json"):
        assert "/accounts/login/" in Client().get(url)["Location"]

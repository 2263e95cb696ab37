"""Mentoring pages: who may see a relationship and press its buttons."""

from __future__ import annotations

import pytest
from django.test import Client

from ithaca.accounts.tests.factories import UserFactory
from ithaca.mentoring.services import mentoring_propose
from ithaca.programs.tests.factories import make_pair

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal():
    program, mentor, mentee = make_pair("mentoring")
    rel = mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    return rel


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_it_sends_signed_out_visitors_to_the_login_page(proposal) -> None:
    response = Client().get(f"/mentoring/{proposal.pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_stranger_gets_a_404_not_a_hint(proposal) -> None:
    assert _client(UserFactory()).get(f"/mentoring/{proposal.pk}/").status_code == 404


def test_both_people_see_the_relationship(proposal) -> None:
    for user in (proposal.mentor, proposal.mentee):
        response = _client(user).get(f"/mentoring/{proposal.pk}/")
        assert response.status_code == 200
        assert proposal.program.name.encode() in response.content


def test_the_program_manager_sees_the_status(proposal) -> None:
    manager = UserFactory()
    proposal.program.managers.add(manager)
    response = _client(manager).get(f"/mentoring/{proposal.pk}/")
    assert response.status_code == 200
    assert b"never its notes or journals" in response.content


def test_the_mentor_accepts_through_the_page(proposal) -> None:
    response = _client(proposal.mentor).post(f"/mentoring/{proposal.pk}/accept/", {"next": "/"})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == "active"


def test_an_htmx_accept_returns_the_updated_card(proposal) -> None:
    response = _client(proposal.mentor).post(
        f"/mentoring/{proposal.pk}/accept/", HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert b"You accepted." in response.content and b"Active" in response.content


def test_an_illegal_move_is_a_message_not_an_error_page(proposal) -> None:
    response = _client(proposal.mentee).post(
        f"/mentoring/{proposal.pk}/conclude/", HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 400
    assert b"cannot become concluded" in response.content
    proposal.refresh_from_db()
    assert proposal.status == "proposed"


def test_a_stranger_cannot_act_on_the_relationship(proposal) -> None:
    response = _client(UserFactory()).post(f"/mentoring/{proposal.pk}/decline/")
    assert response.status_code == 404
    proposal.refresh_from_db()
    assert proposal.status == "proposed"


def test_an_unknown_action_is_a_404(proposal) -> None:
    assert _client(proposal.mentor).post(f"/mentoring/{proposal.pk}/explode/").status_code == 404


def test_the_page_refuses_get_for_actions(proposal) -> None:
    assert _client(proposal.mentor).get(f"/mentoring/{proposal.pk}/accept/").status_code == 405

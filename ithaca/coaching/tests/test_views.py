"""Coaching pages: coach, coachee, sponsor and manager each see what is theirs."""

from __future__ import annotations

import pytest
from django.test import Client

from ithaca.accounts.tests.factories import UserFactory
from ithaca.coaching.services import engagement_propose
from ithaca.programs.tests.factories import ParticipationFactory, make_pair

pytestmark = pytest.mark.django_db


@pytest.fixture
def engagement():
    program, coach, coachee = make_pair("coaching")
    sponsor = ParticipationFactory(program=program, role="sponsor").user
    return engagement_propose(
        program=program, coach=coach, coachee=coachee, sponsor=sponsor, proposed_by=sponsor
    )


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_stranger_gets_a_404(engagement) -> None:
    assert _client(UserFactory()).get(f"/coaching/{engagement.pk}/").status_code == 404


@pytest.mark.parametrize("role", ["coach", "coachee", "sponsor"])
def test_each_party_sees_the_engagement(engagement, role: str) -> None:
    response = _client(getattr(engagement, role)).get(f"/coaching/{engagement.pk}/")
    assert response.status_code == 200


def test_the_sponsor_is_told_what_they_see(engagement) -> None:
    response = _client(engagement.sponsor).get(f"/coaching/{engagement.pk}/")
    assert b"never the content of sessions" in response.content
    assert b">Accept<" not in response.content


def test_the_sponsor_cannot_accept_for_the_coachee(engagement) -> None:
    response = _client(engagement.sponsor).post(f"/coaching/{engagement.pk}/accept/")
    assert response.status_code == 403
    engagement.refresh_from_db()
    assert engagement.seeker_accepted_at is None


def test_coachee_and_coach_accept_and_it_starts(engagement) -> None:
    _client(engagement.coachee).post(f"/coaching/{engagement.pk}/accept/")
    _client(engagement.coach).post(f"/coaching/{engagement.pk}/accept/")
    engagement.refresh_from_db()
    assert engagement.status == "active"

"""Negotiation's shortcut and the list's dates answer what DRF's own code answers."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.utils import timezone
from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.request import Request

from ithaca.accounts.tests.factories import UserFactory
from ithaca.api.negotiation import Negotiation
from ithaca.api.serializers import RELATIONSHIP_VALUES, RelationshipSerializer, relationship_rows
from ithaca.mentoring.access import relationships_for
from ithaca.mentoring.services import mentoring_propose
from ithaca.programs.tests.factories import ParticipationFactory, ProgramFactory

RENDERERS = [JSONRenderer(), BrowsableAPIRenderer()]
CASES = [
    ("", {}, None),
    ("", {"HTTP_ACCEPT": "*/*"}, None),
    ("", {"HTTP_ACCEPT": "application/json"}, None),
    ("", {"HTTP_ACCEPT": "text/html,application/xhtml+xml,*/*;q=0.8"}, None),
    ("", {"HTTP_ACCEPT": "*/*; indent=4"}, None),
    ("format=api", {}, None),
    ("format=json", {"HTTP_ACCEPT": "text/html"}, None),
    ("page=2", {}, None),
    ("", {}, "json"),
    ("", {"HTTP_ACCEPT": "*/*"}, "api"),
]


def test_the_api_negotiates_with_it() -> None:
    assert settings.REST_FRAMEWORK["DEFAULT_CONTENT_NEGOTIATION_CLASS"] == (
        "ithaca.api.negotiation.Negotiation"
    )


@pytest.mark.parametrize(("query", "headers", "suffix"), CASES)
def test_it_chooses_what_drf_chooses(query: str, headers: dict, suffix: str | None) -> None:
    def choose(negotiation):
        request = Request(RequestFactory().get(f"/api/v1/relationships/?{query}", **headers))
        try:
            renderer, media_type = negotiation.select_renderer(request, RENDERERS, suffix)
        except NotAcceptable:
            return NotAcceptable
        return type(renderer), media_type

    assert choose(Negotiation()) == choose(DefaultContentNegotiation())


@pytest.mark.django_db
@pytest.mark.parametrize("zone", ["UTC", "Asia/Kolkata", "America/St_Johns"])
def test_the_lists_dates_are_the_serializers_in_the_current_time_zone(zone: str) -> None:
    mentee = UserFactory()
    for _ in range(2):
        program = ProgramFactory()
        mentor = ParticipationFactory(program=program, role="mentor").user
        ParticipationFactory(program=program, role="seeker", user=mentee)
        mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    relationships = relationships_for(mentee).order_by("-created_at")
    with timezone.override(zone):
        rows = relationship_rows(relationships.values(*RELATIONSHIP_VALUES))
        assert rows == RelationshipSerializer(relationships, many=True).data
    assert rows[0]["created_at"]

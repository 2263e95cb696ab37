"""The /api/v1 surface: schema, authentication, access helpers and the one error shape."""

from __future__ import annotations

import pytest
from django.test import Client
from openapi_spec_validator import validate
from rest_framework.test import APIClient

from ithaca.accounts.models import ERASED_DOMAIN
from ithaca.accounts.tests.factories import UserFactory
from ithaca.api.serializers import RelationshipSerializer
from ithaca.coaching.services import engagement_propose
from ithaca.mentoring.access import relationships_for
from ithaca.mentoring.services import mentoring_propose
from ithaca.programs.tests.factories import ParticipationFactory, ProgramFactory, make_pair

pytestmark = pytest.mark.django_db


def _api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def _error(response, status: int) -> dict:
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status
    assert body["error"]["message"]
    return body["error"]


@pytest.fixture
def proposal():
    program, mentor, mentee = make_pair("mentoring")
    return mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)


def test_the_schema_is_valid_openapi_3(client: Client) -> None:
    response = client.get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    schema = response.json()
    validate(schema)
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/me/" in schema["paths"]


def test_the_schema_describes_the_hashed_token_scheme(client: Client) -> None:
    schema = client.get("/api/v1/schema/?format=json").json()
    scheme = schema["components"]["securitySchemes"]["tokenAuth"]
    assert scheme == {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": 'An API token with the prefix "Token", e.g. "Token 1a2b…"',
    }
    assert {"tokenAuth": []} in schema["paths"]["/api/v1/me/"]["get"]["security"]


def test_the_triage_command_never_loads_the_schema_generator() -> None:
    """`manage.py triage` sets Django up and reads a statement; it never describes the API."""
    import subprocess
    import sys

    code = (
        "import django, sys; django.setup(); "
        "from ithaca.intake.management.commands import triage as command; "
        "from ithaca.intake.triage import triage; "
        "triage('I want to present better by March'); "
        "print(sorted(m for m in sys.modules if m.startswith('drf_spectacular.')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    loaded = done.stdout.strip().splitlines()[-1]
    # Only the app's own registration (apps, checks), never its generator or extensions.
    assert loaded == "['drf_spectacular.apps', 'drf_spectacular.checks']"


def test_the_docs_page_is_served(client: Client) -> None:
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200 and b"swagger" in response.content.lower()


def test_an_anonymous_request_gets_401_in_the_error_shape() -> None:
    error = _error(_api().get("/api/v1/me/"), 401)
    assert error["code"] == "not_authenticated"


def test_a_token_is_exchanged_for_email_and_password_and_authenticates() -> None:
    UserFactory(email="api@example.org")
    response = _api().post(
        "/api/v1/auth/token/", {"email": "api@example.org", "password": "pass-word-123"}
    )
    token = response.json()["token"]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get("/api/v1/me/").json()["email"] == "api@example.org"


def test_a_wrong_password_gets_400_with_field_errors() -> None:
    UserFactory(email="api@example.org")
    error = _error(
        _api().post("/api/v1/auth/token/", {"email": "api@example.org", "password": "nope"}), 400
    )
    assert error["fields"] == {"non_field_errors": ["E-mail or password is wrong."]}


def test_a_malformed_token_request_names_the_fields() -> None:
    error = _error(_api().post("/api/v1/auth/token/", {"email": "not-an-email"}), 400)
    assert set(error["fields"]) == {"email", "password"}


def test_me_describes_the_person_and_their_roles() -> None:
    participation = ParticipationFactory(role="mentor")
    body = _api(participation.user).get("/api/v1/me/").json()
    assert body["participations"] == [
        {"program": participation.program.slug, "role": "mentor", "state": "active", "capacity": 2}
    ]


def test_programs_are_listed_in_a_fixed_number_of_queries(django_assert_max_num_queries) -> None:
    for _ in range(15):
        ProgramFactory()
    client = _api(UserFactory())
    with django_assert_max_num_queries(4):
        body = client.get("/api/v1/programs/").json()
    assert body["count"] == 15 and len(body["results"]) == 15


def test_a_hidden_program_is_a_404_in_the_error_shape() -> None:
    program = ProgramFactory(enrolment_open=False)
    _error(_api(UserFactory()).get(f"/api/v1/programs/{program.slug}/"), 404)


def test_relationships_list_only_the_persons_own(proposal, django_assert_max_num_queries) -> None:
    program, mentor, mentee = make_pair("mentoring")
    mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    client = _api(proposal.mentee)
    with django_assert_max_num_queries(4):
        body = client.get("/api/v1/relationships/").json()
    assert [item["id"] for item in body["results"]] == [proposal.pk]


def test_relationships_list_loads_only_what_it_shows_in_constant_queries(
    django_assert_num_queries,
) -> None:
    # The list loads a few columns of the three joined rows (`.only()`): every field it
    # shows must still be there without a query per row, the unnamed person's e-mail too.
    mentee = UserFactory(first_name="", last_name="", email="unnamed@example.org")
    for _ in range(3):
        program = ProgramFactory()
        mentor = ParticipationFactory(program=program, role="mentor").user
        ParticipationFactory(program=program, role="seeker", user=mentee)
        mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    client = _api(mentee)
    with django_assert_num_queries(2):  # the MFA rule, the page (short: it is the count)
        body = client.get("/api/v1/relationships/").json()
    assert body["count"] == 3
    first = body["results"][0]
    assert set(first) == {
        "id", "program", "mentor", "mentee", "status", "helper_accepted_at",
        "seeker_accepted_at", "started_at", "ended_at", "created_at",
    }  # fmt: skip
    assert first["mentee"] == {"id": mentee.pk, "name": "unnamed@example.org"}
    assert first["mentor"]["name"] and first["program"] and first["created_at"]


def test_the_relationships_list_is_the_serializers_json_erased_people_included() -> None:
    mentee = UserFactory(first_name="Ada", last_name="")
    for _ in range(3):
        program = ProgramFactory()
        mentor = ParticipationFactory(program=program, role="mentor").user
        ParticipationFactory(program=program, role="seeker", user=mentee)
        mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    mentor.email = f"erased-{mentor.pk}@{ERASED_DOMAIN}"
    mentor.save()
    body = _api(mentee).get("/api/v1/relationships/").json()
    relationships = relationships_for(mentee).order_by("-created_at")
    assert body["results"] == RelationshipSerializer(relationships, many=True).data
    assert body["results"][0]["mentor"]["name"] == "Erased person"
    assert body["results"][0]["mentee"]["name"] == "Ada"


def test_a_full_first_page_of_relationships_is_counted_and_links_the_next(
    django_assert_num_queries,
) -> None:
    mentee = UserFactory()
    for _ in range(3):
        program = ProgramFactory()
        mentor = ParticipationFactory(program=program, role="mentor").user
        ParticipationFactory(program=program, role="seeker", user=mentee)
        mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    client = _api(mentee)
    with django_assert_num_queries(3):  # the MFA rule, the page, its count
        first = client.get("/api/v1/relationships/?page_size=2").json()
    assert first["count"] == 3 and len(first["results"]) == 2 and first["previous"] is None
    second = client.get(first["next"]).json()
    assert second["count"] == 3 and len(second["results"]) == 1 and second["next"] is None
    assert client.get("/api/v1/relationships/?page_size=3").json()["next"] is None
    assert client.get("/api/v1/relationships/?page=3&page_size=2").status_code == 404


def test_another_persons_relationship_is_a_404(proposal) -> None:
    _error(_api(UserFactory()).get(f"/api/v1/relationships/{proposal.pk}/"), 404)


def test_the_mentor_accepts_through_the_api(proposal) -> None:
    response = _api(proposal.mentor).post(f"/api/v1/relationships/{proposal.pk}/accept/")
    assert response.status_code == 200 and response.json()["status"] == "active"


def test_an_illegal_move_is_a_400_and_changes_nothing(proposal) -> None:
    error = _error(_api(proposal.mentee).post(f"/api/v1/relationships/{proposal.pk}/pause/"), 400)
    assert error["code"] == "invalid_transition"
    proposal.refresh_from_db()
    assert proposal.status == "proposed"


def test_an_unknown_action_is_a_400(proposal) -> None:
    error = _error(_api(proposal.mentor).post(f"/api/v1/relationships/{proposal.pk}/fly/"), 400)
    assert "action" in error["fields"]


def test_a_stranger_cannot_act_through_the_api(proposal) -> None:
    _error(_api(UserFactory()).post(f"/api/v1/relationships/{proposal.pk}/accept/"), 404)


def test_a_sponsor_sees_the_engagement_but_cannot_change_it() -> None:
    program, coach, coachee = make_pair("coaching")
    sponsor = ParticipationFactory(program=program, role="sponsor").user
    engagement = engagement_propose(
        program=program, coach=coach, coachee=coachee, sponsor=sponsor, proposed_by=sponsor
    )
    client = _api(sponsor)
    assert client.get(f"/api/v1/engagements/{engagement.pk}/").status_code == 200
    assert [e["id"] for e in client.get("/api/v1/engagements/").json()["results"]] == [
        engagement.pk
    ]
    _error(client.post(f"/api/v1/engagements/{engagement.pk}/accept/"), 403)
    _error(_api(UserFactory()).get(f"/api/v1/engagements/{engagement.pk}/"), 404)


def test_the_schema_documents_the_console_endpoints(client: Client) -> None:
    schema = client.get("/api/v1/schema/?format=json").json()
    validate(schema)
    for path in (
        "/api/v1/console/programs/",
        "/api/v1/console/programs/{slug}/applications/{id}/{decision}/",
        "/api/v1/console/imports/",
        "/api/v1/console/imports/{id}/run/",
        "/api/v1/console/exports/{kind}.csv",
    ):
        assert path in schema["paths"], path


def test_the_schema_documents_the_analytics_endpoints(client: Client) -> None:
    schema = client.get("/api/v1/schema/?format=json").json()
    validate(schema)
    for path in (
        "/api/v1/analytics/figures/",
        "/api/v1/analytics/programs/{slug}/figures/",
        "/api/v1/analytics/programs/{slug}/survey-results/",
        "/api/v1/analytics/surveys/{id}/answer/",
        "/api/v1/analytics/ratings/{id}/",
        "/api/v1/analytics/reports/{id}/download/",
    ):
        assert path in schema["paths"], path

"""The matching API: candidates, requests, offers, rounds, explanations and fit checks."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from ithaca.matching.models import MatchingConfig, MatchingRound
from ithaca.matching.services import request_create, round_create, round_run
from ithaca.matching.tests.factories import (
    CoachingProgramFactory,
    ProgramFactory,
    helper,
    manager,
    person,
    seeker,
)
from ithaca.mentoring.models import Meeting, MentoringRelationship
from ithaca.programs import relationships as lifecycle
from ithaca.programs.models import Participation

pytestmark = pytest.mark.django_db
API = "/api/v1/matching/"


@pytest.fixture
def program():
    program = ProgramFactory(slug="scheme", enrolment_open=False)
    program.mentee = seeker(program)
    program.other_mentee = seeker(program)
    program.mentors = [helper(program, capacity=1) for _ in range(3)]
    program.boss = manager(program)
    return program


def _api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _error(response, status: int) -> str:
    assert response.status_code == status, response.content
    return response.json()["error"]["message"]


def test_a_seeker_gets_only_their_own_candidates_paginated(
    program, django_assert_max_num_queries, django_assert_num_queries
) -> None:
    client = _api(program.mentee)
    # The first request prepares the program's pool (poolcache), then checks the
    # shown helpers' rules on fresh rows; later ones only do the second part.
    with django_assert_max_num_queries(26):
        response = client.get(f"{API}programs/scheme/candidates/?page_size=2")
    # Then the same reads as the page's, whatever the program's size.
    with django_assert_num_queries(8):
        client.get(f"{API}programs/scheme/candidates/?page_size=2")
    body = response.json()
    assert body["count"] == 3 and len(body["results"]) == 2
    first = body["results"][0]
    assert {f["factor"] for f in first["breakdown"]["factors"]} >= {"need_similarity"}
    assert all(rule["passed"] for rule in first["breakdown"]["rules"])


def test_candidates_are_for_seekers_only_and_invisible_programs_are_404(program) -> None:
    _error(_api(program.mentors[0]).get(f"{API}programs/scheme/candidates/"), 403)
    _error(_api(person()).get(f"{API}programs/scheme/candidates/"), 404)
    _error(_api(program.mentee).get(f"{API}programs/scheme/candidates/?min_score=400"), 400)


def test_a_request_is_created_and_listed_and_the_limit_is_a_clear_400(program) -> None:
    MatchingConfig.objects.create(program=program, max_open_requests=1)
    client = _api(program.mentee)
    response = client.post(f"{API}programs/scheme/requests/", {"helper": program.mentors[0].pk})
    assert response.status_code == 201, response.content
    assert response.json()["helper"]["id"] == program.mentors[0].pk
    listed = client.get(f"{API}programs/scheme/requests/").json()
    assert [r["id"] for r in listed["results"]] == [response.json()["id"]]
    refused = client.post(f"{API}programs/scheme/requests/", {"helper": program.mentors[1].pk})
    assert "the most this program allows" in _error(refused, 400)
    assert MentoringRelationship.objects.count() == 1
    unknown = client.post(f"{API}programs/scheme/requests/", {"helper": 99999})
    assert _error(unknown, 400)


def test_a_helper_offers_through_the_api_and_the_seeker_accepts_through_the_old_endpoint(
    program,
) -> None:
    mentor = program.mentors[0]
    listed = _api(mentor).get(f"{API}programs/scheme/offers/").json()
    assert {r["person"]["id"] for r in listed["results"]} == {
        program.mentee.pk,
        program.other_mentee.pk,
    }
    made = _api(mentor).post(f"{API}programs/scheme/offers/", {"seeker": program.mentee.pk})
    assert made.status_code == 201
    accepted = _api(program.mentee).post(f"/api/v1/relationships/{made.json()['id']}/accept/")
    assert accepted.json()["status"] == "active"


def test_an_expired_proposal_cannot_be_accepted_through_the_api(program) -> None:
    relationship = request_create(program=program, seeker=program.mentee, helper=program.mentors[0])
    lifecycle.relationship_withdraw(relationship, user=program.mentee, reason="expired")
    response = _api(program.mentors[0]).post(f"/api/v1/relationships/{relationship.pk}/accept/")
    assert "can no longer be accepted" in _error(response, 400)


def test_the_explanation_is_for_the_two_people_and_the_managers(program) -> None:
    relationship = request_create(program=program, seeker=program.mentee, helper=program.mentors[0])
    url = f"{API}proposals/mentoring/{relationship.pk}/explanation/"
    for user in (program.mentee, program.mentors[0], program.boss):
        body = _api(user).get(url).json()
        assert body["source"] == "request" and body["breakdown"]["rules"]
    for user in (program.other_mentee, program.mentors[1], person()):
        _error(_api(user).get(url), 404)
    _error(_api(program.mentee).get(f"{API}proposals/tea/{relationship.pk}/explanation/"), 404)


def test_a_pair_proposed_outside_matching_is_explained_now(program) -> None:
    relationship = MentoringRelationship.objects.create(
        program=program, mentor=program.mentors[0], mentee=program.mentee
    )
    body = _api(program.mentee).get(f"{API}proposals/mentoring/{relationship.pk}/explanation/")
    assert body.json()["computed_now"] is True and body.json()["breakdown"]["score"] >= 0


def test_a_fit_check_through_the_api_needs_a_first_meeting(program) -> None:
    now = timezone.now()
    relationship = MentoringRelationship.objects.create(
        program=program,
        mentor=program.mentors[0],
        mentee=program.mentee,
        status="active",
        helper_accepted_at=now,
        seeker_accepted_at=now,
        started_at=now,
    )
    url = f"{API}proposals/mentoring/{relationship.pk}/fit-check/"
    assert "first meeting" in _error(_api(program.mentee).post(url, {"reason": "x"}), 400)
    Meeting.objects.create(
        relationship=relationship,
        starts_at=now - dt.timedelta(hours=2),
        ends_at=now - dt.timedelta(hours=1),
        status="held",
        proposed_by=program.mentee,
    )
    response = _api(program.mentee).post(url, {"reason": "Different goals"})
    assert response.status_code == 201 and response.json()["reason"] == "Different goals"
    _error(_api(program.boss).post(url, {}), 403)


def test_a_manager_runs_a_round_reads_it_edits_it_and_publishes_it(
    program, django_capture_on_commit_callbacks, django_assert_max_num_queries
) -> None:
    client = _api(program.boss)
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(f"{API}programs/scheme/rounds/", {"objective": "coverage"})
    assert started.status_code == 201
    round_id = started.json()["id"]
    progress = client.get(f"{API}rounds/{round_id}/").json()
    assert progress["status"] == "draft" and progress["progress"] == 1.0
    # Some of them read the page's people to explain their pairs and check their hard
    # rules (round_pairs.py).
    with django_assert_max_num_queries(14):
        pairs = client.get(f"{API}rounds/{round_id}/pairs/").json()["results"]
    assert len(pairs) == 2
    assert all(rule["passed"] for pair in pairs for rule in pair["breakdown"]["rules"])
    assert {rule["rule"] for rule in pairs[0]["breakdown"]["rules"]} >= {"capacity"}
    removed = client.delete(f"{API}rounds/{round_id}/pairs/{pairs[0]['id']}/")
    assert removed.status_code == 204
    unmatched = client.get(f"{API}rounds/{round_id}/unmatched/").json()["results"]
    assert unmatched[0]["reason"] == "removed_by_manager"
    boss = program.boss.display_name
    assert unmatched[0]["explanation"].startswith(f"{boss} removed the pairing with ")
    in_german = client.get(f"{API}rounds/{round_id}/unmatched/", HTTP_ACCEPT_LANGUAGE="de")
    said = in_german.json()["results"][0]["explanation"]
    assert said.startswith(f"{boss} hat das Matching mit ") and said.endswith(" entfernt.")
    with django_capture_on_commit_callbacks(execute=True):
        published = client.post(f"{API}rounds/{round_id}/publish/")
    assert published.json()["summary"]["published"] == {"proposed": 1, "skipped": 0}
    assert MentoringRelationship.objects.get().proposed_by == program.boss
    assert "only a draft" in _error(client.post(f"{API}rounds/{round_id}/publish/"), 400)
    assert _api(program.boss).get(f"{API}programs/scheme/rounds/").json()["count"] == 1


@pytest.mark.parametrize("more", [0, 5])
def test_a_rounds_pairs_read_as_explained_when_it_ran_in_a_fixed_number_of_queries(
    program, more, django_assert_num_queries
) -> None:
    """A round stores its pairs' numbers; the API explains the pairs it lists, with the
    same fields and words as `explain` on the round's pool, in the same queries however
    many pairs it lists."""
    from ithaca.api.matching.serializers import BreakdownSerializer
    from ithaca.matching.explain import breakdown_json, explain, factor_warnings
    from ithaca.matching.pool import build_pool

    for _ in range(more):
        seeker(program)
        helper(program, capacity=1)
    pool = build_pool(program)  # the round's pool: nobody changes anything since
    matching_round = round_create(program=program, objective="fit", created_by=program.boss)
    round_run(round_id=matching_round.pk)
    client = _api(program.boss)
    with django_assert_num_queries(13):
        pairs = client.get(f"{API}rounds/{matching_round.pk}/pairs/").json()["results"]
    assert len(pairs) == 2 + more
    fields = {"id", "seeker", "helper", "score", "breakdown", "warnings", "source", "removed"}
    for pair in pairs:
        assert set(pair) == fields | {"relationship_id", "publish_error"}
        seeker_, helper_ = (
            pool.seeker_by_id[pair["seeker"]["id"]],
            pool.helper_by_id[pair["helper"]["id"]],
        )
        whole = breakdown_json(*explain(seeker_, helper_, pool.rules, pool.text))
        assert pair["breakdown"] == BreakdownSerializer(whole).data
        assert pair["warnings"] == factor_warnings(whole)


def test_adding_a_pair_that_breaks_a_rule_is_a_400_naming_it(program) -> None:
    matching_round = round_create(program=program, objective="fit", created_by=program.boss)
    round_run(round_id=matching_round.pk)
    pair = matching_round.pairs.order_by("pk").first()
    Participation.objects.filter(program=program, user=pair.helper).update(state="left")
    client = _api(program.boss)
    client.delete(f"{API}rounds/{matching_round.pk}/pairs/{pair.pk}/")
    refused = client.post(
        f"{API}rounds/{matching_round.pk}/pairs/",
        {"seeker": pair.seeker_id, "helper": pair.helper_id},
    )
    assert "not an active mentor" in _error(refused, 400)


def test_rounds_are_the_managers_only(program) -> None:
    matching_round = round_create(program=program, objective="fit", created_by=program.boss)
    for user in (program.mentee, program.mentors[0], manager(ProgramFactory())):
        _error(_api(user).get(f"{API}rounds/{matching_round.pk}/"), 404)
    _error(_api(program.mentee).post(f"{API}programs/scheme/rounds/", {}), 403)


def test_a_round_on_a_program_without_coaches_is_a_clear_400() -> None:
    program = CoachingProgramFactory(slug="coaching")
    seeker(program)
    boss = manager(program)
    message = _error(_api(boss).post(f"{API}programs/coaching/rounds/", {"objective": "fit"}), 400)
    assert "no active coaches" in message and not MatchingRound.objects.exists()


def test_cancelling_a_draft_discards_it(program) -> None:
    matching_round = round_create(program=program, objective="fit", created_by=program.boss)
    round_run(round_id=matching_round.pk)
    response = _api(program.boss).post(f"{API}rounds/{matching_round.pk}/cancel/")
    assert response.json()["status"] == "cancelled"
    assert "no longer be cancelled" in _error(
        _api(program.boss).post(f"{API}rounds/{matching_round.pk}/cancel/"), 400
    )


def test_the_schema_documents_the_matching_endpoints(client: Client) -> None:
    paths = client.get("/api/v1/schema/?format=json").json()["paths"]
    for path in (
        "/api/v1/matching/programs/{slug}/candidates/",
        "/api/v1/matching/programs/{slug}/requests/",
        "/api/v1/matching/programs/{slug}/offers/",
        "/api/v1/matching/programs/{slug}/rounds/",
        "/api/v1/matching/rounds/{id}/publish/",
        "/api/v1/matching/proposals/{kind}/{id}/explanation/",
    ):
        assert path in paths


@pytest.mark.django_db(transaction=True)
def test_the_database_worker_computes_a_queued_round(settings) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    program = ProgramFactory()
    seeker(program)
    helper(program)
    boss = manager(program)
    from ithaca.matching.services import round_start

    started = round_start(program=program, objective="fit", created_by=boss)
    assert MatchingRound.objects.get(pk=started.pk).status == "queued"
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert MatchingRound.objects.get(pk=started.pk).status == "draft"


def test_a_request_carries_a_personal_note_to_the_helper_and_not_the_managers(program) -> None:
    from ithaca.notifications.models import Notification

    mentor = program.mentors[0]
    note = "  I am moving into research nursing.  "
    response = _api(program.mentee).post(
        f"{API}programs/scheme/requests/", {"helper": mentor.pk, "note": note}, format="json"
    )
    assert response.status_code == 201, response.content
    assert response.json()["note"] == "I am moving into research nursing."
    listed = _api(program.mentee).get(f"{API}programs/scheme/requests/").json()["results"]
    assert listed[0]["note"] == "I am moving into research nursing."
    told = Notification.objects.get(kind="request.received")
    assert told.recipient == mentor and "research nursing" in told.text
    url = f"{API}proposals/mentoring/{response.json()['id']}/explanation/"
    assert _api(mentor).get(url).json()["note"] == "I am moving into research nursing."
    assert _api(program.boss).get(url).json()["note"] == ""  # the managers never read it
    page = Client()
    page.force_login(mentor)
    shown = page.get(f"/matching/proposals/mentoring/{response.json()['id']}/").content.decode()
    assert "I am moving into research nursing." in shown


def test_an_offer_carries_a_personal_note_to_the_seeker(program) -> None:
    mentor = program.mentors[0]
    made = _api(mentor).post(
        f"{API}programs/scheme/offers/",
        {"seeker": program.mentee.pk, "note": "I moved into research myself."},
        format="json",
    )
    assert made.status_code == 201 and made.json()["note"] == "I moved into research myself."
    url = f"{API}proposals/mentoring/{made.json()['id']}/explanation/"
    assert _api(program.mentee).get(url).json()["note"] == "I moved into research myself."
    without = _api(program.mentors[1]).post(
        f"{API}programs/scheme/offers/", {"seeker": program.other_mentee.pk}, format="json"
    )
    assert without.status_code == 201 and without.json()["note"] == ""


@pytest.mark.parametrize("endpoint", ["requests", "offers"])
def test_a_note_over_the_limit_is_a_400_on_the_field_and_nothing_is_proposed(
    program, endpoint
) -> None:
    from ithaca.matching.models import ProposalExplanation
    from ithaca.notifications.models import Notification

    mentor = program.mentors[0]
    who, body = (
        (program.mentee, {"helper": mentor.pk})
        if endpoint == "requests"
        else (mentor, {"seeker": program.mentee.pk})
    )
    response = _api(who).post(
        f"{API}programs/scheme/{endpoint}/", {**body, "note": "x" * 1001}, format="json"
    )
    assert response.status_code == 400, response.content
    fields = response.json()["error"]["fields"]
    assert fields["note"] == ["Keep your note under 1000 characters (it has 1001)."]
    assert not MentoringRelationship.objects.exists()
    assert not ProposalExplanation.objects.exists() and not Notification.objects.exists()
    # The same bound as the web form: 1000 characters once trimmed are accepted.
    at_limit = _api(who).post(
        f"{API}programs/scheme/{endpoint}/", {**body, "note": " " + "y" * 1000 + " "}, format="json"
    )
    assert at_limit.status_code == 201 and len(at_limit.json()["note"]) == 1000

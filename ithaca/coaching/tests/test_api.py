"""/api/v1/coaching/: every role through the API, the one error shape, query budgets."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from openapi_spec_validator import validate
from rest_framework.test import APIClient

from ithaca.accounts.tests.factories import UserFactory
from ithaca.coaching import services
from ithaca.coaching.models import AgreementSignature, CheckIn, CoachingSession, Goal, SessionNote
from ithaca.coaching.tests.factories import (
    ActionFactory,
    CheckInFactory,
    GoalFactory,
    NoteFactory,
    SessionFactory,
    active_engagement,
    at,
    proposed_engagement,
    terms,
)

pytestmark = pytest.mark.django_db
API = "/api/v1/coaching"


def _api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def _error(response, status: int) -> dict:
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == status
    return body["error"]


@pytest.fixture
def world():
    engagement = active_engagement()
    manager = UserFactory()
    engagement.program.managers.add(manager)
    one = SessionFactory(engagement=engagement)
    three = SessionFactory(engagement=engagement, kind="three_way_middle")
    notes = {
        "private": NoteFactory(session=one, visibility="private"),
        "shared": NoteFactory(session=one, visibility="shared"),
        "three_way": NoteFactory(session=three, visibility="three_way"),
    }
    people = {
        "coach": engagement.coach,
        "coachee": engagement.coachee,
        "sponsor": engagement.sponsor,
        "manager": manager,
        "stranger": UserFactory(),
        "staff": UserFactory(is_staff=True),
    }
    return engagement, people, {"one": one, "three": three, **notes}


def test_the_schema_is_valid_and_documents_the_coaching_endpoints(client) -> None:
    schema = client.get("/api/v1/schema/?format=json").json()
    validate(schema)
    for route in (
        "engagements/{id}/agreements/",
        "agreements/{id}/sign/",
        "sessions/{id}/notes/",
        "goals/{id}/checkins/",
        "reports/{id}/approve/",
        "engagements/{id}/evaluation/",
    ):
        assert f"/api/v1/coaching/{route}" in schema["paths"], route


def test_the_agreement_is_drafted_and_signed_through_the_api() -> None:
    engagement = proposed_engagement()
    body = {
        **terms().__dict__,
        "starts_on": str(timezone.localdate()),
        "ends_on": str(timezone.localdate() + dt.timedelta(days=60)),
    }
    created = _api(engagement.coach).post(
        f"{API}/engagements/{engagement.pk}/agreements/", body, format="json"
    )
    assert created.status_code == 201 and created.json()["number"] == 1
    version = created.json()["id"]
    for person in (engagement.coach, engagement.coachee):
        assert _api(person).post(f"{API}/agreements/{version}/sign/").status_code == 200
    engagement.refresh_from_db()
    assert engagement.status == "proposed"  # the sponsor has not signed yet
    signed = _api(engagement.sponsor).post(f"{API}/agreements/{version}/sign/").json()
    assert [s["party"] for s in signed["signatures"]] == ["coach", "coachee", "sponsor"]
    engagement.refresh_from_db()
    assert engagement.status == "active"


def test_the_generic_accept_endpoint_respects_the_agreement_gate() -> None:
    engagement = proposed_engagement()
    for person in (engagement.coach, engagement.coachee):
        response = _api(person).post(f"/api/v1/engagements/{engagement.pk}/accept/")
        assert response.status_code == 200
    assert response.json()["status"] == "proposed"
    response = _api(engagement.coachee).post(f"{API}/engagements/{engagement.pk}/accept/")
    assert _error(response, 400)["code"] == "invalid_transition"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"ends_on": "2026-01-01", "starts_on": "2026-02-01"}, "ends_on"),
        ({"session_count": 0}, "session_count"),
        ({"session_count": -2}, "session_count"),
        ({"session_count": "many"}, "session_count"),
    ],
)
def test_bad_agreement_input_is_a_400_naming_the_field(change, field) -> None:
    engagement = proposed_engagement()
    body = {**terms().__dict__, "starts_on": "2026-01-01", "ends_on": "2026-06-01", **change}
    response = _api(engagement.coach).post(
        f"{API}/engagements/{engagement.pk}/agreements/", body, format="json"
    )
    assert field in _error(response, 400)["fields"]
    assert not engagement.agreement_versions.exists()


def test_signing_an_old_version_through_the_api_is_refused() -> None:
    engagement = proposed_engagement()
    old = services.agreement_draft(engagement=engagement, user=engagement.coach, terms=terms())
    services.agreement_draft(engagement=engagement, user=engagement.coach, terms=terms())
    error = _error(_api(engagement.coachee).post(f"{API}/agreements/{old.pk}/sign/"), 400)
    assert "replaced by version 2" in error["message"]
    assert not AgreementSignature.objects.exists()


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("coach", 200),
        ("coachee", 200),
        ("sponsor", 200),
        ("manager", 403),
        ("stranger", 404),
        ("staff", 404),
    ],
)
def test_who_reads_the_agreement(world, role, status) -> None:
    engagement, people, _ = world
    response = _api(people[role]).get(f"{API}/engagements/{engagement.pk}/agreements/")
    assert response.status_code == status


@pytest.mark.parametrize(
    ("role", "sessions"),
    [("coach", {"one", "three"}), ("coachee", {"one", "three"}), ("sponsor", {"three"})],
)
def test_sessions_listed_per_role(world, role, sessions) -> None:
    engagement, people, objects = world
    response = _api(people[role]).get(f"{API}/engagements/{engagement.pk}/sessions/")
    assert {r["id"] for r in response.json()["results"]} == {objects[n].pk for n in sessions}


@pytest.mark.parametrize(
    ("role", "readable"),
    [
        ("coach", {"private", "shared", "three_way"}),
        ("coachee", {"shared", "three_way"}),
        ("sponsor", {"three_way"}),
        ("manager", set()),
        ("stranger", set()),
        ("staff", set()),
    ],
)
def test_every_note_by_visibility_for_every_role(world, role, readable) -> None:
    _, people, objects = world
    client = _api(people[role])
    for visibility in ("private", "shared", "three_way"):
        response = client.get(f"{API}/notes/{objects[visibility].pk}/")
        assert response.status_code == (200 if visibility in readable else 404), visibility
    if role in ("manager", "stranger", "staff"):
        _error(client.get(f"{API}/sessions/{objects['three'].pk}/notes/"), 404)


def test_a_sponsor_asking_for_one_to_one_notes_gets_a_404(world) -> None:
    _, people, objects = world
    client = _api(people["sponsor"])
    _error(client.get(f"{API}/sessions/{objects['one'].pk}/notes/"), 404)
    response = client.post(
        f"{API}/sessions/{objects['three'].pk}/notes/", {"visibility": "three_way", "text": "mine"}
    )
    _error(response, 403)
    assert SessionNote.objects.count() == 3


def test_notes_filter_by_visibility(world) -> None:
    _, people, objects = world
    url = f"{API}/sessions/{objects['one'].pk}/notes/?visibility=shared"
    assert [n["id"] for n in _api(people["coach"]).get(url).json()["results"]] == [
        objects["shared"].pk
    ]


def test_booking_and_cancelling_through_the_api(world) -> None:
    engagement, people, _ = world
    client = _api(people["coachee"])
    body = {"starts_at": at(3).isoformat(), "ends_at": at(3, 11).isoformat(), "location": "Zoom"}
    session = client.post(f"{API}/engagements/{engagement.pk}/sessions/", body).json()
    assert session["status"] == "scheduled"
    _error(client.post(f"{API}/sessions/{session['id']}/cancel/", {}), 400)
    cancelled = client.post(f"{API}/sessions/{session['id']}/cancel/", {"reason": "Ward closed"})
    assert cancelled.json()["status"] == "cancelled"
    backwards = {**body, "ends_at": at(3, 9).isoformat()}
    error = _error(client.post(f"{API}/engagements/{engagement.pk}/sessions/", backwards), 400)
    assert "end after it starts" in error["message"]


def test_the_session_limit_is_enforced_through_the_api(world) -> None:
    engagement, people, _ = world  # 4 agreed, 2 held already
    client = _api(people["coach"])
    for day in (3, 5, 7):
        body = {
            "starts_at": at(day).isoformat(),
            "ends_at": at(day, 11).isoformat(),
            "location": "Room",
        }
        response = client.post(f"{API}/engagements/{engagement.pk}/sessions/", body)
    assert "agreed sessions" in _error(response, 400)["message"]
    assert CoachingSession.objects.count() == 4


def test_smart_validation_and_check_in_types_through_the_api(world) -> None:
    engagement, people, _ = world
    client = _api(people["coachee"])
    url = f"{API}/engagements/{engagement.pk}/goals/"
    error = _error(client.post(url, {"statement": "Calmer handovers"}, format="json"), 400)
    assert error["message"] == (
        "A SMART goal needs a metric, a unit, a baseline, a target, an owner, a due date."
    )
    same = {
        "statement": "s",
        "metric": "m",
        "unit": "u",
        "baseline": "2",
        "target": "2.0",
        "owner": engagement.coachee.pk,
        "due_on": str(timezone.localdate()),
    }
    assert "equals the baseline" in _error(client.post(url, same, format="json"), 400)["message"]
    goal = client.post(url, {**same, "target": "5"}, format="json").json()
    assert goal["attainment"] is None
    checkins = f"{API}/goals/{goal['id']}/checkins/"
    for wrong in ("lots", True, [1]):
        assert (
            "value" in _error(client.post(checkins, {"value": wrong}, format="json"), 400)["fields"]
        )
    assert not CheckIn.objects.exists()
    client.post(checkins, {"value": "3.5"}, format="json")
    assert client.get(f"{API}/goals/{goal['id']}/").json()["attainment"] == "0.5000"


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("coach", 200),
        ("coachee", 200),
        ("sponsor", 403),
        ("manager", 403),
        ("stranger", 404),
        ("staff", 404),
    ],
)
def test_goals_and_actions_are_the_pairs(world, role, status) -> None:
    engagement, people, _ = world
    goal = GoalFactory(engagement=engagement)
    action = ActionFactory(engagement=engagement)
    client = _api(people[role])
    for url in ("goals/", "actions/"):
        assert client.get(f"{API}/engagements/{engagement.pk}/{url}").status_code == status
    single = 200 if status == 200 else 404
    assert client.get(f"{API}/goals/{goal.pk}/").status_code == single
    done = client.post(f"{API}/actions/{action.pk}/done/", {"done": True})
    assert done.status_code == single


def test_the_report_approval_gate_for_every_role_through_the_api(world) -> None:
    engagement, people, _ = world
    coach, coachee, sponsor = (_api(people[r]) for r in ("coach", "coachee", "sponsor"))
    reports = f"{API}/engagements/{engagement.pk}/reports/"
    _error(coachee.post(reports, {}), 403)
    report = coach.post(reports, {"summary": "Steady"}).json()
    rid = report["id"]
    assert report["status"] == "draft" and report["content"]["attendance"]["held"] == 2

    def sponsor_sees() -> bool:
        listed = [r["id"] for r in sponsor.get(reports).json()["results"]]
        single = sponsor.get(f"{API}/reports/{rid}/").status_code
        assert (rid in listed) is (single == 200)
        return single == 200

    assert not sponsor_sees()
    _error(coachee.post(f"{API}/reports/{rid}/approve/"), 400)  # not submitted yet
    coach.post(f"{API}/reports/{rid}/submit/")
    assert not sponsor_sees()
    _error(coach.post(f"{API}/reports/{rid}/approve/"), 403)
    _error(sponsor.post(f"{API}/reports/{rid}/approve/"), 404)
    coachee.post(f"{API}/reports/{rid}/request-changes/", {"comment": "Drop the summary"})
    assert not sponsor_sees()
    coach.post(f"{API}/reports/{rid}/refresh/", {"summary": ""})
    coach.post(f"{API}/reports/{rid}/submit/")
    assert coachee.post(f"{API}/reports/{rid}/approve/").json()["status"] == "approved"
    assert sponsor_sees()
    seen = sponsor.get(f"{API}/reports/{rid}/").json()
    assert "coachee_comment" not in seen and seen["content"]["progress"] == []
    for role in ("manager", "staff", "stranger"):
        assert _api(people[role]).get(f"{API}/reports/{rid}/").status_code == 404


def test_list_endpoints_keep_to_a_query_budget(world, django_assert_max_num_queries) -> None:
    engagement, people, _ = world
    for day in range(6):
        session = SessionFactory(engagement=engagement, starts_at=at(-20 - day))
        NoteFactory(session=session, visibility="shared")
        goal = GoalFactory(engagement=engagement)
        CheckInFactory(goal=goal)
        ActionFactory(engagement=engagement)
        services.report_generate(engagement=engagement, user=engagement.coach)
    client = _api(people["coach"])
    # Each includes one query for who signed the agreement in force (bound to the parties).
    # One query of each budget asks whether a program requires MFA of the caller.
    budgets = {"agreements/": 7, "sessions/": 7, "goals/": 7, "actions/": 7, "reports/": 7}
    for route, budget in budgets.items():
        with django_assert_max_num_queries(budget):
            assert client.get(f"{API}/engagements/{engagement.pk}/{route}").status_code == 200
    with django_assert_max_num_queries(7):
        client.get(f"{API}/sessions/{session.pk}/notes/")
    with django_assert_max_num_queries(7):
        _api(people["manager"]).get(f"{API}/programs/{engagement.program.slug}/engagements/")


def test_the_manager_list_shows_counts_and_never_content(world) -> None:
    engagement, people, _ = world
    url = f"{API}/programs/{engagement.program.slug}/engagements/"
    (row,) = _api(people["manager"]).get(url).json()["results"]
    assert row["sessions_held"] == 2 and row["sessions_agreed"] == 4 and row["stalled"] is False
    assert set(row) == {
        "id",
        "coach",
        "coachee",
        "status",
        "agreement_version",
        "sessions_held",
        "sessions_agreed",
        "hours_used",
        "hours_agreed",
        "stalled",
    }
    _error(_api(people["coach"]).get(url), 403)


def test_close_out_and_answers_through_the_api() -> None:
    engagement = active_engagement(session_count=1)
    SessionFactory(engagement=engagement)
    coach, coachee = _api(engagement.coach), _api(engagement.coachee)
    url = f"{API}/engagements/{engagement.pk}/evaluation/"
    created = coach.post(url, {"reflection": "Too directive at first"})
    assert created.status_code == 201 and created.json()["coach_reflection"]
    _error(coachee.post(f"{url}answers/", {"answers": {}}, format="json"), 400)
    answered = coachee.post(
        f"{url}answers/", {"satisfaction": 5, "answers": {"useful": "4"}}, format="json"
    )
    assert answered.json()["satisfaction"] == 5
    assert "coach_reflection" not in coachee.get(url).json()
    _error(_api(engagement.sponsor).get(url), 403)
    assert Goal.objects.count() == 0

"""The mentoring API: workspace, agenda, meetings, notes, goals, introductions, review, close,
events and training; the one error shape; list endpoints in a fixed number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from openapi_spec_validator import validate

from ithaca.accounts.tests.factories import UserFactory
from ithaca.api.mentoring.serializers import MentoringTopicSerializer, topic_json
from ithaca.mentoring.models import AgendaTopic, Closing, Meeting, Review
from ithaca.mentoring.tests.factories import (
    EventFactory,
    GoalFactory,
    IntroductionFactory,
    MeetingFactory,
    MeetingNoteFactory,
    TopicFactory,
    soon,
)
from ithaca.mentoring.tests.helpers import api

pytestmark = pytest.mark.django_db


def _url(rel, tail: str = "") -> str:
    return f"/api/v1/mentoring/relationships/{rel.pk}/{tail}"


def _error(response, status: int) -> dict:
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"error"} and body["error"]["message"]
    return body["error"]


def test_the_schema_documents_the_mentoring_endpoints(client: Client) -> None:
    schema = client.get("/api/v1/schema/?format=json").json()
    validate(schema)
    for path in ("relationships/{id}/agenda/", "relationships/{id}/journal/",
                 "events/{id}/marks/", "training/modules/{slug}/attempts/"):  # fmt: skip
        assert f"/api/v1/mentoring/{path}" in schema["paths"], path


def test_the_workspace_says_which_side_you_are_on(rel) -> None:
    body = api(rel.mentor).get(_url(rel, "workspace/")).json()
    assert (body["side"], body["owns_agenda"], body["health"]) == ("mentor", False, "green")


def test_the_agenda_is_listed_added_to_and_reordered(rel) -> None:
    client = api(rel.mentee)
    first = client.post(_url(rel, "agenda/"), {"title": "One"}, format="json").json()
    second = client.post(_url(rel, "agenda/"), {"title": "Two"}, format="json").json()
    suggestion = api(rel.mentor).post(_url(rel, "agenda/"), {"title": "Mine"}, format="json")
    assert suggestion.json()["status"] == "suggested"
    order = client.put(
        _url(rel, "agenda/order/"), {"topics": [second["id"], first["id"]]}, format="json"
    )
    assert [t["title"] for t in order.json()] == ["Two", "One"]
    accepted = client.post(_url(rel, f"agenda/{suggestion.json()['id']}/accept/"))
    assert accepted.json()["status"] == "open"


def test_an_added_topic_answers_the_topic_serializers_json(rel) -> None:
    rel.mentee.first_name, rel.mentee.last_name = "", ""
    rel.mentee.save()
    for person, detail in ((rel.mentee, ""), (rel.mentor, "Some detail")):
        response = api(person).post(_url(rel, "agenda/"), {"title": "T", "detail": detail})
        assert response.status_code == 201, response.content
        topic = AgendaTopic.objects.select_related("added_by").get(pk=response.json()["id"])
        assert response.json() == MentoringTopicSerializer(topic).data
    assert response.json()["status"] == "suggested" and response.json()["closed_at"] is None
    closed = TopicFactory(
        relationship=rel, status="closed", closed_at=timezone.now(), added_by=rel.mentee
    )
    assert topic_json(closed) == MentoringTopicSerializer(closed).data


def test_adding_a_topic_costs_a_fixed_few_queries(rel, django_assert_num_queries) -> None:
    client = api(rel.mentee)
    # The MFA rule, the workspace, then in the write's transaction: its row locked, the
    # agenda's last position, the insert (and the savepoint's two statements in a test).
    with django_assert_num_queries(7):
        assert client.post(_url(rel, "agenda/"), {"title": "One"}).status_code == 201


def test_reordering_with_someone_elses_topic_is_a_400_in_the_error_shape(rel) -> None:
    mine = TopicFactory(relationship=rel)
    theirs = TopicFactory()
    error = _error(
        api(rel.mentee).put(
            _url(rel, "agenda/order/"), {"topics": [theirs.pk, mine.pk]}, format="json"
        ),
        400,
    )
    assert error["fields"] == {"topics": ["That topic is not on this relationship's agenda."]}


def test_the_mentor_closing_a_topic_is_a_403(rel) -> None:
    topic = TopicFactory(relationship=rel)
    error = _error(api(rel.mentor).post(_url(rel, f"agenda/{topic.pk}/close/")), 403)
    assert error["code"] == "permission_denied"


def test_a_meeting_is_proposed_and_accepted_with_an_invite(
    rel, django_capture_on_commit_callbacks
) -> None:
    start = soon(4)
    created = api(rel.mentor).post(
        _url(rel, "meetings/"),
        {"starts_at": start.isoformat(), "ends_at": (start + dt.timedelta(hours=1)).isoformat(),
         "location": "Café"},
        format="json",
    )  # fmt: skip
    assert created.status_code == 201
    meeting_id = created.json()["id"]
    with django_capture_on_commit_callbacks(execute=True):
        accepted = api(rel.mentee).post(_url(rel, f"meetings/{meeting_id}/accept/"))
    assert accepted.json()["status"] == "confirmed" and len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("offset", "length", "message"),
    [(-2, 1, "must start in the future"), (2, -1, "end after it starts")],
)
def test_bad_meeting_times_are_a_400_and_save_nothing(rel, offset, length, message) -> None:
    start = timezone.now() + dt.timedelta(days=offset)
    response = api(rel.mentee).post(
        _url(rel, "meetings/"),
        {"starts_at": start.isoformat(),
         "ends_at": (start + dt.timedelta(hours=length)).isoformat(), "location": "Café"},
        format="json",
    )  # fmt: skip
    assert message in _error(response, 400)["message"]
    assert not Meeting.objects.exists()


def test_a_meeting_is_logged_and_noted(rel) -> None:
    from ithaca.mentoring.tests.factories import started_days_ago

    rel = started_days_ago(rel, 20)
    start = timezone.now() - dt.timedelta(days=3)
    logged = api(rel.mentee).post(
        _url(rel, "meetings/log/"),
        {"starts_at": start.isoformat(), "ends_at": (start + dt.timedelta(hours=1)).isoformat(),
         "note": "Walked and talked"},
        format="json",
    ).json()  # fmt: skip
    assert logged["status"] == "held" and logged["notes"][0]["body"] == "Walked and talked"
    note = api(rel.mentor).post(
        _url(rel, f"meetings/{logged['id']}/notes/"), {"body": "Same"}, format="json"
    )
    assert note.status_code == 201
    edited = api(rel.mentor).patch(
        _url(rel, f"notes/{note.json()['id']}/"), {"body": "Changed"}, format="json"
    )
    assert edited.json()["body"] == "Changed"


def test_a_meeting_gets_a_new_time(rel) -> None:
    meeting = MeetingFactory(relationship=rel, starts_at=soon(2), status="proposed")
    later = soon(9)
    moved = api(rel.mentee).post(
        _url(rel, f"meetings/{meeting.pk}/reschedule/"),
        {"starts_at": later.isoformat(), "ends_at": (later + dt.timedelta(hours=1)).isoformat(),
         "location": "Garden"},
        format="json",
    ).json()  # fmt: skip
    assert moved["sequence"] == 1 and moved["location"] == "Garden"


def test_goals_and_progress_through_the_api(rel) -> None:
    goal = (
        api(rel.mentee)
        .post(
            _url(rel, "goals/"),
            {"area": "perspective", "title": "See the whole trust"},
            format="json",
        )
        .json()
    )
    api(rel.mentor).post(_url(rel, f"goals/{goal['id']}/notes/"), {"body": "Try the board"},
                         format="json")  # fmt: skip
    status = api(rel.mentee).post(
        _url(rel, f"goals/{goal['id']}/status/"), {"status": "reached"}, format="json"
    )
    assert status.json()["status"] == "reached" and len(status.json()["notes"]) == 1


def test_an_introduction_to_oneself_is_a_400(rel) -> None:
    response = api(rel.mentor).post(
        _url(rel, "introductions/"), {"contact": rel.mentee.email, "reason": "x"}, format="json"
    )
    assert "themselves" in _error(response, 400)["message"]


def test_the_third_person_answers_through_the_api(rel) -> None:
    intro = IntroductionFactory(relationship=rel)
    listed = api(intro.contact).get("/api/v1/mentoring/introductions/").json()
    assert [item["id"] for item in listed["results"]] == [intro.pk]
    answered = api(intro.contact).post(f"/api/v1/mentoring/introductions/{intro.pk}/accept/")
    assert answered.json()["status"] == "accepted"
    _error(api(UserFactory()).post(f"/api/v1/mentoring/introductions/{intro.pk}/accept/"), 404)


def test_the_review_shows_your_answer_not_theirs(rel) -> None:
    Review.objects.create(relationship=rel, period=1, due_at=timezone.now())
    api(rel.mentor).post(_url(rel, "review/"), {"decision": "continue"}, format="json")
    body = api(rel.mentee).get(_url(rel, "review/")).json()
    assert body["your_decision"] == "" and body["other_has_answered"] is True
    assert "mentor_decision" not in body
    done = api(rel.mentee).post(_url(rel, "review/"), {"decision": "continue"}, format="json")
    assert done.json()["outcome"] == "continue"


def test_closing_through_the_api_validates_the_survey(rel) -> None:
    bad = api(rel.mentee).post(
        _url(rel, "close/"),
        {"reflection": "x", "growth": 7, "career_clarity": 3, "belonging": 3,
         "would_recommend": True},
        format="json",
    )  # fmt: skip
    assert "growth" in _error(bad, 400)["fields"]
    good = api(rel.mentee).post(
        _url(rel, "close/"),
        {"reflection": "Thank you", "growth": 4, "career_clarity": 3, "belonging": 3,
         "would_recommend": True, "shared": True},
        format="json",
    )  # fmt: skip
    assert good.status_code == 201 and Closing.objects.get().shared
    theirs = api(rel.mentor).get(_url(rel, "closing/")).json()
    assert [c["reflection"] for c in theirs] == ["Thank you"]


@pytest.mark.parametrize(
    ("tail", "make"),
    [
        ("agenda/", lambda rel: TopicFactory(relationship=rel, added_by=rel.mentee)),
        ("meetings/", lambda rel: MeetingNoteFactory(meeting=MeetingFactory(relationship=rel))),
        ("journal/", lambda rel: rel and __import__("ithaca.mentoring.models", fromlist=["x"])
         .JournalEntry.objects.create(relationship=rel, side="mentee", body="j")),
        ("goals/", lambda rel: GoalFactory(relationship=rel)),
        ("introductions/", lambda rel: IntroductionFactory(relationship=rel)),
    ],
)  # fmt: skip
def test_workspace_lists_read_in_a_fixed_number_of_queries(
    rel, tail, make, django_assert_max_num_queries
) -> None:
    client = api(rel.mentee)
    make(rel)
    with django_assert_max_num_queries(10) as few:
        assert client.get(_url(rel, tail)).json()["count"] == 1
    for _ in range(6):
        make(rel)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(_url(rel, tail)).json()["count"] == 7


def test_event_and_module_lists_read_in_a_fixed_number_of_queries(
    django_assert_max_num_queries,
) -> None:
    event = EventFactory()
    person = event.program.participations.first().user
    for _ in range(5):
        EventFactory(program=event.program)
    client = api(person)
    with django_assert_max_num_queries(5):
        assert client.get("/api/v1/mentoring/events/").json()["count"] == 6
    with django_assert_max_num_queries(5):
        assert client.get("/api/v1/mentoring/training/modules/").json()["count"] == 5


def test_an_event_is_created_by_a_manager_through_the_api() -> None:
    event = EventFactory()
    manager = UserFactory()
    event.program.managers.add(manager)
    payload = {"program": event.program.slug, "kind": "peer_circle", "title": "Circle",
               "starts_at": soon(10).isoformat(), "ends_at": soon(10, 2).isoformat(),
               "capacity": 8}  # fmt: skip
    created = api(manager).post("/api/v1/mentoring/events/", payload, format="json")
    assert created.status_code == 201 and created.json()["places_taken"] == 0
    participant = event.program.participations.first().user
    _error(api(participant).post("/api/v1/mentoring/events/", payload, format="json"), 403)


def test_nothing_in_a_proposal_is_reachable_yet() -> None:
    from ithaca.mentoring.services import mentoring_propose
    from ithaca.programs.tests.factories import make_pair

    program, mentor, mentee = make_pair("mentoring")
    rel = mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    _error(api(mentee).post(_url(rel, "agenda/"), {"title": "x"}, format="json"), 400)
    assert not AgendaTopic.objects.exists()

"""Organic spaces: events, sign-up under capacity, and the mutual-mark rule."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from ithaca.accounts.tests.factories import UserFactory
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.mentoring import services
from ithaca.mentoring.models import ContinueMark, EventSignup, MentoringRelationship, MutualInterest
from ithaca.mentoring.tests.factories import EventFactory, SignupFactory, soon
from ithaca.mentoring.tests.helpers import api, web
from ithaca.programs.relationships import validate_proposal
from ithaca.programs.tests.factories import ParticipationFactory, ProgramFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def program():
    return ProgramFactory()


def _person(program, role="seeker", **profile):
    user = ParticipationFactory(program=program, role=role).user
    if profile:
        type(user.profile).objects.filter(user=user).update(**profile)
    return user


@pytest.fixture
def held(program):
    """An event that took place an hour ago, with a mentor and two seekers attending."""
    event = EventFactory(
        program=program, starts_at=timezone.now() - dt.timedelta(hours=3),
        ends_at=timezone.now() - dt.timedelta(hours=1),
    )  # fmt: skip
    people = {
        "mentor": _person(program, "mentor", years_experience=20, grade=7),
        "ana": _person(program, years_experience=2, grade=2),
        "ben": _person(program, years_experience=3, grade=3),
    }
    for person in people.values():
        SignupFactory(event=event, person=person)
    return event, people


def test_a_program_manager_creates_an_event(program) -> None:
    manager = UserFactory()
    program.managers.add(manager)
    event = services.event_create(
        program=program, user=manager, kind="speed_mentoring", title="Speed mentoring",
        starts_at=soon(7), ends_at=soon(7, hours=2), capacity=12,
    )  # fmt: skip
    assert event.created_by == manager


def test_a_participant_cannot_create_an_event(program) -> None:
    with pytest.raises(PermissionDenied):
        services.event_create(
            program=program, user=_person(program), kind="networking", title="Mine",
            starts_at=soon(7), ends_at=soon(7, hours=1), capacity=5,
        )  # fmt: skip


def test_an_event_ending_before_it_starts_is_refused(program) -> None:
    manager = UserFactory(is_staff=True)
    with pytest.raises(DomainError, match="end after it starts"):
        services.event_create(
            program=program, user=manager, kind="networking", title="Backwards",
            starts_at=soon(7), ends_at=soon(6), capacity=5,
        )  # fmt: skip


def test_sign_up_stops_at_capacity(program) -> None:
    event = EventFactory(program=program, capacity=2)
    for _ in range(2):
        services.event_signup(event=event, user=_person(program))
    with pytest.raises(DomainError, match="full"):
        services.event_signup(event=event, user=_person(program))
    assert EventSignup.objects.filter(event=event).count() == 2


def test_only_active_participants_sign_up_once(program) -> None:
    event = EventFactory(program=program)
    with pytest.raises(DomainError, match="Join"):
        services.event_signup(event=event, user=UserFactory())
    person = _person(program)
    services.event_signup(event=event, user=person)
    with pytest.raises(DomainError, match="already"):
        services.event_signup(event=event, user=person)


def test_nobody_signs_up_once_it_started(held) -> None:
    event, _ = held
    with pytest.raises(DomainError, match="started"):
        services.event_signup(event=event, user=_person(event.program))


def test_marks_wait_until_the_event_starts(program) -> None:
    event = EventFactory(program=program)
    a, b = _person(program), _person(program)
    for person in (a, b):
        SignupFactory(event=event, person=person)
    with pytest.raises(DomainError, match="once the event starts"):
        services.mark_add(event=event, user=a, marked=b)


def test_nobody_marks_themselves_or_a_non_attendee(held) -> None:
    event, people = held
    with pytest.raises(DomainError, match="yourself"):
        services.mark_add(event=event, user=people["ana"], marked=people["ana"])
    with pytest.raises(DomainError, match="not signed up"):
        services.mark_add(event=event, user=people["ana"], marked=_person(event.program))
    with pytest.raises(DomainError, match="Only people who signed up"):
        services.mark_add(event=event, user=_person(event.program), marked=people["ana"])
    assert not ContinueMark.objects.exists()


def test_a_one_sided_mark_leaves_no_trace_for_the_other_person(held) -> None:
    event, people = held
    services.mark_add(event=event, user=people["ana"], marked=people["mentor"])
    assert not MutualInterest.objects.exists()
    mentor = people["mentor"]
    page = web(mentor).get(f"/mentoring/events/{event.pk}/").content.decode()
    assert "you&#x27;d like to continue" not in page and "both want to continue" not in page
    assert api(mentor).get(f"/api/v1/mentoring/events/{event.pk}/marks/").json()["results"] == []
    assert api(mentor).get(f"/api/v1/mentoring/events/{event.pk}/offers/").json()["results"] == []
    assert not MentoringRelationship.objects.exists() and mail.outbox == []
    mine = api(people["ana"]).get(f"/api/v1/mentoring/events/{event.pk}/marks/").json()
    assert [p["id"] for p in mine["results"]] == [mentor.pk]


def test_mutual_marks_offer_a_relationship_that_both_must_accept(
    held, django_capture_on_commit_callbacks
) -> None:
    event, people = held
    ana, mentor = people["ana"], people["mentor"]
    services.mark_add(event=event, user=mentor, marked=ana)
    with django_capture_on_commit_callbacks(execute=True):
        services.mark_add(event=event, user=ana, marked=mentor)
    offer = MutualInterest.objects.get()
    rel = offer.relationship
    assert (rel.mentor, rel.mentee, rel.status) == (mentor, ana, "proposed")
    assert rel.proposed_by is None and rel.helper_accepted_at is None
    assert rel.seeker_accepted_at is None
    assert sorted(m.to[0] for m in mail.outbox) == sorted([ana.email, mentor.email])
    for person in (ana, mentor):
        offers = api(person).get(f"/api/v1/mentoring/events/{event.pk}/offers/").json()
        assert offers["results"][0]["relationship"] == rel.pk
    ben = api(people["ben"]).get(f"/api/v1/mentoring/events/{event.pk}/offers/").json()
    assert ben["results"] == []


def test_when_the_rules_refuse_the_pair_both_learn_why(held) -> None:
    event, people = held
    services.mark_add(event=event, user=people["ana"], marked=people["ben"])
    services.mark_add(event=event, user=people["ben"], marked=people["ana"])
    offer = MutualInterest.objects.get()
    assert offer.relationship is None and "needs one of you to be a mentor" in offer.refused_reason
    page = web(people["ben"]).get(f"/mentoring/events/{event.pk}/").content.decode()
    assert "cannot be offered" in page


def test_a_mentor_at_capacity_is_recorded_not_offered(held) -> None:
    event, people = held
    event.program.participations.filter(user=people["mentor"]).update(capacity=1)
    other = _person(event.program)
    services.mentoring_propose(
        program=event.program, mentor=people["mentor"], mentee=other, proposed_by=other
    )
    with pytest.raises(DomainError) as rule:
        validate_proposal(
            MentoringRelationship, program=event.program, helper=people["mentor"],
            seeker=people["ana"],
        )  # fmt: skip
    services.mark_add(event=event, user=people["ana"], marked=people["mentor"])
    services.mark_add(event=event, user=people["mentor"], marked=people["ana"])
    offer = MutualInterest.objects.get()
    assert offer.relationship is None and offer.refused_reason == rule.value.message


def test_a_mark_can_be_taken_back_until_it_is_mutual(held) -> None:
    event, people = held
    services.mark_add(event=event, user=people["ana"], marked=people["ben"])
    services.mark_remove(event=event, user=people["ana"], marked=people["ben"])
    assert not ContinueMark.objects.exists()
    services.mark_add(event=event, user=people["ana"], marked=people["ben"])
    services.mark_add(event=event, user=people["ben"], marked=people["ana"])
    with pytest.raises(DomainError, match="answer the offer"):
        services.mark_remove(event=event, user=people["ana"], marked=people["ben"])


def test_marking_through_the_page(held) -> None:
    event, people = held
    response = web(people["ana"]).post(
        f"/mentoring/events/{event.pk}/mark/", {"person": people["ben"].pk}
    )
    assert response.status_code == 302
    assert ContinueMark.objects.filter(marker=people["ana"], marked=people["ben"]).exists()
    bad = web(people["ana"]).post(f"/mentoring/events/{event.pk}/mark/", {"person": "x"})
    assert bad.status_code == 400 and b"Choose someone" in bad.content


def test_signing_up_through_the_api_respects_capacity(program) -> None:
    event = EventFactory(program=program, capacity=2)
    for _ in range(2):
        assert (
            api(_person(program)).post(f"/api/v1/mentoring/events/{event.pk}/signup/").status_code
            == 204
        )
    late = api(_person(program)).post(f"/api/v1/mentoring/events/{event.pk}/signup/")
    assert late.status_code == 400 and late.json()["error"]["message"] == "This event is full."


def test_someone_outside_the_program_gets_a_404(program) -> None:
    event = EventFactory(program=program)
    assert web(UserFactory()).get(f"/mentoring/events/{event.pk}/").status_code == 404
    assert api(UserFactory()).get(f"/api/v1/mentoring/events/{event.pk}/").status_code == 404


def test_the_attendee_list_is_for_attendees_and_managers(held) -> None:
    event, people = held
    url = f"/api/v1/mentoring/events/{event.pk}/attendees/"
    assert api(people["ana"]).get(url).json()["count"] == 3
    assert api(_person(event.program)).get(url).status_code == 403

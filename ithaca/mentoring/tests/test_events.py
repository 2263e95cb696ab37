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
        SignupFactory(event=event, person=person, attended=True)
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
    with pytest.raises(DomainError, match="did not attend"):
        services.mark_add(event=event, user=people["ana"], marked=_person(event.program))
    with pytest.raises(DomainError, match="Only people who attended"):
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


@pytest.fixture
def manager(program):
    user = UserFactory()
    program.managers.add(user)
    return user


def _change(event, manager, **fields):
    data = {
        "title": event.title,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
        "capacity": event.capacity,
        "location": event.location,
    }
    data.update(fields)
    return services.event_update(event=event, user=manager, **data)


def test_signing_up_sends_a_calendar_invite(program, django_capture_on_commit_callbacks) -> None:
    event = EventFactory(program=program)
    person = _person(program)
    with django_capture_on_commit_callbacks(execute=True):
        services.event_signup(event=event, user=person)
    (message,) = mail.outbox
    assert message.to == [person.email] and event.title in message.subject
    ics = message.attachments[0][1]
    assert f"UID:event-{event.pk}@ithaca" in ics and "METHOD:REQUEST" in ics


def test_a_changed_event_sends_everyone_the_new_invite(
    program, manager, django_capture_on_commit_callbacks
) -> None:
    event = EventFactory(program=program)
    people = [_person(program), _person(program)]
    for person in people:
        services.event_signup(event=event, user=person)
    with django_capture_on_commit_callbacks(execute=True):
        _change(event, manager, location="Room 4", starts_at=soon(8), ends_at=soon(8, hours=1))
    # One e-mail each, every one with that person's updated invite.
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    for message in mail.outbox:
        assert "changed" in message.subject and "Room 4" in message.body
        assert "SEQUENCE:1" in message.attachments[0][1]
    event.refresh_from_db()
    assert event.edited_at is not None and event.location == "Room 4"


def test_an_event_cannot_shrink_below_its_sign_ups_or_change_once_started(
    program, manager, held
) -> None:
    event = EventFactory(program=program)
    for _ in range(3):
        services.event_signup(event=event, user=_person(program))
    with pytest.raises(DomainError, match="keep at least 3"):
        _change(event, manager, capacity=2)
    started, _ = held
    started.program.managers.add(manager)
    with pytest.raises(DomainError, match="has started"):
        _change(started, manager, title="Too late")


def test_only_a_program_manager_changes_cancels_or_takes_attendance(program, held) -> None:
    event, people = held
    outsider = people["ana"]
    with pytest.raises(PermissionDenied):
        _change(EventFactory(program=program), outsider, title="Mine now")
    with pytest.raises(PermissionDenied):
        services.event_cancel(event=EventFactory(program=program), user=outsider)
    with pytest.raises(PermissionDenied):
        services.attendance_record(event=event, user=outsider, attended_ids=[outsider.pk])


def test_a_cancelled_event_tells_everyone_and_takes_no_more_sign_ups(
    program, manager, django_capture_on_commit_callbacks
) -> None:
    event = EventFactory(program=program)
    person = _person(program)
    services.event_signup(event=event, user=person)
    with django_capture_on_commit_callbacks(execute=True):
        services.event_cancel(event=event, user=manager, reason="The room flooded.")
    (message,) = mail.outbox
    assert message.to == [person.email] and "The room flooded." in message.body
    assert "METHOD:CANCEL" in message.attachments[0][1]
    with pytest.raises(DomainError, match="cancelled"):
        services.event_signup(event=event, user=_person(program))
    with pytest.raises(DomainError, match="cancelled"):
        services.event_cancel(event=event, user=manager)


def test_only_people_marked_present_can_say_whom_to_continue_with(program, manager) -> None:
    event = EventFactory(
        program=program, starts_at=timezone.now() - dt.timedelta(hours=2),
        ends_at=timezone.now() - dt.timedelta(hours=1),
    )  # fmt: skip
    came, stayed_home = _person(program), _person(program)
    for person in (came, stayed_home):
        SignupFactory(event=event, person=person)
    with pytest.raises(DomainError, match="taken attendance"):
        services.mark_add(event=event, user=came, marked=stayed_home)
    with pytest.raises(DomainError, match="signed up"):
        services.attendance_record(event=event, user=manager, attended_ids=[UserFactory().pk])
    services.attendance_record(event=event, user=manager, attended_ids=[came.pk])
    with pytest.raises(DomainError, match="did not attend"):
        services.mark_add(event=event, user=came, marked=stayed_home)
    with pytest.raises(DomainError, match="Only people who attended"):
        services.mark_add(event=event, user=stayed_home, marked=came)
    assert set(EventSignup.objects.values_list("person_id", "attended")) == {
        (came.pk, True),
        (stayed_home.pk, False),
    }


def test_attendance_waits_for_the_event_to_start(program, manager) -> None:
    event = EventFactory(program=program)
    with pytest.raises(DomainError, match="once the event has started"):
        services.attendance_record(event=event, user=manager, attended_ids=[])


def test_the_manager_changes_and_cancels_through_pages_and_others_get_403(program, manager) -> None:
    event = EventFactory(program=program)
    person = _person(program)
    services.event_signup(event=event, user=person)
    edit = f"/mentoring/events/{event.pk}/edit/"
    assert web(person).get(edit).status_code == 403
    assert web(UserFactory()).get(edit).status_code in (403, 404)
    assert web(person).post(f"/mentoring/events/{event.pk}/cancel/").status_code == 403
    form = web(manager).get(edit)
    assert form.status_code == 200 and event.title in form.content.decode()
    bad = web(manager).post(edit, {"kind": "networking", "title": "", "capacity": 0})
    assert bad.status_code == 400
    event.refresh_from_db()
    assert event.edited_at is None
    page = web(manager).get(f"/mentoring/events/{event.pk}/").content.decode()
    assert "Cancel this event" in page and f"/mentoring/events/{event.pk}/edit/" in page
    response = web(manager).post(f"/mentoring/events/{event.pk}/cancel/", {"reason": "Snow"})
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.cancelled and event.cancel_reason == "Snow"
    page = web(person).get(f"/mentoring/events/{event.pk}/").content.decode()
    assert "was cancelled" in page and ">Sign up<" not in page


def test_the_manager_takes_attendance_on_the_page(program, manager, held) -> None:
    event, people = held
    event.program.managers.add(manager)
    EventSignup.objects.update(attended=None)
    url = f"/mentoring/events/{event.pk}/attendance/"
    assert web(people["ana"]).post(url, {"attended": [people["ana"].pk]}).status_code == 403
    response = web(manager).post(url, {"attended": [people["ana"].pk, people["ben"].pk]})
    assert response.status_code == 302
    present = set(EventSignup.objects.filter(attended=True).values_list("person_id", flat=True))
    assert present == {people["ana"].pk, people["ben"].pk}


def _cancel_queries(program, attendees: int) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ithaca.mentoring import notices
    from ithaca.notifications.models import Notification

    event = EventFactory(program=program)
    for person in UserFactory.create_batch(attendees):
        SignupFactory(event=event, person=person)
    event.cancelled_at, event.sequence = timezone.now(), event.sequence + 1
    event.save()
    with CaptureQueriesContext(connection) as queries:
        notices.tell_event_update(event, actor=None)
    told = Notification.objects.filter(kind="event.cancelled", key__contains=f":{event.pk}:")
    assert told.count() == attendees
    assert {n.ics_method for n in told} == {"CANCEL"}
    return len(queries.captured_queries)


def test_cancelling_an_event_costs_the_same_queries_for_three_or_thirty(program) -> None:
    few = _cancel_queries(program, 3)
    assert _cancel_queries(program, 30) == few
    assert few <= 8  # signups with profiles, preferences, count, insert, count, webhooks

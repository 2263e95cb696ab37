"""/audit/: staff read and search everything, program managers their programs' events."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from ithaca.accounts.tests.factories import UserFactory
from ithaca.audit.models import Action
from ithaca.audit.tests.factories import AuditEventFactory
from ithaca.programs.tests.factories import ParticipationFactory, ProgramFactory

pytestmark = pytest.mark.django_db


def web(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def programs():
    mine, theirs = ProgramFactory(name="Mine"), ProgramFactory(name="Theirs")
    manager = UserFactory()
    mine.managers.add(manager)
    AuditEventFactory(program_id=mine.pk, summary="Read an intake of mine")
    AuditEventFactory(program_id=theirs.pk, summary="Read an intake of theirs")
    AuditEventFactory(program_id=None, summary="Admin changed a department")
    return mine, theirs, manager


def test_staff_see_every_event(programs) -> None:
    content = web(UserFactory(is_staff=True)).get("/audit/").content.decode()
    for summary in ("of mine", "of theirs", "a department"):
        assert summary in content


def test_a_program_manager_sees_only_the_events_of_the_programs_they_manage(programs) -> None:
    _, _, manager = programs
    content = web(manager).get("/audit/").content.decode()
    assert "of mine" in content
    assert "of theirs" not in content and "a department" not in content


@pytest.mark.parametrize("role", ["seeker", "coach", "sponsor"])
def test_participants_who_manage_nothing_are_refused(programs, role) -> None:
    person = ParticipationFactory(role=role, program__kind="coaching", program__mode="executive")
    assert web(person.user).get("/audit/").status_code == 403


def test_signing_in_is_required() -> None:
    response = Client().get("/audit/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_it_searches_by_person_as_actor_or_subject() -> None:
    ada = UserFactory(first_name="Ada", last_name="Lovelace", email="ada@example.org")
    AuditEventFactory(actor=ada, summary="Ada read something")
    AuditEventFactory(subject=ada, summary="Someone read about Ada")
    AuditEventFactory(summary="Unrelated read")
    content = web(UserFactory(is_staff=True)).get("/audit/", {"person": "lovelace"}).content
    assert b"Ada read something" in content and b"Someone read about Ada" in content
    assert b"Unrelated read" not in content


def test_it_searches_by_action_object_and_dates() -> None:
    AuditEventFactory(object_type="intake.intake", object_id="12", summary="Recent intake read")
    AuditEventFactory(
        object_type="intake.intake",
        object_id="13",
        summary="Other intake read",
        created_at=timezone.now() - dt.timedelta(days=40),
    )
    AuditEventFactory(action=Action.ERASURE, object_type="accounts.user", summary="Erased one")
    staff = web(UserFactory(is_staff=True))
    by_action = staff.get("/audit/", {"action": "erasure"}).content
    assert b"Erased one" in by_action and b"intake read" not in by_action
    by_object = staff.get("/audit/", {"object": "intake.intake:12"}).content
    assert b"Recent intake read" in by_object and b"Other intake read" not in by_object
    by_model = staff.get("/audit/", {"object": "intake"}).content
    assert b"Recent intake read" in by_model and b"Other intake read" in by_model
    since = (timezone.localdate() - dt.timedelta(days=7)).isoformat()
    recent = staff.get("/audit/", {"date_from": since}).content
    assert b"Recent intake read" in recent and b"Other intake read" not in recent


def test_an_end_date_before_the_start_is_explained_and_shows_nothing() -> None:
    AuditEventFactory(summary="Should stay hidden")
    response = web(UserFactory(is_staff=True)).get(
        "/audit/", {"date_from": "2026-05-02", "date_to": "2026-05-01"}
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "The end date is before the start date." in content
    assert "Should stay hidden" not in content


def test_the_page_keeps_the_search_when_paging() -> None:
    AuditEventFactory.create_batch(55, action=Action.EXPORT, summary="Exported")
    content = web(UserFactory(is_staff=True)).get("/audit/", {"action": "export"}).content
    assert b"Page 1 of 2" in content
    assert b"action=export&amp;page=2" in content


def test_the_page_costs_a_fixed_number_of_queries(django_assert_max_num_queries) -> None:
    AuditEventFactory.create_batch(50)
    client = web(UserFactory(is_staff=True))
    client.get("/audit/")  # warm the session
    with django_assert_max_num_queries(5):
        response = client.get("/audit/")
    assert response.content.count(b"<tr>") == 51

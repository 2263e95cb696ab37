"""Everything done in the Django admin reaches the audit log, rights changes as such."""

from __future__ import annotations

import json

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from ithaca.accounts.models import Department, User
from ithaca.accounts.tests.factories import UserFactory
from ithaca.audit.admin_log import event_for
from ithaca.audit.models import Action, AuditEvent
from ithaca.programs.models import Program
from ithaca.programs.tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client() -> Client:
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True, email="root@example.org"))
    return client


def events(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action).order_by("pk"))


def test_adding_a_group_in_the_admin_is_a_permission_change(admin_client) -> None:
    response = admin_client.post("/admin/auth/group/add/", {"name": "Auditors"})
    assert response.status_code == 302
    [event] = events(Action.PERMISSION_CHANGE)
    assert event.object_type == "auth.group" and "Auditors" in event.summary
    assert event.actor.email == "root@example.org" and event.ip == "127.0.0.1"


def test_giving_a_role_in_the_admin_is_a_permission_change_of_that_program(admin_client) -> None:
    program, person = ProgramFactory(), UserFactory()
    response = admin_client.post(
        "/admin/programs/participation/add/",
        {
            "program": program.pk,
            "user": person.pk,
            "role": "seeker",
            "state": "active",
            "modalities": "[]",
            "training_completed_at_0": "",
            "training_completed_at_1": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    [event] = events(Action.PERMISSION_CHANGE)
    assert (event.object_type, event.program_id) == ("programs.participation", program.pk)


def test_other_admin_writes_are_admin_actions(admin_client) -> None:
    response = admin_client.post("/admin/accounts/department/add/", {"name": "Wards", "slug": "w"})
    assert response.status_code == 302
    [event] = events(Action.ADMIN_ACTION)
    assert event.object_type == "accounts.department"
    assert event.object_id == str(Department.objects.get().pk)


def test_an_admin_action_is_recorded_with_what_it_was_run_on(admin_client) -> None:
    invited = User.objects.create_user(email="new@example.org")  # no password yet
    response = admin_client.post(
        "/admin/accounts/user/",
        {"action": "resend_invitation", "_selected_action": [invited.pk]},
    )
    assert response.status_code == 302
    [event] = events(Action.ADMIN_ACTION)
    assert "resend_invitation" in event.summary and str(invited.pk) in event.summary
    assert event.object_type == "accounts.user"


def test_a_refused_admin_post_records_nothing(admin_client) -> None:
    response = admin_client.post("/admin/accounts/department/add/", {"name": ""})
    assert response.status_code == 200  # the form with its errors
    assert AuditEvent.objects.count() == 0


def test_a_non_staff_post_to_the_admin_records_nothing() -> None:
    client = Client()
    client.force_login(UserFactory())
    client.post("/admin/auth/group/add/", {"name": "Sneaky"})
    assert AuditEvent.objects.count() == 0


def _entry(model, obj_id: str, flag: int, fields: list[str]) -> LogEntry:
    return LogEntry.objects.create(
        user=UserFactory(is_staff=True),
        content_type=ContentType.objects.get_for_model(model),
        object_id=obj_id,
        object_repr="someone",
        action_flag=flag,
        change_message=json.dumps([{"changed": {"fields": fields}}]),
    )


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (["Staff status"], Action.PERMISSION_CHANGE),
        (["Superuser status", "First name"], Action.PERMISSION_CHANGE),
        (["Groups"], Action.PERMISSION_CHANGE),
        (["First name", "Last name"], Action.ADMIN_ACTION),
    ],
)
def test_a_user_change_is_a_permission_change_when_rights_changed(fields, expected) -> None:
    person = UserFactory()
    event = event_for(_entry(User, str(person.pk), CHANGE, fields))
    assert event.action == expected
    assert event.subject_id == person.pk


def test_changing_a_programs_managers_is_a_permission_change_of_that_program() -> None:
    program = ProgramFactory()
    managers = event_for(_entry(Program, str(program.pk), CHANGE, ["Managers"]))
    assert (managers.action, managers.program_id) == (Action.PERMISSION_CHANGE, program.pk)
    name = event_for(_entry(Program, str(program.pk), CHANGE, ["Name"]))
    assert name.action == Action.ADMIN_ACTION


def test_creating_a_user_in_the_admin_is_a_permission_change() -> None:
    person = UserFactory()
    event = event_for(_entry(User, str(person.pk), ADDITION, []))
    assert event.action == Action.PERMISSION_CHANGE

"""Erasure: the person's data goes, the other people's records stay whole."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate
from django.test import Client

from ithaca.accounts.models import CareerEntry, Profile, User
from ithaca.accounts.tests.factories import UserFactory
from ithaca.analytics.models import SurveyResponse
from ithaca.audit.models import Action, AuditEvent
from ithaca.coaching.models import ActionItem, SessionNote
from ithaca.coaching.models import Goal as CoachingGoal
from ithaca.core.errors import DomainError
from ithaca.intake.models import Intake, Referral
from ithaca.mentoring.models import Goal, GoalNote, JournalEntry, MeetingNote
from ithaca.privacy.erasure import person_erase
from ithaca.programs.models import Participation
from ithaca.programs.tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def web(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def erase_through_the_page(person) -> Client:
    client = web(person)
    response = client.post("/privacy/", {"email": person.email.upper()})
    assert response.status_code == 302 and response["Location"] == "/"
    return client


def exists(record) -> bool:
    return type(record).objects.filter(pk=record.pk).exists()


def test_the_account_is_anonymized_and_signed_out_everywhere(world) -> None:
    ada, email = world.person, world.person.email
    client = erase_through_the_page(ada)
    ada.refresh_from_db()
    assert ada.email == f"erased-{ada.pk}@invalid" and ada.display_name == "Erased person"
    assert not ada.is_active and not ada.has_usable_password()
    assert "_auth_user_id" not in client.session
    assert authenticate(username=email, password="pass-word-123") is None
    profile = Profile.objects.get(user=ada)
    assert (profile.job_title, profile.bio, profile.languages) == ("", "", [])
    assert not CareerEntry.objects.filter(user=ada).exists()


def test_what_she_wrote_alone_is_deleted_and_the_others_writing_stays(world) -> None:
    erase_through_the_page(world.person)
    r = world.records
    for mine in ("her journal", "her meeting note", "her session note", "intake"):
        assert not exists(r[mine]), mine
    for theirs in (
        "mentor journal",
        "mentor meeting note",
        "mentor goal note",
        "coach private note",
    ):
        assert exists(r[theirs]), theirs
    assert not Intake.objects.filter(author=world.person).exists()
    assert JournalEntry.objects.get(pk=r["mentor journal"].pk).body == "Mentor's own"
    assert MeetingNote.objects.filter(author=world.mentor).count() == 1
    assert SessionNote.objects.filter(author=world.coach).count() == 1


def test_shared_records_are_kept_with_her_words_blanked(world) -> None:
    erase_through_the_page(world.person)
    r = world.records
    assert Goal.objects.get(pk=r["goal"].pk).title == "(erased)"
    assert GoalNote.objects.get(pk=r["mentor goal note"].pk).goal_id == r["goal"].pk
    assert CoachingGoal.objects.get(pk=r["coaching goal"].pk).statement == "(erased)"
    assert ActionItem.objects.get(pk=r["action"].pk).title == "(erased)"
    assert Referral.objects.get(pk=r["referral"].pk).reason == "(erased)"
    survey = SurveyResponse.objects.get(pk=r["survey"].pk)
    assert (survey.comment, survey.satisfaction) == ("", 4)  # the rating stays, anonymous


def test_her_relationships_end_and_the_other_side_still_sees_theirs(world) -> None:
    erase_through_the_page(world.person)
    world.relationship.refresh_from_db()
    world.engagement.refresh_from_db()
    assert world.relationship.status == "concluded" and world.engagement.status == "concluded"
    assert "erased" in world.relationship.status_reason
    page = web(world.mentor).get(f"/mentoring/{world.relationship.pk}/")
    assert page.status_code == 200 and "Erased person" in page.content.decode()
    states = set(Participation.objects.filter(user=world.person).values_list("state", flat=True))
    assert states == {"left"}


def test_the_erasure_is_in_the_audit_log_with_who_asked(world) -> None:
    erase_through_the_page(world.person)
    [event] = AuditEvent.objects.filter(action=Action.ERASURE)
    assert event.actor == world.person and event.subject == world.person
    assert "at their own request" in event.summary and "1 journal entry," in event.summary


def test_a_wrong_address_is_explained_and_changes_nothing(world) -> None:
    response = web(world.person).post("/privacy/", {"email": "someone@else.org"})
    assert response.status_code == 400
    assert "not the address of this account" in response.content.decode()
    world.person.refresh_from_db()
    assert world.person.is_active and exists(world.records["her journal"])


def test_erasing_twice_is_refused_with_a_reason() -> None:
    person = UserFactory()
    person_erase(user=person, by=person)
    with pytest.raises(DomainError, match="already been erased"):
        person_erase(user=User.objects.get(pk=person.pk), by=None)


def test_a_manager_erased_manages_nothing_and_the_change_is_audited() -> None:
    manager, program = UserFactory(), ProgramFactory()
    program.managers.add(manager)
    person_erase(user=manager, by=None)
    assert not program.managers.exists()
    change = AuditEvent.objects.get(action=Action.PERMISSION_CHANGE)
    assert change.subject == manager and change.program_id == program.pk


def _admin() -> Client:
    return web(UserFactory(is_staff=True, is_superuser=True))


def test_staff_erase_on_request_after_confirming_in_the_admin(world) -> None:
    client = _admin()
    chosen = {"action": "erase_personal_data", "_selected_action": [world.person.pk]}
    asked = client.post("/admin/accounts/user/", {**chosen, "index": "0"})
    assert asked.status_code == 200 and "Yes, erase their data" in asked.content.decode()
    world.person.refresh_from_db()
    assert world.person.is_active  # nothing happens before the confirmation
    done = client.post("/admin/accounts/user/", {**chosen, "confirmed": "yes"})
    assert done.status_code == 302
    world.person.refresh_from_db()
    assert not world.person.is_active and not exists(world.records["her journal"])
    erasure = AuditEvent.objects.get(action=Action.ERASURE)
    assert erasure.actor.is_staff and "by staff" in erasure.summary
    assert AuditEvent.objects.filter(action=Action.ADMIN_ACTION).exists()


def test_staff_cannot_erase_themselves_from_the_admin() -> None:
    staff = UserFactory(is_staff=True, is_superuser=True)
    client = web(staff)
    client.post(
        "/admin/accounts/user/",
        {"action": "erase_personal_data", "_selected_action": [staff.pk], "confirmed": "yes"},
    )
    staff.refresh_from_db()
    assert staff.is_active

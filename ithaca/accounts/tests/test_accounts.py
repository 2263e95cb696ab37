"""Accounts: e-mail login, invitations through the task queue, sign-up modes, profiles."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth import authenticate
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError
from django.test import Client

from ithaca.accounts.models import CareerEntry, Profile, User
from ithaca.accounts.services import user_create, user_invite
from ithaca.accounts.tests.factories import UserFactory
from ithaca.core.errors import DomainError

pytestmark = pytest.mark.django_db


def test_it_signs_people_in_with_their_email_address() -> None:
    user_create(email="Ada@Example.org", password="a-long-passphrase")
    assert authenticate(username="ada@example.org", password="a-long-passphrase") is not None


def test_it_gives_every_new_account_a_profile() -> None:
    user = user_create(email="new@example.org")
    assert Profile.objects.filter(user=user).exists()


def test_it_refuses_a_second_account_for_the_same_address() -> None:
    user_create(email="one@example.org")
    with pytest.raises(DomainError, match="already has an account"):
        user_create(email="ONE@example.org")
    assert User.objects.count() == 1


def test_it_sends_the_invitation_only_after_the_transaction_commits(
    django_capture_on_commit_callbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        user_invite(email="invitee@example.org", first_name="Ines")
        assert mail.outbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["invitee@example.org"]
    assert "/accounts/password/reset/key/" in message.body


def test_the_invitation_link_lets_the_person_choose_a_password(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        user_invite(email="invitee@example.org")
    link = re.search(r"http://\S+", mail.outbox[0].body)
    assert link is not None
    path = link.group(0).split("8000", 1)[1]
    response = client.get(path, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else path
    response = client.post(
        form_url, {"password1": "Correct-horse-9", "password2": "Correct-horse-9"}
    )
    assert response.status_code == 302
    assert User.objects.get(email="invitee@example.org").check_password("Correct-horse-9")


def test_a_retried_invitation_task_sends_nothing_once_a_password_is_set(
    django_capture_on_commit_callbacks,
) -> None:
    from ithaca.accounts.tasks import send_invitation_email

    with django_capture_on_commit_callbacks(execute=True):
        user = user_invite(email="invitee@example.org")
    user.set_password("chosen-password-1")
    user.save()
    result = send_invitation_email.enqueue(user_id=user.pk)
    assert result.return_value is False
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_the_database_worker_delivers_a_queued_invitation(settings) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    user_invite(email="queued@example.org")
    assert mail.outbox == []
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert [m.to for m in mail.outbox] == [["queued@example.org"]]


def test_the_invite_command_creates_the_account_and_queues_the_email() -> None:
    call_command("invite_user", "cmd@example.org", "--first-name", "Cal")
    assert User.objects.get(email="cmd@example.org").first_name == "Cal"


def test_sign_up_is_closed_unless_the_setting_opens_it(client: Client, settings) -> None:
    settings.ITHACA_SIGNUP_MODE = "closed"
    assert b"sign up is currently closed" in client.get("/accounts/signup/").content
    settings.ITHACA_SIGNUP_MODE = "open"
    response = client.post(
        "/accounts/signup/",
        {"email": "open@example.org", "password1": "Very-good-pw-7", "password2": "Very-good-pw-7"},
    )
    assert response.status_code == 302
    user = User.objects.get(email="open@example.org")
    assert Profile.objects.filter(user=user).exists()
    assert any("Confirm" in m.subject or "confirm" in m.body for m in mail.outbox)


def test_the_login_page_renders(client: Client) -> None:
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert b'name="login"' in response.content


def test_a_person_cannot_be_their_own_line_manager() -> None:
    user = UserFactory()
    profile = user.profile
    profile.line_manager = user
    with pytest.raises(IntegrityError):
        profile.save()


def test_a_grade_outside_one_to_ten_is_refused_by_the_database() -> None:
    profile = UserFactory().profile
    profile.grade = 11
    with pytest.raises(IntegrityError):
        profile.save()


def test_a_career_entry_cannot_end_before_it_starts() -> None:
    with pytest.raises(IntegrityError):
        CareerEntry.objects.create(
            user=UserFactory(),
            role="Registrar",
            started_on=dt.date(2020, 1, 1),
            ended_on=dt.date(2019, 1, 1),
        )

"""E-mails are written in the recipient's language (their profile's choice, else
LANGUAGE_CODE), whoever triggered them and whatever language that request spoke."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone, translation

from ithaca.accounts.models import Profile
from ithaca.accounts.services import user_invite
from ithaca.accounts.tests.factories import UserFactory
from ithaca.notifications import services
from ithaca.notifications.models import Notification
from ithaca.notifications.periodic import send_digests
from ithaca.programs.tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def speaking(language: str, **kwargs: object):
    user = UserFactory(**kwargs)
    user.profile.interface_language = language
    user.profile.save(update_fields=["interface_language"])
    return user


def _tell(person, **extra):
    return services.notify(
        recipient=person,
        kind="application.decided",
        subject=ProgramFactory(),
        url="/programs/",
        context={"program": "Pflege-Netzwerk", "approved": True},
        **extra,
    )


def test_an_invitation_reaches_a_german_speaker_in_german(django_capture_on_commit_callbacks):
    from ithaca.accounts.tasks import send_invitation_email

    with django_capture_on_commit_callbacks(execute=False):
        user = user_invite(email="anna@example.org", first_name="Anna")
    Profile.objects.filter(user=user).update(interface_language="de")
    with translation.override("fr"):  # whoever invited them spoke French
        send_invitation_email.enqueue(user_id=user.pk)
    (message,) = mail.outbox
    assert message.subject == "Sie sind zu Ithaca eingeladen"
    assert message.body.startswith("Hallo Anna,")


def test_an_invitation_without_a_chosen_language_is_in_language_code(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True), translation.override("de"):
        user_invite(email="ines@example.org", first_name="Ines")
    (message,) = mail.outbox
    assert message.subject == "You are invited to Ithaca"


def test_allauths_password_reset_mail_follows_the_account_not_the_browser() -> None:
    user = speaking("de")
    Client(HTTP_ACCEPT_LANGUAGE="en").post("/accounts/password/reset/", {"email": user.email})
    (message,) = mail.outbox
    assert "Passwort" in message.subject, message.subject


def test_allauths_mail_to_someone_without_a_choice_follows_the_request() -> None:
    user = speaking("")
    Client(HTTP_ACCEPT_LANGUAGE="en").post("/accounts/password/reset/", {"email": user.email})
    (message,) = mail.outbox
    assert "Password" in message.subject, message.subject


def _languages_seen(target: str):
    """Patch `target` (a renderer) to record the language active each time it runs."""
    seen: list[str] = []
    module, name = target.rsplit(".", 1)
    real = getattr(__import__(module, fromlist=[name]), name)

    def spy(*args, **kwargs):
        seen.append(translation.get_language())
        return real(*args, **kwargs)

    return seen, mock.patch(target, side_effect=spy)


def test_a_notification_is_written_and_mailed_in_the_recipients_language(
    django_capture_on_commit_callbacks,
):
    sentences, sentence_spy = _languages_seen("ithaca.notifications.services.render_sentence")
    bodies, body_spy = _languages_seen("ithaca.notifications.delivery.render_text")
    german = speaking("de")
    with (
        sentence_spy,
        body_spy,
        translation.override("fr"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        _tell(german)
    assert sentences and set(sentences) == {"de"} and bodies == ["de"]
    assert len(mail.outbox) == 1


def test_without_a_chosen_language_the_mail_is_in_language_code(
    django_capture_on_commit_callbacks,
):
    bodies, body_spy = _languages_seen("ithaca.notifications.delivery.render_text")
    with body_spy, translation.override("es"), django_capture_on_commit_callbacks(execute=True):
        _tell(speaking(""))
    assert bodies == ["en"]


def test_a_crowd_gets_one_sentence_per_language() -> None:
    sentences, spy = _languages_seen("ithaca.notifications.services.render_sentence")
    people = [speaking("de"), speaking("fr"), speaking(""), speaking("de")]
    with spy:
        told = services.notify_many(
            recipients=people,
            kind="application.decided",
            subject=ProgramFactory(),
            context={"program": "Réseau", "approved": True},
        )
    assert told == 4
    assert sorted(sentences) == ["de", "en", "fr"]


def test_a_digest_is_in_its_recipients_language() -> None:
    german = speaking("de")
    services.preferences_set(user=german, modes={"programs": "daily"})
    _tell(german)
    Notification.objects.update(created_at=timezone.now() - dt.timedelta(days=2))
    bodies, spy = _languages_seen("ithaca.notifications.delivery.render_text")
    with spy:
        assert send_digests(now=timezone.now())["daily_digests"] == 1
    assert bodies == ["de"]


def test_a_time_in_a_notice_is_written_in_the_recipients_language_and_zone() -> None:
    moment = dt.datetime(2026, 12, 7, 13, 0, tzinfo=dt.UTC)
    english, german = speaking(""), speaking("de")
    for person in (english, german):
        person.profile.time_zone = "Europe/Berlin"
        person.profile.save(update_fields=["time_zone"])
    with translation.override("fr"):  # whoever acted read French
        assert services.local_time(english, moment) == "Mon 7 Dec 2026, 14:00 (Europe/Berlin)"
        assert services.local_time(german, moment) == "Mo 7. Dezember 2026 14:00 (Europe/Berlin)"

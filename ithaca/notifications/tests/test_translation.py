"""A notification is written in its reader's language: the inbox renders it when it is
read, the e-mail when it is sent (compiled catalogues needed: `manage.py
compilemessages` runs before the tests)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.utils import translation

from ithaca.accounts.tests.factories import UserFactory
from ithaca.notifications import delivery, services
from ithaca.notifications.models import Notification
from ithaca.programs.tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def _tell(person, actor):
    return services.notify(
        recipient=person,
        kind="request.received",
        subject=ProgramFactory(),
        actor=actor,
        context={"program": "Nurses' network", "helper_word": "mentor", "note": ""},
        url="/programs/",
    )


def test_a_notification_recorded_in_english_reads_in_german_in_a_german_inbox() -> None:
    person, actor = UserFactory(), UserFactory(first_name="Ana", last_name="Ruiz")
    told = _tell(person, actor)
    assert told.text == "Ana Ruiz asked you to be their mentor in Nurses' network."
    client = Client()
    client.force_login(person)
    with translation.override("de"):
        page = client.get("/notifications/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
        assert told.message == "Ana Ruiz möchte Sie in Nurses' network als Mentor gewinnen."
    assert "Ana Ruiz möchte Sie in Nurses&#x27; network als Mentor gewinnen." in page
    assert "Als gelesen markieren" in page and "asked you to be" not in page


def _speaks(person, code: str):
    from ithaca.accounts.models import Profile, User

    Profile.objects.filter(user=person).update(interface_language=code)
    return User.objects.get(pk=person.pk)


def test_the_e_mail_is_written_in_the_recipients_language() -> None:
    person, actor = UserFactory(), UserFactory(first_name="Ana", last_name="Ruiz")
    person = _speaks(person, "fr")
    told = _tell(person, actor)
    assert delivery.deliver_one(told.pk)
    sent = mail.outbox[-1]
    assert sent.subject == "Ana Ruiz vous demande d'être son mentor dans Nurses' network."
    assert "Voir dans Ithaca" in sent.body and "paramètres de notification" in sent.body
    assert Notification.objects.get(pk=told.pk).email == Notification.Email.SENT


def test_notifications_recorded_before_keep_their_text() -> None:
    told = _tell(UserFactory(), UserFactory())
    Notification.objects.filter(pk=told.pk).update(params=None, text="An older notice.")
    with translation.override("de"):
        assert Notification.objects.get(pk=told.pk).message == "An older notice."


def test_a_moment_is_written_with_the_readers_day_and_month_names() -> None:
    import datetime as dt

    from django.utils import timezone

    person = UserFactory()
    moment = timezone.make_aware(dt.datetime(2026, 12, 7, 14, 0), dt.UTC)
    assert services.local_time(person, moment).startswith("Mon 7 Dec 2026, 14:00")
    person = _speaks(person, "de")
    assert services.local_time(person, moment).startswith("Mo 7. Dezember 2026 14:00")

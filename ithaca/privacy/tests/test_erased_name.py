"""An erased person is named in the reader's language, including people erased before."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation

from ithaca.accounts.models import User
from ithaca.accounts.tests.factories import UserFactory
from ithaca.privacy.erasure import person_erase

pytestmark = pytest.mark.django_db


def test_an_erased_person_reads_in_the_readers_language() -> None:
    person = UserFactory(first_name="Ada", last_name="Lovelace")
    with translation.override("en"):
        person_erase(user=person, by=None)
    person = User.objects.get(pk=person.pk)
    with translation.override("de"):
        assert person.display_name == "Gelöschte Person" and str(person) == "Gelöschte Person"
    with translation.override("fr"):
        assert person.display_name == "Personne effacée"
    with translation.override("en"):
        assert person.display_name == "Erased person"
    reader = Client()
    reader.force_login(UserFactory(is_staff=True))
    page = reader.get("/audit/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Persona borrada" in page and "Erased person" not in page


def test_someone_erased_before_reads_translated_too() -> None:
    old = UserFactory(first_name="Erased", last_name="person", is_active=False)
    User.objects.filter(pk=old.pk).update(email=f"erased-{old.pk}@invalid")
    old.refresh_from_db()
    with translation.override("de"):
        assert old.display_name == "Gelöschte Person"


def test_a_person_really_named_so_keeps_their_name() -> None:
    namesake = UserFactory(first_name="Erased", last_name="person")
    with translation.override("de"):
        assert namesake.display_name == "Erased person"


def test_others_notifications_forget_the_erased_persons_name_in_their_language() -> None:
    from ithaca.notifications.models import Notification
    from ithaca.notifications.services import notify

    actor = UserFactory(first_name="Zebulon", last_name="Quark")
    reader = UserFactory()
    notify(recipient=reader, kind="request.received", subject=reader, actor=actor, context={})
    person_erase(user=actor, by=None)
    told = Notification.objects.get(recipient=reader)
    assert "Zebulon" not in told.text and "Zebulon" not in str(told.params)
    with translation.override("en"):
        assert told.message.startswith("A former participant")
    with translation.override("de"):
        assert "Zebulon" not in told.message and "A former participant" not in told.message

"""The privacy page and its refusals speak German under German (compiled catalogues
needed: `manage.py compilemessages` runs before the tests)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation

from ithaca.accounts.tests.factories import UserFactory
from ithaca.core.errors import DomainError
from ithaca.privacy.erasure import person_erase

pytestmark = pytest.mark.django_db


def test_the_privacy_page_and_a_wrong_address_are_german_under_german() -> None:
    person = UserFactory()
    client = Client()
    client.force_login(person)
    with translation.override("de"):
        page = client.get("/privacy/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
        refused = client.post(
            "/privacy/", {"email": "someone@else.example"}, HTTP_ACCEPT_LANGUAGE="de"
        )
    assert "Meine Daten herunterladen" in page and "Meine Daten löschen" in page
    assert refused.status_code == 400
    assert "Das ist nicht die Adresse dieses Kontos." in refused.content.decode()
    person.refresh_from_db()
    assert person.is_active


def test_erasing_twice_is_refused_in_german_under_german() -> None:
    person, staff = UserFactory(), UserFactory(is_staff=True)
    person_erase(user=person, by=staff)
    with translation.override("de"), pytest.raises(DomainError) as refused:
        person_erase(user=person, by=staff)
    assert refused.value.message == "Die Daten dieser Person wurden bereits gelöscht."

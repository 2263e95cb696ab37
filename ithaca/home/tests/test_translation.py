"""The home pages speak German when German is the active language.

These tests read the compiled catalogues (`.mo`), built from the committed `.po`
files by `manage.py compilemessages` at install time and before the test run.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation

from ithaca.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_welcome_page_is_german_under_german() -> None:
    with translation.override("de"):
        content = Client().get("/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Mentoring und Coaching Seite an Seite" in content
    assert "Mentoring and coaching, side by side" not in content


def test_the_home_page_and_calendar_page_are_german_under_german() -> None:
    client = Client()
    client.force_login(UserFactory(first_name="Jana"))
    with translation.override("de"):
        home = client.get("/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
        calendar = client.get("/calendar/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Hallo, Jana" in home and "Begleitung finden" in home
    assert "Ihr Kalender" in calendar and "Neue Adresse erstellen" in calendar

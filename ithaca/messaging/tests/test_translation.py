"""Conversations speak German when German is the active language (compiled catalogues
needed: `manage.py compilemessages` runs before the tests)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation

from ithaca.core.errors import DomainError
from ithaca.mentoring.tests.factories import active_relationship
from ithaca.messaging import services
from ithaca.messaging.access import access_conversation

pytestmark = pytest.mark.django_db


def test_a_conversation_page_and_its_title_are_german_under_german() -> None:
    rel = active_relationship()
    client = Client()
    client.force_login(rel.mentee)
    url = f"/messages/mentoring/{rel.pk}/"
    with translation.override("de"):
        content = client.get(url, HTTP_ACCEPT_LANGUAGE="de").content.decode()
        listing = client.get("/messages/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert f"Sie und {rel.mentor.display_name}" in content
    assert "Noch keine Nachrichten. Sagen Sie Hallo." in content and "Senden" in content
    assert "Private Unterhaltungen" in listing


def test_an_empty_message_is_refused_in_german_under_german() -> None:
    rel = active_relationship()
    conversation = access_conversation(rel.mentee, "mentoring", rel.pk)
    with translation.override("de"), pytest.raises(DomainError) as refused:
        services.message_send(conversation=conversation, author=rel.mentee, body="  ")
    assert refused.value.message == "Schreiben Sie etwas, bevor Sie senden."

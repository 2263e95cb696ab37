"""The people admin's own words follow the reader's language."""

from __future__ import annotations

import pytest

from ithaca.accounts.models import User

pytestmark = pytest.mark.django_db


def test_the_invitation_action_and_its_message_are_german_under_german(admin_client) -> None:
    invited = User.objects.create_user(email="new@example.org")  # no password yet
    listing = admin_client.get("/admin/accounts/user/", HTTP_ACCEPT_LANGUAGE="de")
    assert "Einladungs-E-Mail senden (Personen ohne Passwort)" in listing.content.decode()
    response = admin_client.post(
        "/admin/accounts/user/",
        {"action": "resend_invitation", "_selected_action": [invited.pk]},
        HTTP_ACCEPT_LANGUAGE="de",
        follow=True,
    )
    assert "1 Einladung zum Versand vorgemerkt." in response.content.decode()
    english = admin_client.post(
        "/admin/accounts/user/",
        {"action": "resend_invitation", "_selected_action": [invited.pk]},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    assert "Queued 1 invitation." in english.content.decode()

"""The SCIM clients' admin speaks the reader's language."""

from __future__ import annotations

import pytest

from ithaca.scim.models import ScimClient

pytestmark = pytest.mark.django_db


def test_creating_and_revoking_a_token_is_told_in_german(admin_client) -> None:
    created = admin_client.post(
        "/admin/scim/scimclient/add/", {"name": "Okta"}, HTTP_ACCEPT_LANGUAGE="de", follow=True
    )
    page = created.content.decode()
    assert "Das Bearer-Token von Okta lautet" in page
    assert "Kopieren Sie es jetzt in den Identitätsanbieter" in page
    client = ScimClient.objects.get(name="Okta")
    listing = admin_client.get("/admin/scim/scimclient/", HTTP_ACCEPT_LANGUAGE="de")
    assert "Token der ausgewählten Clients widerrufen" in listing.content.decode()
    revoked = admin_client.post(
        "/admin/scim/scimclient/",
        {"action": "revoke", "_selected_action": [client.pk]},
        HTTP_ACCEPT_LANGUAGE="de",
        follow=True,
    )
    assert "1 Token widerrufen." in revoked.content.decode()
    client.refresh_from_db()
    assert client.revoked_at is not None

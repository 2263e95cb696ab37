from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from ithaca.scim.models import ScimClient
from ithaca.scim.services import scim_client_token_issue

SCIM = "application/scim+json"
USER = "urn:ietf:params:scim:schemas:core:2.0:User"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
ERROR = "urn:ietf:params:scim:api:messages:2.0:Error"


class Scim:
    """A SCIM client speaking to /scim/v2/ through Django's test client."""

    def __init__(self, token: str) -> None:
        self.http = Client()
        self.token = token

    def __call__(
        self, method: str, path: str, body: Any = None, token: str | None = None, **headers: str
    ):
        extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items()}
        auth = self.token if token is None else token
        if auth:
            extra["HTTP_AUTHORIZATION"] = f"Bearer {auth}"
        data = json.dumps(body) if body is not None else ""
        return self.http.generic(
            method, f"/scim/v2/{path.lstrip('/')}", data, content_type=SCIM, **extra
        )


@pytest.fixture
def idp_client(db) -> ScimClient:
    client = ScimClient(name="Okta")
    client.token = scim_client_token_issue(client=client)
    return client


@pytest.fixture
def scim(idp_client) -> Scim:
    return Scim(idp_client.token)


def user_body(user_name: str = "ada@northwind.example", **extra: Any) -> dict[str, Any]:
    return {
        "schemas": [USER, ENTERPRISE],
        "userName": user_name,
        "externalId": f"ext-{user_name}",
        "name": {"givenName": "Ada", "familyName": "Lovelace"},
        "emails": [{"value": user_name, "primary": True, "type": "work"}],
        "title": "Engineer",
        "active": True,
        ENTERPRISE: {"department": "Engines"},
        **extra,
    }

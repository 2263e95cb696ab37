"""scim2-server's service, described for Ithaca, and served from a Django view."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from scim2_models import (
    AuthenticationScheme,
    ScimProvider,
    ServiceProviderConfig,
    UnauthorizedException,
)
from scim2_server.applications.base import BaseApplication
from scim2_server.handler import ScimHandler
from scim2_server.requests import ScimRequest
from scim2_server.responses import ScimResponse
from scim2_server.service import ScimService
from scim2_server.utils import load_default_resource_types, load_default_schemas

from ithaca.scim.models import ScimClient
from ithaca.scim.storage import DjangoStorage
from ithaca.scim.tokens import digest

MAX_RESULTS = 200
MAX_BODY_BYTES = 1024 * 1024


def service_provider_config() -> ServiceProviderConfig:
    """What Ithaca announces: PATCH, filters, ETags; no bulk, sort or password change."""
    return ServiceProviderConfig.model_validate(
        {
            "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
            "patch": {"supported": True},
            "bulk": {"supported": False, "maxOperations": 0, "maxPayloadSize": 0},
            "filter": {"supported": True, "maxResults": MAX_RESULTS},
            "changePassword": {"supported": False},
            "sort": {"supported": False},
            "etag": {"supported": True},
            "authenticationSchemes": [
                AuthenticationScheme(
                    type=AuthenticationScheme.Type.oauthbearertoken,
                    name="Bearer token",
                    description="The token shown once when its SCIM client was made in the admin.",
                    primary=True,
                ).model_dump()
            ],
        }
    )


@cache
def application() -> IthacaScimApplication:
    provider = ScimProvider.from_discovery(
        load_default_schemas().values(),
        load_default_resource_types().values(),
        config=service_provider_config(),
    )
    return IthacaScimApplication(provider, ScimService(provider))


class IthacaScimApplication(BaseApplication):
    """Bearer tokens of `ScimClient`s; one storage (bound to the client) per request."""

    def models(self) -> dict[str, Any]:
        return {str(rt.name): self.provider.model_for(rt) for rt in self.provider.resource_types}

    def check_auth(self, request: ScimRequest) -> None:
        request.subject = client_of(request)
        if request.subject is None:
            raise UnauthorizedException(detail="Send a valid bearer token.")

    def serve(self, request: ScimRequest) -> ScimResponse:
        try:
            if self.needs_auth(request):
                self.check_auth(request)
            storage = DjangoStorage(client=request.subject, models=self.models())
            # One transaction per request: a refused write leaves nothing behind.
            with transaction.atomic():
                response = ScimHandler(self.service, storage).handle(request)
        except Exception as exception:
            response = self.handle_exception(request, exception)
        return self.finalize_response(request, response)


def client_of(request: ScimRequest) -> ScimClient | None:
    scheme, _, token = (request.header("Authorization") or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    client = ScimClient.objects.filter(
        token_digest=digest(token.strip()), revoked_at__isnull=True
    ).first()
    if client is not None:
        ScimClient.objects.filter(pk=client.pk).update(last_used_at=timezone.now())
    return client


def scim_request(request: HttpRequest, path: str) -> ScimRequest:
    base_url = request.build_absolute_uri("/scim/v2").rstrip("/")
    headers = dict(request.headers)
    return ScimRequest(
        method=request.method or "GET",
        base_url=base_url,
        path=BaseApplication.split_path("/" + path.lstrip("/")) if path else "",
        query={key: request.GET[key] for key in request.GET},
        headers=headers,
        body=request.body[: MAX_BODY_BYTES + 1],
    )


def django_response(response: ScimResponse) -> HttpResponse:
    body = b"" if response.body is None else json.dumps(response.body).encode()
    reply = HttpResponse(body, status=int(response.status))
    for name, value in response.headers.items():
        reply[name] = value
    return reply

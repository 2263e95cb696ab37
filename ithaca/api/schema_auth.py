"""How the OpenAPI schema describes Ithaca's token authentication.

drf-spectacular knows DRF's own TokenAuthentication; Ithaca's hashed, expiring
tokens use the same header, so the schema names them the same way. The
extension registers itself when this module is imported, and DRF imports it
through `DEFAULT_SCHEMA_CLASS` (the `AutoSchema` below) the first time any
schema is generated: the page, `manage.py spectacular` and the checks alike.
Processes that never describe the API (workers, `manage.py triage`) never
import drf-spectacular.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema


class AutoSchema(SpectacularAutoSchema):
    """drf-spectacular's schema, reached through this module so the scheme below is known."""


class HashedTokenScheme(OpenApiAuthenticationExtension):
    target_class = "ithaca.api.auth.HashedTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": 'An API token with the prefix "Token", e.g. "Token 1a2b…"',
        }

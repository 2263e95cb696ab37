"""How the OpenAPI schema describes Ithaca's token authentication.

drf-spectacular knows DRF's own TokenAuthentication; Ithaca's hashed, expiring
tokens use the same header, so the schema names them the same way. Imported by
the app's `ready()`, so schema generation (the page and the system check alike)
finds it.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension


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

"""Request throttling for every API endpoint, counted in the shared cache.

DRF's own client identification trusts X-Forwarded-For unless NUM_PROXIES is
set; these classes identify the client by `core.http.client_ip` instead, which
follows TRUSTED_PROXY_COUNT exactly as the sign-in lockout does. The rates are
settings (API_THROTTLE_USER, API_THROTTLE_ANON, API_THROTTLE_TOKEN).

They count in the cache alias "throttle": the shared cache every worker uses,
written with one statement per request when it is the database
(`ithaca.core.cache.ThrottleCache`).
"""

from __future__ import annotations

from typing import cast

from django.core.cache import BaseCache, caches
from django.utils.connection import ConnectionProxy
from rest_framework.request import Request
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from ithaca.core.http import client_ip


class _ClientAddress:
    # A proxy, as DRF's default: each thread gets its own connection to the cache.
    cache = cast(BaseCache, ConnectionProxy(caches, "throttle"))

    def get_ident(self, request: Request) -> str:
        return client_ip(request._request)


class UserThrottle(_ClientAddress, UserRateThrottle):
    """Per signed-in person (per address for anonymous requests)."""

    scope = "user"


class AnonThrottle(_ClientAddress, AnonRateThrottle):
    """Per client address, for requests without credentials."""

    scope = "anon"


class TokenThrottle(_ClientAddress, AnonRateThrottle):
    """Per client address, on the password-for-token exchange (beside the lockout)."""

    scope = "token"

"""Request throttling for every API endpoint, counted in the shared cache.

Each client gets at most N requests per period (the rates are settings:
API_THROTTLE_USER, API_THROTTLE_ANON, API_THROTTLE_TOKEN, such as "600/minute"),
counted in fixed windows: periods aligned on the clock (each minute, each hour),
one counter per client and window, added to by every request. A request over the
count is answered 429 with Retry-After: the seconds until the window ends. A
client can pass up to twice the rate across the boundary of two windows (N at
the end of one, N at the start of the next), never more.

This is DRF's throttle API (`allow_request`, `wait`, `get_cache_key`, the
scopes and `THROTTLE_RATES`) with one atomic addition per request in place of
DRF's sliding window, which reads, unpickles and writes back the times of every
request of the last period in one cache entry (its cost grows with the calls).

The counters live in the cache alias "throttle": the shared cache every worker
uses (a per-process cache would let each worker grant the full rate), where the
database counts with one statement (`ithaca.core.cache.ThrottleCache.count`)
and Redis with `add` and `incr`.

DRF's own client identification trusts X-Forwarded-For unless NUM_PROXIES is
set; these classes identify the client by `core.http.client_ip` instead, which
follows TRUSTED_PROXY_COUNT exactly as the sign-in lockout does.
"""

from __future__ import annotations

from typing import Any

from django.core.cache import caches
from rest_framework.request import Request
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from ithaca.core.cache import window_count
from ithaca.core.http import client_ip

CACHE_ALIAS = "throttle"


class _FixedWindow:
    """A fixed-window counter for DRF's rate throttles (the mixin goes first)."""

    num_requests: int | None
    duration: int | None
    timer: Any

    def get_ident(self, request: Request) -> str:
        return client_ip(request._request)

    def allow_request(self, request: Request, view: Any) -> bool:
        if self.num_requests is None or not self.duration:
            return True
        key = self.get_cache_key(request, view)  # type: ignore[attr-defined]
        if key is None:
            return True
        now = self.timer()
        window = int(now // self.duration)
        self.window_ends = (window + 1) * self.duration
        self.now = now
        # The counter outlives its window by a second, so a late request never restarts it.
        count = window_count(caches[CACHE_ALIAS], f"{key}:{window}", self.duration + 1)
        return count <= self.num_requests

    def wait(self) -> float | None:
        """Seconds until the window ends and the count starts again."""
        return max(self.window_ends - self.now, 0.0)


class UserThrottle(_FixedWindow, UserRateThrottle):
    """Per signed-in person (per address for anonymous requests)."""

    scope = "user"


class AnonThrottle(_FixedWindow, AnonRateThrottle):
    """Per client address, for requests without credentials."""

    scope = "anon"


class TokenThrottle(_FixedWindow, AnonRateThrottle):
    """Per client address, on the password-for-token exchange (beside the lockout)."""

    scope = "token"

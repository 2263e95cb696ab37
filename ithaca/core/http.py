"""The client's address, as the configured proxies in front of Ithaca report it."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The address a request comes from, never one the client can choose.

    With TRUSTED_PROXY_COUNT=0 (the default) that is REMOTE_ADDR and any
    X-Forwarded-For is ignored: the client writes that header. Behind N proxies
    that each append the address they saw, the client's is the N-th from the
    right; whatever stands left of it was written by the client. A request with
    fewer entries than proxies did not pass through them all: REMOTE_ADDR counts.
    """
    remote = request.META.get("REMOTE_ADDR", "") or ""
    count = int(getattr(settings, "ITHACA_TRUSTED_PROXY_COUNT", 0))
    if count > 0:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if len(hops) >= count and _is_ip(hops[-count]):
            return hops[-count]
    return remote


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True

"""Outbound webhooks: each notification event is also offered to the endpoints that
asked for its kind. A delivery carries ids and kinds only, never text, and is
signed: `X-Ithaca-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">` with
the endpoint's secret, `X-Ithaca-Timestamp: <unix seconds>`. Failures are retried
with a growing pause, every attempt's status is kept, and after MAX_ATTEMPTS the
delivery is marked failed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import ipaddress
import json
import secrets
import socket
import time
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlsplit

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ithaca.core.errors import DomainError
from ithaca.core.tasks import enqueue_on_commit
from ithaca.notifications.kinds import KINDS
from ithaca.notifications.models import WebhookDelivery, WebhookEndpoint

MAX_ATTEMPTS = 8
TIMEOUT_SECONDS = 10


def check_url(url: str) -> str:
    """An https address on the public internet; anything else is refused."""
    parts = urlsplit(url.strip())
    if parts.scheme != "https" or not parts.hostname:
        raise DomainError(_("Give an https:// address."), field="url")
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or 443)}
    except (socket.gaierror, UnicodeError):
        raise DomainError(_("That address does not resolve."), field="url") from None
    for address in addresses:
        ip = ipaddress.ip_address(str(address).split("%")[0])
        if not ip.is_global:
            raise DomainError(
                _("That address points at a private or local network; give a public one."),
                field="url",
            )
    return url.strip()


def check_kinds(kinds: list[str]) -> list[str]:
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        raise DomainError(
            _("Unknown event kinds: %(kinds)s.") % {"kinds": ", ".join(unknown)}, field="kinds"
        )
    if not kinds:
        raise DomainError(_("Choose at least one event kind."), field="kinds")
    return sorted(set(kinds))


@transaction.atomic
def endpoint_register(*, name: str, url: str, kinds: list[str]) -> WebhookEndpoint:
    return WebhookEndpoint.objects.create(
        name=name.strip()[:120] or "Integration",
        url=check_url(url),
        kinds=check_kinds(kinds),
        secret=secrets.token_hex(32),
    )


def sign(secret: str, timestamp: int, body: bytes) -> str:
    message = f"{timestamp}.".encode() + body
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def emit(*, kind: str, key: str, subject_type: str, subject_id: int | None) -> int:
    """Offer one event to every active endpoint that wants its kind (once per event)."""
    endpoints = [e for e in WebhookEndpoint.objects.filter(active=True) if kind in e.kinds]
    if not endpoints:
        return 0
    payload = {
        "event": kind,
        "category": str(KINDS[kind].category),
        "subject": {"type": subject_type, "id": subject_id},
        "key": key,
        "occurred_at": timezone.now().isoformat(),
    }
    rows = WebhookDelivery.objects.bulk_create(
        [WebhookDelivery(endpoint=e, event_key=key, payload=payload) for e in endpoints],
        ignore_conflicts=True,
    )
    from ithaca.notifications.tasks import deliver_webhook

    for pk in WebhookDelivery.objects.filter(event_key=key, delivered_at__isnull=True).values_list(
        "pk", flat=True
    ):
        enqueue_on_commit(deliver_webhook, pk)
    return len(rows)


def _post(url: str, body: bytes, headers: dict[str, str]) -> int:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def deliver(delivery_id: int, *, post: Any = None) -> bool:
    """Send one delivery; True once the endpoint answered 2xx."""
    post = post or _post
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update(of=("self",))
            .select_related("endpoint")
            .filter(pk=delivery_id, delivered_at__isnull=True, failed=False)
            .first()
        )
        if delivery is None:
            return False
        now = timezone.now()
        if delivery.next_attempt_at and delivery.next_attempt_at > now:
            return False
        body = json.dumps(delivery.payload, sort_keys=True).encode()
        stamp = int(time.time())
        headers = {
            "Content-Type": "application/json",
            "User-Agent": "Ithaca-Webhooks/1",
            "X-Ithaca-Event": str(delivery.payload["event"]),
            "X-Ithaca-Delivery": str(delivery.pk),
            "X-Ithaca-Timestamp": str(stamp),
            "X-Ithaca-Signature": sign(delivery.endpoint.secret, stamp, body),
        }
        delivery.attempts += 1
        try:
            status = post(delivery.endpoint.url, body, headers)
            error = "" if 200 <= status < 300 else f"HTTP {status}"
        except OSError as exc:
            status, error = None, str(exc)[:300]
        delivery.last_status, delivery.last_error = status, error
        if not error:
            delivery.delivered_at = now
        elif delivery.attempts >= MAX_ATTEMPTS:
            delivery.failed = True
        else:
            delivery.next_attempt_at = now + dt.timedelta(minutes=2**delivery.attempts)
        delivery.save()
    return not error


def retry_due(*, now: dt.datetime) -> list[int]:
    return list(
        WebhookDelivery.objects.filter(
            delivered_at__isnull=True, failed=False, next_attempt_at__lte=now
        ).values_list("pk", flat=True)[:500]
    )

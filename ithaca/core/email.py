"""Sending notices: plain-text e-mails rendered from templates, optionally with an invite."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.module_loading import import_string


def send_notice(
    *,
    to: Sequence[str],
    subject: str,
    template: str,
    context: Mapping[str, Any],
    ics: bytes | None = None,
    immediate: bool = False,
) -> int:
    """Render `template` (a .txt template) and send it; attach `ics` as invite.ics.

    Each recipient reads times in their own time zone: one copy is rendered per
    zone (ITHACA_RECIPIENT_ZONES says whose is which), with that zone active,
    so `{{ when|date:"H:i T" }}` prints their local time and its abbreviation.
    Recipients who chose a weekly digest get the notice in it instead (see
    ITHACA_NOTICE_ROUTER), except for calendar invites and `immediate` notices.
    Returns 1 when the notice was sent or held for every recipient's digest.
    """
    subject = subject.replace("\n", " ")[:200]
    sent = 1
    for zone, group in _by_zone(to).items():
        with timezone.override(_zone(zone)):
            body = render_to_string(template, dict(context))
        recipients = (
            list(group) if ics is not None or immediate else _not_deferred(group, subject, body)
        )
        if not recipients:
            continue
        message = EmailMessage(subject=subject, body=body, to=recipients)
        if ics is not None:
            message.attach("invite.ics", ics, "text/calendar; method=REQUEST; charset=utf-8")
        sent = min(sent, message.send())
    return sent


def _zone(name: str) -> dt.tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def _by_zone(to: Sequence[str]) -> dict[str, list[str]]:
    """Recipients grouped by time zone, in the order given (core cannot import the app
    that knows people's zones, hence a setting)."""
    path = getattr(settings, "ITHACA_RECIPIENT_ZONES", "")
    zones: Mapping[str, str] = import_string(path)(list(to)) if path else {}
    groups: dict[str, list[str]] = {}
    for address in to:
        groups.setdefault(zones.get(address, "UTC"), []).append(address)
    return groups


def _not_deferred(to: Sequence[str], subject: str, body: str) -> list[str]:
    """The recipients to e-mail now; the router (core cannot import the app that owns
    the preference, hence a setting) keeps the others' copies for their digest."""
    path = getattr(settings, "ITHACA_NOTICE_ROUTER", "")
    if not path:
        return list(to)
    held = import_string(path)(addresses=list(to), subject=subject, body=body)
    return [address for address in to if address not in held]

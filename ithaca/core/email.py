"""Sending notices: plain-text e-mails rendered from templates, optionally with an invite."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
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

    Recipients who chose a weekly digest get the notice in it instead (see
    ITHACA_NOTICE_ROUTER), except for calendar invites and `immediate` notices.
    Returns 1 when the notice was sent or held for every recipient's digest.
    """
    subject = subject.replace("\n", " ")[:200]
    body = render_to_string(template, dict(context))
    recipients = list(to) if ics is not None or immediate else _not_deferred(to, subject, body)
    if not recipients:
        return 1
    message = EmailMessage(subject=subject, body=body, to=recipients)
    if ics is not None:
        message.attach("invite.ics", ics, "text/calendar; method=REQUEST; charset=utf-8")
    return message.send()


def _not_deferred(to: Sequence[str], subject: str, body: str) -> list[str]:
    """The recipients to e-mail now; the router (core cannot import the app that owns
    the preference, hence a setting) keeps the others' copies for their digest."""
    path = getattr(settings, "ITHACA_NOTICE_ROUTER", "")
    if not path:
        return list(to)
    held = import_string(path)(addresses=list(to), subject=subject, body=body)
    return [address for address in to if address not in held]

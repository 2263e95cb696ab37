"""Sending notices: plain-text e-mails rendered from templates, optionally with an invite."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.core.mail import EmailMessage
from django.template.loader import render_to_string


def send_notice(
    *,
    to: Sequence[str],
    subject: str,
    template: str,
    context: Mapping[str, Any],
    ics: bytes | None = None,
) -> int:
    """Render `template` (a .txt template) and send it; attach `ics` as invite.ics."""
    message = EmailMessage(
        subject=subject.replace("\n", " ")[:200],
        body=render_to_string(template, dict(context)),
        to=list(to),
    )
    if ics is not None:
        message.attach("invite.ics", ics, "text/calendar; method=REQUEST; charset=utf-8")
    return message.send()

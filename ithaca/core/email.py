"""Plain-text e-mail: templates rendered without HTML escaping, and the one sender.

Only `ithaca.notifications` sends through `send_email`; every app tells people
things with `ithaca.notifications.services.notify`, which decides whether and
when to e-mail. Plain text is rendered by a template engine with autoescaping
off, so a name such as O'Connor reaches the reader as written.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.template import Template
from django.template.backends.django import DjangoTemplates


@cache
def text_engine() -> DjangoTemplates:
    """The project's template setup, without autoescaping: for e-mails and sentences."""
    base: dict[str, Any] = settings.TEMPLATES[0]
    options = {k: v for k, v in base.get("OPTIONS", {}).items() if k != "context_processors"}
    return DjangoTemplates(
        {
            "NAME": "plain_text",
            "DIRS": base.get("DIRS", []),
            "APP_DIRS": base.get("APP_DIRS", True),
            "OPTIONS": {**options, "autoescape": False},
        }
    )


def render_text(template: str, context: Mapping[str, Any]) -> str:
    """Render a .txt template as plain text (no HTML escaping)."""
    return text_engine().get_template(template).render(dict(context))


@cache
def _compiled(source: str) -> Template:
    return text_engine().engine.from_string(source)


def render_sentence(source: str, context: Mapping[str, Any]) -> str:
    """Render a one-line template string as plain text, whitespace collapsed."""
    from django.template import Context

    # str(): a lazily translated source is compiled in the language active now.
    compiled = _compiled(str(source))
    return " ".join(compiled.render(Context(dict(context), autoescape=False)).split())


def send_email(
    *,
    to: Sequence[str],
    subject: str,
    body: str,
    ics: bytes | None = None,
    ics_method: str = "REQUEST",
    connection: BaseEmailBackend | None = None,
) -> int:
    """Send one plain-text e-mail; attach `ics` as a calendar part whose MIME method
    (REQUEST or CANCEL) matches the METHOD inside it. A batch passes one open
    `connection` for all its e-mails (one SMTP session instead of one each)."""
    subject = " ".join(subject.split())[:200]
    message = EmailMessage(subject=subject, body=body, to=list(to), connection=connection)
    if ics is not None:
        method = "CANCEL" if ics_method.upper() == "CANCEL" else "REQUEST"
        message.attach("invite.ics", ics, f"text/calendar; method={method}; charset=utf-8")
    return message.send()

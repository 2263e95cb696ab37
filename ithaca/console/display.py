"""Per-row values of the console's long lists, worked out in Python once per request.

A list of 50 rows rendered each date, "time since" and link through template
filters and `{% url %}`: 30 to 70 µs apiece, mostly gettext looking the same
unit words up again and the URL resolver walking its patterns. Here a page's
dates are formatted once per day shown, the units of "time since" translated
once per number, and each kind of link reversed once, with the row's key put
into it. The text is the same as the filters' (same functions, same formats).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.timesince import TIME_STRINGS, timesince
from django.utils.translation import gettext_lazy as _

from ithaca.console.templatetags.console_tags import role_label
from ithaca.core.nouns import in_sentence

# The rows' sentences and words: the templates' own messages (same msgids), each
# translated once per request rather than once per row.
AGO = _("%(since)s ago")
APPROVE = _("Approve")
DECLINE = _("Decline")
DECLINE_CONFIRM = _("Decline %(name)s's application? They will be told by e-mail.")
STUCK_APPLICATION = _("%(name)s (%(role)s), applied %(since)s ago: approve or decline above.")
WAITING = _("%(name)s, waiting since %(since)s")
EMAIL_THEM = _("e-mail them")
SINCE = _("since %(since)s")
USED_OF = _("%(used)s of %(capacity)s")

# A primary key no row has: reversed once, then replaced by each row's.
_MARK = 987654321


class _Unit:
    """One unit of "time since" ("%(num)d days"), translated once per number."""

    def __init__(self, lazy: Any) -> None:
        self.lazy = lazy
        self.done: dict[Any, str] = {}

    def __mod__(self, params: dict[str, int]) -> str:
        num = params["num"]
        if num not in self.done:
            self.done[num] = self.lazy % params
        return self.done[num]


class Phrases:
    """Dates, "time since" and links for one request, in its language and time zone."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now
        self._units = {name: _Unit(lazy) for name, lazy in TIME_STRINGS.items()}
        self._dates: dict[dt.date, str] = {}
        self._links: dict[tuple[str, tuple[Any, ...]], tuple[str, str]] = {}
        self._said: dict[int, str] = {}

    def word(self, message: Any) -> str:
        """A lazy message in the request's language, translated once."""
        key = id(message)
        if key not in self._said:
            self._said[key] = str(message)
        return self._said[key]

    def say(self, message: Any, **params: Any) -> SafeString:
        """What `{% blocktranslate trimmed with ... %}` renders: the translated
        message, not escaped, with each value localized and escaped."""
        values = {k: conditional_escape(localize(v)) for k, v in params.items()}
        return mark_safe(self.word(message) % values)  # the values are escaped

    def date(self, value: dt.datetime | None) -> str:
        """What `{{ value|date:"DATE_FORMAT" }}` shows."""
        if value is None:
            return ""
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        day = local.date()
        if day not in self._dates:
            self._dates[day] = date_format(local, "DATE_FORMAT")
        return self._dates[day]

    def since(self, value: dt.datetime | None) -> str:
        """What `{{ value|timesince }}` shows (measured from the request's `now`)."""
        if not value:
            return ""
        return timesince(value, self.now, time_strings=self._units)  # type: ignore[arg-type]

    def link(self, name: str, *args: Any, pk: int) -> str:
        """`reverse(name, args=(*args_before_pk, pk, *args_after_pk))`, reversed once.

        `args` holds the arguments in order with None where the row's key goes.
        """
        key = (name, args)
        if key not in self._links:
            url = reverse(name, args=[_MARK if a is None else a for a in args])
            head, _, tail = url.partition(str(_MARK))
            self._links[key] = (head, tail)
        head, tail = self._links[key]
        return f"{head}{pk}{tail}"


def prepare_applications(rows: Any, program: Any, phrases: Phrases) -> list[Any]:
    """Applications with what their row shows: role, dates and the decision links."""
    out = []
    for application in rows:
        application.role_text = role_label(application.role)
        application.applied_on = phrases.date(application.created_at)
        application.applied_ago = phrases.say(AGO, since=phrases.since(application.created_at))
        name = application.user.display_name
        application.decline_confirm = phrases.say(DECLINE_CONFIRM, name=name)
        application.approve_text = phrases.word(APPROVE)
        application.decline_text = phrases.word(DECLINE)
        pk = application.pk
        application.approve_url = phrases.link(
            "console:decide", program.slug, None, "approve", pk=pk
        )
        application.decline_url = phrases.link(
            "console:decide", program.slug, None, "decline", pk=pk
        )
        out.append(application)
    return out


def prepare_stuck_applications(rows: Any, phrases: Phrases) -> list[Any]:
    out = []
    for p in rows:
        p.stuck_text = phrases.say(
            STUCK_APPLICATION,
            name=p.user.display_name,
            role=in_sentence(role_label(p.role)),
            since=phrases.since(p.created_at),
        )
        out.append(p)
    return out


def prepare_waiting(rows: Any, phrases: Phrases) -> list[Any]:
    out = []
    for p in rows:
        p.waiting_text = phrases.say(
            WAITING, name=p.user.display_name, since=phrases.date(p.waiting_since)
        )
        p.email_them = phrases.word(EMAIL_THEM)
        out.append(p)
    return out


def prepare_proposals(rows: Any, program: Any, phrases: Phrases) -> list[Any]:
    out = []
    for r in rows:
        r.proposed_ago = phrases.say(AGO, since=phrases.since(r.created_at))
        r.nudge_url = phrases.link("console:proposal", program.slug, None, "nudge", pk=r.pk)
        r.withdraw_url = phrases.link("console:proposal", program.slug, None, "withdraw", pk=r.pk)
        out.append(r)
    return out


HELPER_ROLES = ("mentor", "coach")


def prepare_participants(rows: Any, phrases: Phrases) -> list[Any]:
    out = []
    for p, stage in rows:
        p.role_text = role_label(p.role)
        p.joined_on = phrases.date(p.created_at)
        p.waiting_on = phrases.say(SINCE, since=phrases.date(p.waiting_since))
        p.used_text = ""
        if p.role in HELPER_ROLES:
            p.used_text = phrases.say(USED_OF, used=p.n_active + p.n_proposed, capacity=p.capacity)
        out.append((p, stage))
    return out

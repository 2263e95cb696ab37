"""Template helpers shared across apps."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.template.base import FilterExpression, render_value_in_context
from django.template.context import Context
from django.template.defaulttags import CsrfTokenNode
from django.urls import NoReverseMatch, reverse
from django.utils.formats import date_format, number_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]  # missing from django-stubs
from django.utils.translation import gettext, pgettext, pgettext_lazy

from ithaca.core.nouns import in_sentence
from ithaca.core.templatetags.once import _current_app, reversed_once

register = template.Library()
# A save within this long of the first one is part of writing, not an edit.
EDIT_GRACE = dt.timedelta(seconds=2)

LABELS = {
    "accept": pgettext_lazy("button", "Accept"),
    "decline": pgettext_lazy("button", "Decline"),
    "withdraw": pgettext_lazy("button", "Withdraw"),
    "pause": pgettext_lazy("button", "Pause"),
    "resume": pgettext_lazy("button", "Resume"),
    "conclude": pgettext_lazy("button", "Conclude"),
}


@register.filter
def percent(value: float | None) -> str:
    """0.734 -> '73%' (in French and German '73 %': each language writes its own)."""
    if value is None:
        return ""
    # Translators: a percentage; French and German put a no-break space before %.
    return gettext("%(number)s%%") % {"number": number_format(round(float(value) * 100))}


@register.filter
def actions_for(item: Any, user: Any) -> list[tuple[str, str]]:
    """The lifecycle buttons this person may press on this relationship."""
    is_helper = user.pk == item.helper_id_value
    is_party = is_helper or user.pk == item.seeker_id_value
    if not is_party:
        return []
    names: list[str] = []
    if item.status == "proposed":
        mine = item.helper_accepted_at if is_helper else item.seeker_accepted_at
        names = ["withdraw"] if mine else ["accept", "decline"]
    elif item.status == "active":
        names = ["pause", "conclude"]
    elif item.status == "paused":
        names = ["resume", "conclude"]
    return [(name, str(LABELS[name])) for name in names]


# One lifecycle button's form on a relationship's card, as the template of the same
# markup wrote it (whitespace included): a card's forms were most of the home page's
# template time, about 75 µs each through the template engine.
_ACTION_FORM = (
    '\n    <form method="post" action="{target}"\n'
    '          hx-post="{target}"\n'
    '          hx-target="#{base}-{pk}" hx-swap="outerHTML" class="inline"\n'
    "          {confirm}>\n"
    '      {csrf}<input type="hidden" name="next" value="{next}">\n'
    '      <button type="submit" class="{style}">{label}</button>\n'
    "    </form>\n  "
)
_CONFIRMED = ("conclude", "decline", "withdraw")
_NEXT = FilterExpression("request.get_full_path", None)  # type: ignore[arg-type]  # no filter
_CSRF = CsrfTokenNode()


def _action_target(context: Context, base: str, pk: Any, action: str) -> str:
    """`{% url 'mentoring:action' pk action as target %}` (coaching's for any other base)."""
    name = "mentoring:action" if base == "mentoring" else "coaching:action"
    url = reversed_once(context, name, [pk, action])
    if url is None:
        try:
            url = reverse(name, args=[pk, action], current_app=_current_app(context))
        except NoReverseMatch:
            url = ""  # as {% url ... as var %} answers
    return url


@register.simple_tag(takes_context=True)
def action_forms(context: Context, item: Any, base: str) -> SafeString:
    """The lifecycle buttons this person may press on this card (`actions_for`), each a
    form posting to the relationship's action, with the CSRF field and where to come
    back to; a confirmation for what cannot be undone. Ends with a newline, as the
    included template it replaces did."""
    actions = actions_for(item, context.get("user"))
    if not actions:
        return mark_safe("\n")

    def text(value: Any) -> str:
        return render_value_in_context(value, context)

    pk, csrf, back = text(item.pk), _CSRF.render(context), text(_NEXT.resolve(context))
    forms = []
    for action, label in actions:
        target = text(_action_target(context, base, item.pk, action))
        confirm = ""
        if action in _CONFIRMED:
            question = gettext("%(label)s: are you sure? This cannot be undone.")
            confirm = f'hx-confirm="{question % {"label": text(label)}}"'
        forms.append(
            _ACTION_FORM.format(
                target=target,
                base=text(base),
                pk=pk,
                confirm=confirm,
                csrf=csrf,
                next=back,
                style="" if action == "accept" else "outline",
                label=text(label),
            )
        )
    return mark_safe('\n<div class="actions">\n  ' + "".join(forms) + "\n</div>\n\n")


@register.simple_tag(takes_context=True)
def current(context: Any, url: str, exact: bool = False) -> SafeString:
    """`aria-current="page"` when this page is `url` (or lies below it)."""
    request = context.get("request")
    path = getattr(request, "path", "")
    hit = path == url if exact or url == "/" else path.startswith(url)
    return mark_safe('aria-current="page"' if hit else "")


def _weekday(value: dt.date, text: str) -> str:
    # Each language orders and punctuates a weekday before a date its own way
    # ("Monday 7 Dec 2026", "Montag, 7. Dezember 2026").
    return pgettext("weekday before a date", "%(weekday)s %(date)s") % {
        "weekday": date_format(value, "l"),
        "date": text,
    }


@register.filter
def moment(value: dt.datetime | None) -> str:
    """A date and time with its zone, in the reader's language's own format
    (7 Dec 2026, 14:00 GMT; 7. Dezember 2026 14:00 GMT)."""
    if not value:
        return ""
    value = template_localtime(value)
    return f"{date_format(value, 'DATETIME_FORMAT')} {date_format(value, 'T')}"


@register.filter
def day_moment(value: dt.datetime | None) -> str:
    """`moment` after the weekday (Monday 7 Dec 2026, 14:00 GMT)."""
    if not value:
        return ""
    return _weekday(template_localtime(value), moment(value))


@register.filter
def weekday_date(value: dt.date | dt.datetime | None) -> str:
    """The weekday and the date (Monday 7 Dec 2026; Montag, 7. Dezember 2026)."""
    if not value:
        return ""
    if isinstance(value, dt.datetime):
        value = template_localtime(value)
    return _weekday(value, date_format(value, "DATE_FORMAT"))


@register.filter
def noun(label: object) -> str:
    """A role or a kind inside a sentence: lower case, except in German (a noun keeps
    its capital there); see `ithaca.core.nouns`."""
    return in_sentence(label)


@register.filter
def edited_at(record: Any) -> dt.datetime | None:
    """When its author last changed this record after writing it, or None."""
    if hasattr(record, "edited_at"):  # records that say when they were edited
        explicit: dt.datetime | None = record.edited_at
        return explicit
    updated = getattr(record, "updated_at", None)
    created = getattr(record, "created_at", None)
    if updated is not None and created is not None and (updated - created) > EDIT_GRACE:
        return updated
    return None

# ruff: noqa: E501  (the table holds whole sentences, one per line, as translators read them)
"""The matching engine's sentences, in the reader's language.

The engine (`engine/`, no Django) explains each pair in English sentences
built from templates with named placeholders (`engine/phrase.py`), and the
stored breakdown keeps each template with its values. This module marks every
one of those templates for translation and renders a stored sentence again,
at display time, in the active language. `tests/test_phrases.py` holds the
table to the engine, so a new sentence cannot go untranslated.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.utils.translation import (
    get_language,
    get_language_info,
    gettext,
    gettext_noop,
    ngettext_lazy,
)
from django.utils.translation import gettext_lazy as _

from ithaca.accounts.languages import shown_name
from ithaca.programs.modes import MODE_LABELS

SENTENCES = (
    # Written by programs.relationships when a proposal's person left the program.
    gettext_noop("%(helper)s is no longer an active mentor in %(program)s"),
    gettext_noop("%(helper)s is no longer an active coach in %(program)s"),
    gettext_noop("%(seeker)s is no longer active in %(program)s"),
    gettext_noop("%(helper)s is not %(seeker)s's line manager"),
    gettext_noop("%(helper)s is not above %(seeker)s in their management chain"),
    gettext_noop("%(helper)s does not assess %(seeker)s's work"),
    gettext_noop("No conflict of interest is declared between %(helper)s and %(seeker)s"),
    gettext_noop("Neither %(helper)s nor %(seeker)s has opted out"),
    gettext_noop("%(helper)s and %(seeker)s have not declined each other in this program"),
    gettext_noop("This program does not require mentor training"),
    gettext_noop("%(helper)s has completed mentor training"),
    gettext_noop("%(helper)s has not completed mentor training, which this program requires"),
    gettext_noop("This program does not require coach accreditation"),
    gettext_noop("%(helper)s has completed coach accreditation"),
    gettext_noop("%(helper)s has not completed coach accreditation, which this program requires"),
    gettext_noop("%(helper)s and %(seeker)s share no language"),
    gettext_noop("%(helper)s does not coach in the %(mode)s mode"),
    gettext_noop("%(helper)s has no free places"),
    gettext_noop("%(helper)s and %(seeker)s are different people"),
    gettext_noop("%(helper)s cannot be matched with themselves"),
    gettext_noop("%(seeker)s is not eligible for this program"),
    gettext_noop("%(helper)s is eligible as a mentor here"),
    gettext_noop("%(helper)s is not eligible as a mentor here"),
    gettext_noop("%(helper)s is eligible as a coach here"),
    gettext_noop("%(helper)s is not eligible as a coach here"),
    gettext_noop("%(helper)s is %(seeker)s's line manager"),
    gettext_noop("%(helper)s is %(levels)s levels above %(seeker)s in their management chain"),
    gettext_noop("%(helper)s assesses %(seeker)s's work"),
    gettext_noop("A conflict of interest is declared between %(helper)s and %(seeker)s"),
    gettext_noop("%(seeker)s has opted out of being matched with %(helper)s"),
    gettext_noop("%(helper)s has opted out of being matched with %(seeker)s"),
    gettext_noop("%(helper)s and %(seeker)s were proposed before in this program and declined"),
    gettext_noop("%(helper)s speaks %(language)s with %(seeker)s"),
    gettext_noop("%(helper)s coaches in the %(mode)s mode"),
    gettext_noop("%(helper)s has room for another coachee"),
    gettext_noop("%(seeker)s is eligible for this program"),
    gettext_noop("%(helper)s offers general coaching"),
    gettext_noop("%(helper)s has room for another mentee"),
    gettext_noop("%(helper)s has made the move %(entry)s, the move %(seeker)s wants to make"),
    gettext_noop(
        "%(helper)s has made the move %(entry)s, close to %(target)s, the move %(seeker)s wants to make"
    ),
    gettext_noop("%(helper)s's expertise closely matches what %(seeker)s asked for"),
    gettext_noop(
        "%(helper)s's expertise closely matches what %(seeker)s asked for (both mention %(words)s)"
    ),
    gettext_noop("%(helper)s's expertise partly matches what %(seeker)s asked for"),
    gettext_noop(
        "%(helper)s's expertise partly matches what %(seeker)s asked for (both mention %(words)s)"
    ),
    gettext_noop("%(helper)s's expertise slightly matches what %(seeker)s asked for"),
    gettext_noop(
        "%(helper)s's expertise slightly matches what %(seeker)s asked for (both mention %(words)s)"
    ),
    gettext_noop("matches an identity %(seeker)s asked for"),
    gettext_noop("works outside %(seeker)s's department"),
    gettext_noop("shares an identity %(seeker)s chose to disclose"),
    gettext_noop("%(seeker)s has not named a role or move to aim for"),
    gettext_noop("%(helper)s has not held a role like %(target)s"),
    gettext_noop("%(helper)s has been an %(entry)s, the role %(seeker)s is aiming for"),
    gettext_noop("%(helper)s has been a %(entry)s, the role %(seeker)s is aiming for"),
    gettext_noop(
        "%(helper)s has been an %(entry)s, close to %(target)s, the role %(seeker)s is aiming for"
    ),
    gettext_noop(
        "%(helper)s has been a %(entry)s, close to %(target)s, the role %(seeker)s is aiming for"
    ),
    gettext_noop("%(seeker)s's experience is not recorded"),
    gettext_noop("%(helper)s's experience is not recorded"),
    gettext_noop("%(helper)s is not further along than %(seeker)s"),
    gettext_noop("%(seeker)s has not described what they want"),
    gettext_noop("%(helper)s's expertise does not match what %(seeker)s asked for"),
    gettext_noop("%(seeker)s has not listed interests"),
    gettext_noop("%(helper)s and %(seeker)s share no listed interests"),
    gettext_noop("%(seeker)s's time zone is not recorded"),
    gettext_noop("%(helper)s's time zone is not recorded"),
    gettext_noop("%(seeker)s stated no preferences"),
    gettext_noop("%(reason)s (a must-have in this program, so this pairing is not proposed)"),
    gettext_noop("%(helper)s is not earlier in their career than %(seeker)s"),
)

COUNTED = {
    "%(helper)s and %(seeker)s are at a similar stage (%(n)s grade apart)": ngettext_lazy(
        "%(helper)s and %(seeker)s are at a similar stage (%(n)s grade apart)",
        "%(helper)s and %(seeker)s are at a similar stage (%(n)s grades apart)",
        "count",
    ),
    "%(helper)s and %(seeker)s are at a similar stage (%(n)s year apart)": ngettext_lazy(
        "%(helper)s and %(seeker)s are at a similar stage (%(n)s year apart)",
        "%(helper)s and %(seeker)s are at a similar stage (%(n)s years apart)",
        "count",
    ),
    "%(helper)s and %(seeker)s are at a different stage (%(n)s grade apart)": ngettext_lazy(
        "%(helper)s and %(seeker)s are at a different stage (%(n)s grade apart)",
        "%(helper)s and %(seeker)s are at a different stage (%(n)s grades apart)",
        "count",
    ),
    "%(helper)s and %(seeker)s are at a different stage (%(n)s year apart)": ngettext_lazy(
        "%(helper)s and %(seeker)s are at a different stage (%(n)s year apart)",
        "%(helper)s and %(seeker)s are at a different stage (%(n)s years apart)",
        "count",
    ),
    "%(helper)s is %(n)s grade earlier in their career than %(seeker)s, as reverse mentoring intends": ngettext_lazy(
        "%(helper)s is %(n)s grade earlier in their career than %(seeker)s, as reverse mentoring intends",
        "%(helper)s is %(n)s grades earlier in their career than %(seeker)s, as reverse mentoring intends",
        "count",
    ),
    "%(helper)s is %(n)s year earlier in their career than %(seeker)s, as reverse mentoring intends": ngettext_lazy(
        "%(helper)s is %(n)s year earlier in their career than %(seeker)s, as reverse mentoring intends",
        "%(helper)s is %(n)s years earlier in their career than %(seeker)s, as reverse mentoring intends",
        "count",
    ),
    "%(helper)s has %(n)s year more experience than %(seeker)s": ngettext_lazy(
        "%(helper)s has %(n)s year more experience than %(seeker)s",
        "%(helper)s has %(n)s years more experience than %(seeker)s",
        "count",
    ),
    "%(helper)s is %(n)s grade above %(seeker)s": ngettext_lazy(
        "%(helper)s is %(n)s grade above %(seeker)s",
        "%(helper)s is %(n)s grades above %(seeker)s",
        "count",
    ),
    "%(helper)s and %(seeker)s share %(count)s interest: %(listed)s": ngettext_lazy(
        "%(helper)s and %(seeker)s share %(count)s interest: %(listed)s",
        "%(helper)s and %(seeker)s share %(count)s interests: %(listed)s",
        "count",
    ),
    "Working hours do not overlap (%(hours)s hours apart)": ngettext_lazy(
        "Working hours do not overlap (%(hours)s hours apart)",
        "Working hours do not overlap (%(hours)s hours apart)",
        "count",
    ),
    "Working hours overlap by %(hours)s hours": ngettext_lazy(
        "Working hours overlap by %(hours)s hours",
        "Working hours overlap by %(hours)s hours",
        "count",
    ),
    "%(helper)s meets none of %(seeker)s's %(count)s stated preferences": ngettext_lazy(
        "%(helper)s meets none of %(seeker)s's %(count)s stated preferences",
        "%(helper)s meets none of %(seeker)s's %(count)s stated preferences",
        "count",
    ),
    "%(helper)s meets %(met)s of %(count)s preferences: %(said)s": ngettext_lazy(
        "%(helper)s meets %(met)s of %(count)s preferences: %(said)s",
        "%(helper)s meets %(met)s of %(count)s preferences: %(said)s",
        "count",
    ),
}

# Why a seeker was left out of a round, by the slug the engine gives.
UNMATCHED_EXPLANATIONS: Mapping[str, Any] = {
    "seeker_not_eligible": _("Not eligible for this program."),
    "no_helper_after_rules": _("No eligible helper after hard rules."),
    "no_helper_meets_musts": _("No helper meets the program's must-have factors."),
    "helpers_at_capacity": _("Every suitable helper is at capacity."),
    "not_chosen": _("A suitable helper had room, but the objective left this seeker out."),
}


def in_english() -> bool:
    return (get_language() or "en").split("-")[0] == "en"


def _language(code: str) -> str:
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return shown_name(code)


def _value(key: str, value: Any, params: Mapping[str, Any]) -> Any:
    if isinstance(value, dict):
        return render(value)
    if isinstance(value, list):
        return "; ".join(str(_value(key, v, params)) for v in value)
    if key == "language" and isinstance(value, str):
        return _language(value)
    if key == "mode" and params.get("mode_slug") in MODE_LABELS:
        return gettext(MODE_LABELS[params["mode_slug"]])
    return value


def render(data: Mapping[str, Any]) -> str:
    """A stored phrase (`Phrase.as_data()`) as a sentence in the active language."""
    template, params = str(data.get("template", "")), dict(data.get("params") or {})
    values = {key: _value(key, value, params) for key, value in params.items()}
    values.setdefault("count", data.get("count"))
    counted = COUNTED.get(template)
    try:
        if data.get("plural") and counted is not None:
            return str(counted % values)
        return gettext(template) % values
    except (KeyError, TypeError, ValueError):
        return template % values


def localized(explanation: str, phrase: Mapping[str, Any] | None) -> str:
    """The English explanation as stored, or the same sentence in the reader's language."""
    if not phrase or in_english():
        return explanation
    return render(phrase)


# A pair a program manager took out of a draft round (services.drafts): stored in
# English with the two names, recognized and worded again when read.
REMOVED_BY_MANAGER = "removed_by_manager"
REMOVED_PAIRING = gettext_noop("%(manager)s removed the pairing with %(helper)s.")
_REMOVED = re.compile(r"^(?P<manager>.+?) removed the pairing with (?P<helper>.+)\.$", re.S)


def unmatched_explanation(reason: str, explanation: str) -> str:
    """Why a seeker was left out, in the reader's language when the reason is a fixed one."""
    if in_english():
        return explanation
    if reason == REMOVED_BY_MANAGER:
        found = _REMOVED.match(explanation)
        return gettext(REMOVED_PAIRING) % found.groupdict() if found else explanation
    if reason not in UNMATCHED_EXPLANATIONS:
        return explanation
    return str(UNMATCHED_EXPLANATIONS[reason])


def for_reader(text: str, reader: Any) -> str:
    """An explanation written about a pair, addressed to the reader when it names them:
    "the role Maya Okafor is aiming for" reads "the role you are aiming for" to Maya."""
    name = getattr(reader, "display_name", "") or ""
    # The rewording below knows English grammar only; other languages keep the name.
    if not name or name not in text or not in_english():
        return text
    for before, after in ((" is", " are"), (" has", " have"), (" was", " were"), ("'s", "r")):
        text = text.replace(f"{name}{before}", f"you{after}")
    text = text.replace(name, "you")
    return text[:1].upper() + text[1:] if text.startswith("you") else text

"""Template helpers for the matching pages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django import template
from django.utils.translation import gettext_lazy as _

from ithaca.matching import display
from ithaca.matching.phrases import for_reader, localized, unmatched_explanation
from ithaca.matching.words import LEVEL_WORDS

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

register = template.Library()


@register.filter
def get_item(mapping: Mapping[str, Any] | None, key: str) -> Any:
    """{{ words|get_item:key }}: a label looked up by its key, or None."""
    return (mapping or {}).get(key)


# Score bands, in words a person reads before any number.
FIT_LEVELS: tuple[tuple[int, StrPromise, str], ...] = (
    (70, _("Strong fit"), "success"),
    (50, _("Good fit"), "info"),
    (0, _("Possible fit"), ""),
)


@register.filter
def fit_level(score: float | None) -> dict[str, str]:
    """{{ item.score|fit_level }}: the fit as a level ("strong fit") and its badge."""
    value = float(score or 0)
    for floor, label, badge in FIT_LEVELS:
        if value >= floor:
            return {"label": str(label), "badge": badge}
    return {"label": str(FIT_LEVELS[-1][1]), "badge": ""}


@register.filter
def top_reasons(breakdown: Mapping[str, Any] | None, count: int = 3) -> list[str]:
    """The `count` factors that add most to a pair's score, as their plain-words explanation."""
    factors = [
        f
        for f in (breakdown or {}).get("factors", [])
        if f.get("applicable", True) and f.get("level") != "off" and (f.get("points") or 0) > 0
    ]
    factors.sort(key=lambda f: f.get("points") or 0, reverse=True)
    return [
        localized(str(f.get("explanation") or f.get("label")), f.get("phrase"))
        for f in factors[:count]
    ]


@register.filter
def level_word(level: str) -> str:
    """{{ f.level|level_word }}: "must", "high"… in the reader's language."""
    return str(LEVEL_WORDS.get(level, level))


@register.filter
def left_out_because(unmatched: Any) -> str:
    """{{ u|left_out_because }}: why a seeker was left out of a round, in the reader's language."""
    return unmatched_explanation(unmatched.reason, unmatched.explanation)


@register.filter(name="for_reader")
def for_reader_filter(text: str, reader: Any) -> str:
    """{{ text|for_reader:user }}: the explanation addressed to the reader (phrases.for_reader)."""
    return for_reader(text, reader)


@register.filter
def shown_breakdown(breakdown: dict[str, Any] | None, reader: Any) -> dict[str, Any]:
    """{% with b=b|shown_breakdown:user %}: a breakdown's rows in the reader's language, with
    their words and numbers ready (display.shown_breakdown)."""
    return display.shown_breakdown(breakdown, reader)

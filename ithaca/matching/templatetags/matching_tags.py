"""Template helpers for the matching pages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: Mapping[str, Any] | None, key: str) -> Any:
    """{{ words|get_item:key }}: a label looked up by its key, or None."""
    return (mapping or {}).get(key)


# Score bands, in words a person reads before any number.
FIT_LEVELS = ((70, "Strong fit", "success"), (50, "Good fit", "info"), (0, "Possible fit", ""))


@register.filter
def fit_level(score: float | None) -> dict[str, str]:
    """{{ item.score|fit_level }}: the fit as a level ("strong fit") and its badge."""
    value = float(score or 0)
    for floor, label, badge in FIT_LEVELS:
        if value >= floor:
            return {"label": label, "badge": badge}
    return {"label": FIT_LEVELS[-1][1], "badge": ""}


@register.filter
def top_reasons(breakdown: Mapping[str, Any] | None, count: int = 3) -> list[str]:
    """The `count` factors that add most to a pair's score, as their plain-words explanation."""
    factors = [
        f
        for f in (breakdown or {}).get("factors", [])
        if f.get("applicable", True) and f.get("level") != "off" and (f.get("points") or 0) > 0
    ]
    factors.sort(key=lambda f: f.get("points") or 0, reverse=True)
    return [str(f.get("explanation") or f.get("label")) for f in factors[:count]]


@register.filter
def for_reader(text: str, reader: Any) -> str:
    """An explanation written about a pair, addressed to the reader when it names them:
    "the role Maya Okafor is aiming for" reads "the role you are aiming for" to Maya."""
    name = getattr(reader, "display_name", "") or ""
    if not name or name not in text:
        return text
    for before, after in ((" is", " are"), (" has", " have"), (" was", " were"), ("'s", "r")):
        text = text.replace(f"{name}{before}", f"you{after}")
    text = text.replace(name, "you")
    return text[:1].upper() + text[1:] if text.startswith("you") else text

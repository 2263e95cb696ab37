"""A pair's breakdown and a ranked person's card as pages show them, worked out once.

A candidate page shows ten cards, each with a breakdown of six factors and about
ten rules. In the templates every row went through filters (the level's word,
two numbers formatted, a sentence localized and addressed to the reader, a
translated "holds"), 20 to 60 µs apiece. Here the words are translated once per
language and each number formatted once per value, by the same functions the
filters call, so the page reads the same.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.template.defaultfilters import floatformat
from django.utils.formats import localize
from django.utils.translation import get_language

from ithaca.matching.explain import localized_breakdown
from ithaca.matching.phrases import for_reader, in_english
from ithaca.matching.words import LEVEL_WORDS

# Level words per language, as text: a lazy word looks the catalogue up on each use.
_LEVELS: dict[str | None, dict[str, str]] = {}


def _levels() -> dict[str, str]:
    language = get_language()
    found = _LEVELS.get(language)
    if found is None:
        found = _LEVELS[language] = {key: str(word) for key, word in LEVEL_WORDS.items()}
    return found


@lru_cache(maxsize=4096)
def _number(language: str | None, value: float, places: int | None) -> str:
    """`{{ value }}` (places None) or `{{ value|floatformat:places }}` in this language."""
    return str(localize(value) if places is None else floatformat(value, places))


def shown_breakdown(breakdown: dict[str, Any] | None, reader: Any) -> dict[str, Any]:
    """A stored breakdown in the reader's language, each row's words and numbers ready:
    `level_word`, `metered` (a meter is drawn), `value_shown` and `value_fixed` (the
    meter's value and its two-decimal text), `points_fixed`, and `said` (the sentence
    addressed to the reader) for factors; `said` for rules."""
    shown = localized_breakdown(breakdown)
    if not shown:
        return shown
    language, levels = get_language(), _levels()
    # Only English sentences are reworded for the reader (phrases.for_reader).
    reader = reader if in_english() else None
    factors = []
    for f in shown.get("factors", []):
        level, value, points = f.get("level", ""), f.get("value", 0.0), f.get("points", 0.0)
        factors.append(
            {
                **f,
                "level_word": levels.get(level, level),
                "metered": level != "off" and bool(f.get("applicable")),
                "value_shown": _number(language, value, None),
                "value_fixed": _number(language, value, 2),
                "points_fixed": _number(language, points, 1),
                "said": for_reader(f.get("explanation", ""), reader),
            }
        )
    rules = [{**r, "said": for_reader(r.get("explanation", ""), reader)} for r in shown["rules"]]
    return {**shown, "factors": factors, "rules": rules}

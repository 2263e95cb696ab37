"""A sentence the engine says about a pair, kept translatable.

The engine writes its explanations in English, but people read them in their
own language. A `Phrase` is the English sentence (it is a `str`, so every
caller that reads an explanation as text keeps working) that also remembers
the English template it came from, with named placeholders, and the values
put into it. The Django side (`ithaca/matching/phrases.py`) marks every
template for translation and renders a stored phrase again in the reader's
language (`as_data()` is what it stores). This module imports no Django.
"""

from __future__ import annotations

from typing import Any


def _english(value: Any) -> str:
    if isinstance(value, tuple):
        return "; ".join(str(v) for v in value)
    return str(value)


def _data(value: Any) -> Any:
    if isinstance(value, Phrase):
        return value.as_data()
    if isinstance(value, tuple):
        return [_data(v) for v in value]
    return value


class Phrase(str):
    """An English sentence plus its template and values.

    `template % params` is the sentence; with `plural`, the sentence counts
    something: `template` is used when `count` is 1 and `plural` otherwise
    (the translator's catalogue then decides for each language).
    """

    template: str
    plural: str
    number: int | None  # the count that chose the plural (`count` is str's own method)
    params: dict[str, Any]
    plain: bool  # every value of `params` is already text

    def __new__(
        cls, template: str, /, *, plural: str = "", count: int | None = None, **params: Any
    ) -> Phrase:
        chosen = plural if plural and count != 1 else template
        # Most values are plain text already (names): only the rest need converting,
        # and a phrase of plain text alone (most of them) is filled from `params` as is.
        plain = all(type(value) is str for value in params.values())
        values = (
            params
            if plain
            else {k: v if type(v) is str else _english(v) for k, v in params.items()}
        )
        if "count" not in values and "(count)s" in chosen:
            values = {**values, "count": str(count)}
        self = super().__new__(cls, chosen % values)
        self.template, self.plural, self.number, self.params = template, plural, count, params
        self.plain = plain
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild, (self.template, self.plural, self.number, self.params)

    def as_data(self) -> dict[str, Any]:
        """What is stored beside the sentence so it can be rendered in another language."""
        params = self.params
        data: dict[str, Any] = {
            "template": self.template,
            "params": dict(params)
            if self.plain
            else {k: v if type(v) is str else _data(v) for k, v in params.items()},
        }
        if self.plural:
            data["plural"], data["count"] = self.plural, self.number
        return data


def _rebuild(template: str, plural: str, count: int | None, params: dict[str, Any]) -> Phrase:
    return Phrase(template, plural=plural, count=count, **params)


def plural_count(n: float) -> int:
    """The whole number that picks a plural form: 1 only for exactly one, else 2 or more."""
    return int(n) if float(n).is_integer() and n >= 0 else 2

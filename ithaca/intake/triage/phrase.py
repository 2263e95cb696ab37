"""A sentence the triage says to a person, kept translatable.

The triage writes its reasons, parts and questions in English, but people read
them in their own language. A `Phrase` is the English sentence (a `str`, so
everything that reads a reason as text keeps working) that also remembers the
English template it came from, with named placeholders, and the values put
into it: the person's own words stay as they wrote them, while our own words
put into a sentence (a question, an answer's label) are Phrases too. The
Django side (`ithaca/intake/phrases.py`) marks every template for translation
and renders a stored phrase (`as_data()`) in the reader's language. No Django
here.
"""

from __future__ import annotations

from typing import Any


def _english(value: Any) -> str:
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def _data(value: Any) -> Any:
    if isinstance(value, Phrase):
        return value.as_data()
    if isinstance(value, tuple):
        return [_data(v) for v in value]
    return value


class Phrase(str):
    """An English sentence plus its template and values (`template % params`)."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, /, **params: Any) -> Phrase:
        text = template % {key: _english(value) for key, value in params.items()}
        self = super().__new__(cls, text)
        self.template, self.params = template, params
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return _rebuild, (self.template, self.params)

    def as_data(self) -> dict[str, Any]:
        """What is stored beside the sentence so it can be rendered in another language."""
        return {"template": self.template, "params": {k: _data(v) for k, v in self.params.items()}}


def _rebuild(template: str, params: dict[str, Any]) -> Phrase:
    return Phrase(template, **params)


def as_data(text: str | None) -> dict[str, Any] | None:
    """A sentence's translatable form, or None for text that is not a Phrase."""
    return text.as_data() if isinstance(text, Phrase) else None

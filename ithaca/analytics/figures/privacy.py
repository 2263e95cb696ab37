"""k-anonymity, applied in one place: nothing built from fewer than K people is shown.

Every number on a dashboard, in a report or in the API passes through
`suppress` (counts and averages) or `rate` (shares). A count of people is
built from those people; an average from the people who answered; a count of
meetings from the seekers who met. A share is hidden when its numerator, its
denominator or their difference is hidden, so a hidden count can never be
worked out from a visible share. A figure derived from several cells (a total
shown beside its parts, a rate over a sum of them) goes through `derived`: it is
hidden as soon as one of those cells is, because the hidden cell would be the
total minus the visible ones. Zero counts too are "fewer than K": showing
"0 of a department of 3 left" would describe those three people.

No database: plain values in, plain values out. Words and numbers come out in the
active language (Django's translation and number formatting).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import overload

from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext

K = 5


def hidden_text() -> str:
    """What a hidden cell says, in the active language."""
    return gettext("fewer than %(k)s people — hidden") % {"k": K}


# Read at the moment it is shown, so each person reads it in their own language.
HIDDEN_TEXT = lazy(hidden_text, str)()


@dataclass(frozen=True)
class Measure:
    """A number and how many distinct people it is built from."""

    value: float | int | None
    people: int


@dataclass(frozen=True)
class Cell:
    """One number as shown: `value` is None when hidden (then `hidden` says why)."""

    value: float | int | None
    people: int
    hidden: bool

    @property
    def text(self) -> str:
        return hidden_text() if self.hidden else format_value(self.value)

    def as_dict(self) -> dict[str, object]:
        return {"value": self.value, "hidden": self.hidden, "text": self.text}


def format_value(value: float | int | None) -> str:
    """A number as the active locale writes it: "1,234" and "12.5" in English,
    "1.234" and "12,5" in German. Counts are grouped by thousands; measures have at
    most one decimal place."""
    if value is None:
        return "—"
    if isinstance(value, float):
        places = 0 if value.is_integer() else 1
        return number_format(round(value, places), places, use_l10n=True)
    return number_format(value, use_l10n=True, force_grouping=True)


def _one(measure: Measure, k: int) -> Cell:
    if measure.people < k:
        return Cell(value=None, people=measure.people, hidden=True)
    return Cell(value=measure.value, people=measure.people, hidden=False)


@overload
def suppress(count_or_rows: int | Measure, k: int = K) -> Cell: ...
@overload
def suppress(count_or_rows: Sequence[Measure], k: int = K) -> list[Cell]: ...
def suppress(count_or_rows: int | Measure | Sequence[Measure], k: int = K) -> Cell | list[Cell]:
    """Hide anything built from fewer than `k` people.

    An int is a count of people (built from itself); a Measure carries its own
    people count; a sequence of Measures is handled one by one.
    """
    if isinstance(count_or_rows, int):
        return _one(Measure(count_or_rows, count_or_rows), k)
    if isinstance(count_or_rows, Measure):
        return _one(count_or_rows, k)
    return [_one(measure, k) for measure in count_or_rows]


def rate(part: int, whole: int, k: int = K) -> Cell:
    """`part / whole` as a percentage, hidden unless the part, the whole and the rest
    each hold at least `k` people (else the share would reveal a hidden count)."""
    if min(part, whole, whole - part) < k:
        return Cell(value=None, people=min(part, whole), hidden=True)
    return Cell(value=round(100.0 * part / whole, 1), people=whole, hidden=False)


def derived(cell: Cell, parts: Sequence[Cell]) -> Cell:
    """`cell`, computed from `parts` that are shown beside it, or hidden if any part is.

    A total of visible parts and one hidden part gives the hidden part away by
    subtraction; so does a rate whose denominator sums them (the visible
    numerator divided by the rate is the sum). Hiding the derived figure closes
    both ways in.
    """
    if cell.hidden or not any(part.hidden for part in parts):
        return cell
    return Cell(value=None, people=cell.people, hidden=True)

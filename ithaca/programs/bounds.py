"""The range every integer setting may take, in one table. Pure apart from translation:

The model fields take their validators from here (so the API's serializers
and the admin refuse a value out of range), the forms their min and max, the
services their checks and the database its check constraints: one number
cannot be out of range on one path and in range on another.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from django.utils.translation import gettext, pgettext_lazy

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class Bounds(NamedTuple):
    low: int
    high: int
    unit: StrOrPromise  # what the number counts, in words after it

    def message(self) -> str:
        return gettext("Between %(low)d and %(high)d %(unit)s.") % {
            "low": self.low,
            "high": self.high,
            "unit": self.unit,
        }

    def holds(self, value: int | None) -> bool:
        return value is None or self.low <= value <= self.high


# Programs: the rules a program manager sets.
PROGRAM: dict[str, Bounds] = {
    "review_period_days": Bounds(7, 730, pgettext_lazy("bounds unit", "days before a review")),
    "session_count": Bounds(1, 100, pgettext_lazy("bounds unit", "sessions")),
    "session_cadence_days": Bounds(1, 90, pgettext_lazy("bounds unit", "days between sessions")),
    "session_length_minutes": Bounds(15, 480, pgettext_lazy("bounds unit", "minutes a session")),
    "nudge_after_days": Bounds(1, 365, pgettext_lazy("bounds unit", "days without contact")),
    "request_expiry_days": Bounds(
        1, 365, pgettext_lazy("bounds unit", "days before a request expires")
    ),
    # The engine looks at most ten levels up a management chain.
    "independence_depth": Bounds(
        1, 10, pgettext_lazy("bounds unit", "levels of the management chain")
    ),
}
# How many people a mentor or coach takes on at once.
CAPACITY = Bounds(1, 50, pgettext_lazy("bounds unit", "people at once"))
# A coaching engagement's contract and each of its agreement versions.
ENGAGEMENT: dict[str, Bounds] = {
    "session_count": PROGRAM["session_count"],
    "session_cadence_days": PROGRAM["session_cadence_days"],
}
AGREEMENT: dict[str, Bounds] = {
    **ENGAGEMENT,
    "session_length_minutes": PROGRAM["session_length_minutes"],
    "cancellation_notice_hours": Bounds(0, 336, pgettext_lazy("bounds unit", "hours' notice")),
}

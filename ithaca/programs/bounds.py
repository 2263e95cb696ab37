"""The range every integer setting may take, in one table. Pure: no Django.

The model fields take their validators from here (so the API's serializers
and the admin refuse a value out of range), the forms their min and max, the
services their checks and the database its check constraints: one number
cannot be out of range on one path and in range on another.
"""

from __future__ import annotations

from typing import NamedTuple


class Bounds(NamedTuple):
    low: int
    high: int
    unit: str  # what the number counts, in words after it

    def message(self) -> str:
        return f"Between {self.low} and {self.high} {self.unit}."

    def holds(self, value: int | None) -> bool:
        return value is None or self.low <= value <= self.high


# Programs: the rules a program manager sets.
PROGRAM: dict[str, Bounds] = {
    "review_period_days": Bounds(7, 730, "days before a review"),
    "session_count": Bounds(1, 100, "sessions"),
    "session_cadence_days": Bounds(1, 90, "days between sessions"),
    "session_length_minutes": Bounds(15, 480, "minutes a session"),
    "nudge_after_days": Bounds(1, 365, "days without contact"),
    "request_expiry_days": Bounds(1, 365, "days before a request expires"),
    # The engine looks at most ten levels up a management chain.
    "independence_depth": Bounds(1, 10, "levels of the management chain"),
}
# How many people a mentor or coach takes on at once.
CAPACITY = Bounds(1, 50, "people at once")
# A coaching engagement's contract and each of its agreement versions.
ENGAGEMENT: dict[str, Bounds] = {
    "session_count": PROGRAM["session_count"],
    "session_cadence_days": PROGRAM["session_cadence_days"],
}
AGREEMENT: dict[str, Bounds] = {
    **ENGAGEMENT,
    "session_length_minutes": PROGRAM["session_length_minutes"],
    "cancellation_notice_hours": Bounds(0, 336, "hours' notice"),
}

"""Arithmetic of an engagement: goal attainment, stalling, sessions and hours used.

Pure functions over plain values (no Django, no database) so each rule is
written down once and unit-tested alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

ZERO, ONE = Decimal(0), Decimal(1)
PLACES = Decimal("0.0001")


def attainment(*, baseline: Decimal, target: Decimal, latest: Decimal | None) -> Decimal | None:
    """How far the latest value has moved from baseline towards target, from 0 to 1.

        attainment = (latest - baseline) / (target - baseline), clipped to [0, 1]

    The same formula serves falling targets (fewer errors, shorter waits): both
    differences are negative, so the ratio is still positive when things improve.
    Moving the wrong way counts as 0; overshooting counts as 1. None means no
    check-in yet. A target equal to its baseline measures nothing and is refused.
    """
    if target == baseline:
        raise ValueError("A goal's target must differ from its baseline.")
    if latest is None:
        return None
    ratio = (latest - baseline) / (target - baseline)
    return min(max(ratio, ZERO), ONE).quantize(PLACES, rounding=ROUND_HALF_UP)


def mean_attainment(values: Iterable[Decimal | None]) -> Decimal | None:
    """The plain mean over goals that have a value; None when none has."""
    known = [value for value in values if value is not None]
    if not known:
        return None
    return (sum(known, ZERO) / len(known)).quantize(PLACES, rounding=ROUND_HALF_UP)


def is_stalled(
    *, last_held: dt.date | None, started: dt.date, cadence_days: int, today: dt.date
) -> bool:
    """Stalled when more than twice the agreed cadence has passed without a held session.

    The clock starts at the last held session, or at the start of the engagement
    when none has been held yet.
    """
    reference = last_held or started
    return (today - reference).days > 2 * cadence_days


def is_late_cancellation(
    *, starts_at: dt.datetime, cancelled_at: dt.datetime, notice_hours: int
) -> bool:
    """Cancelled with less notice than the terms ask for (a late cancellation counts as used)."""
    return starts_at - cancelled_at < dt.timedelta(hours=notice_hours)


def sessions_used(*, booked_or_held: int, late_cancelled: int) -> int:
    """Sessions drawn from the agreed number: booked, held, or cancelled late."""
    return booked_or_held + late_cancelled


def hours(minutes: int) -> Decimal:
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def hours_agreed(*, session_count: int, session_length_minutes: int) -> Decimal:
    return hours(session_count * session_length_minutes)

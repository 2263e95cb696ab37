"""When things happened in a relationship, given the status it ended up in.

Moments are counted in minutes before the anchor, so "later" means "fewer
minutes ago". Every story respects the lifecycle: a relationship starts when
the second person says yes, a paused one has been active for a while, and a
closed one ends after it began.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from ithaca.demo.builder.records import (
    ACTIVE,
    CONCLUDED,
    DECLINED,
    PAUSED,
    PROPOSED,
    WITHDRAWN,
)

DAY = 24 * 60
WINDOW_DAYS = 545  # about eighteen months of history
HELPER, SEEKER, THIRD = "helper", "seeker", "third"

# The oldest a relationship in this status may be: proposals expire after
# two weeks and open relationships get reviewed, so neither lingers for years.
OLDEST = {PROPOSED: 12, ACTIVE: 420, PAUSED: 450}
# Days a status needs between the proposal and the newest allowed moment.
LEAD = {PROPOSED: 0, DECLINED: 2, WITHDRAWN: 2, ACTIVE: 10, PAUSED: 40, CONCLUDED: 12}


@dataclass(slots=True)
class Moments:
    """The minutes-before-anchor at which each lifecycle event happened."""

    created: int
    updated: int
    helper_accepted: int | None = None
    seeker_accepted: int | None = None
    started: int | None = None
    ended: int | None = None


def moment(anchor: datetime, minutes: int) -> datetime:
    return anchor - timedelta(minutes=minutes)


def maybe_moment(anchor: datetime, minutes: int | None) -> datetime | None:
    return None if minutes is None else moment(anchor, minutes)


def plan(
    rng: random.Random, status: str, *, floor: int, ceiling: int, length: int, proposer: str
) -> Moments | None:
    """Moments for a relationship that lies between `floor` and `ceiling` days ago.

    `length` is how long a concluded relationship ran, in days. Returns None
    when the window is too short for the status (say, a mentor who joined
    last month cannot have concluded a six-month relationship).
    """
    newest = max(1, floor + LEAD[status] + (length if status == CONCLUDED else 0))
    oldest = min(ceiling, OLDEST.get(status, WINDOW_DAYS))
    if newest > oldest:
        return None
    created = rng.randint(newest * DAY, oldest * DAY)
    moments = Moments(created=created, updated=created)
    if proposer == HELPER:
        moments.helper_accepted = created
    elif proposer == SEEKER:
        moments.seeker_accepted = created
    if status in (DECLINED, WITHDRAWN):
        moments.ended = moments.updated = _after(rng, created, floor, days=10)
    elif status != PROPOSED:
        _start(rng, moments, floor)
        _finish(rng, moments, status, floor, length)
    return moments


def _after(rng: random.Random, moment: int, floor: int, days: int) -> int:
    """A moment up to `days` after `moment`, never newer than `floor` days ago."""
    room = moment - floor * DAY - 1
    return moment - rng.randint(min(30, room), max(min(30, room), min(days * DAY, room)))


def _start(rng: random.Random, moments: Moments, floor: int) -> None:
    # Whoever did not propose says yes a few days later; the relationship
    # starts with the second yes.
    created = moments.created
    if moments.helper_accepted is None:
        moments.helper_accepted = _after(rng, created, floor, days=6)
    if moments.seeker_accepted is None:
        moments.seeker_accepted = _after(rng, created, floor, days=8)
    moments.started = min(moments.helper_accepted, moments.seeker_accepted)
    moments.updated = moments.started


def _finish(rng: random.Random, moments: Moments, status: str, floor: int, length: int) -> None:
    started = moments.started or moments.created
    if status == ACTIVE:
        moments.updated = rng.randint(max(floor * DAY, 1), started)
    elif status == PAUSED:
        moments.updated = rng.randint(floor * DAY + DAY, started - 14 * DAY)
    elif status == CONCLUDED:
        moments.ended = started - length * DAY - rng.randint(0, 3 * DAY)
        moments.updated = moments.ended

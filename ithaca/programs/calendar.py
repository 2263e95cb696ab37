"""Is a person free? One question asked of every kind of meeting, mentoring and coaching.

Mentoring and coaching do not import each other, so each registers, when its app
is ready, a function that lists a person's own bookings in a time window; a
service that books or moves a meeting or a session asks `refuse_clash`, which
refuses a time at which one of its people is already booked elsewhere. The
message names the person and the time, never what the other booking is or with
whom (that may be confidential).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ithaca.core.errors import DomainError


@dataclass(frozen=True)
class Booking:
    """One of a person's meetings or sessions, as the clash check sees it."""

    kind: str  # "coaching-session", "mentoring-meeting"
    pk: int
    user_id: int
    starts_at: dt.datetime
    ends_at: dt.datetime


# (user ids, start, end) -> the bookings of those people that overlap [start, end)
Finder = Callable[[Collection[int], dt.datetime, dt.datetime], list[Booking]]
_FINDERS: dict[str, Finder] = {}


def register(kind: str, finder: Finder) -> None:
    """Called from an app's ready(); registering twice replaces (tests reload apps)."""
    _FINDERS[kind] = finder


def clashes(
    people: Collection[int],
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    *,
    ignore: tuple[str, int] | None = None,
) -> list[Booking]:
    """The bookings of `people` overlapping the window, except the one being moved."""
    found = [
        booking
        for finder in _FINDERS.values()
        for booking in finder(people, starts_at, ends_at)
        if (booking.kind, booking.pk) != ignore
    ]
    return sorted(found, key=lambda b: b.starts_at)


def refuse_clash(
    people: dict[int, str],
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    *,
    ignore: tuple[str, int] | None = None,
    you: int | None = None,
) -> None:
    """DomainError on `starts_at` when anyone in `people` ({id: name}) is booked then."""
    found = clashes(list(people), starts_at, ends_at, ignore=ignore)
    if not found:
        return
    first = found[0]
    start = timezone.localtime(first.starts_at)
    end = timezone.localtime(first.ends_at)
    values = {
        "name": people[first.user_id],
        "start": f"{start:%H:%M}",
        "end": f"{end:%H:%M}",
        "day": date_format(start, "DATE_FORMAT"),
    }
    if first.user_id == you:
        message = _(
            "You are already booked from %(start)s to %(end)s on %(day)s; choose another time."
        )
    else:
        message = _(
            "%(name)s is already booked from %(start)s to %(end)s on %(day)s; choose another time."
        )
    raise DomainError(message % values, field="starts_at")

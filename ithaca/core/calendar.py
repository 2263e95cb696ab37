"""Calendar invitations (RFC 5545) for meetings and sessions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Attendee:
    email: str
    name: str = ""


@dataclass(frozen=True)
class FeedEvent:
    """One entry of a personal calendar feed."""

    uid: str
    start: dt.datetime
    end: dt.datetime
    summary: str
    sequence: int = 0
    cancelled: bool = False
    location: str = ""
    url: str = ""


def build_feed(*, name: str, events: Sequence[FeedEvent]) -> bytes:
    """A subscribable calendar (METHOD:PUBLISH) of many events. The UIDs are those of
    the e-mailed invitations, so a calendar that has both keeps one copy."""
    from icalendar import Calendar, Event  # slow to import: only feeds and invitations pay

    calendar = Calendar()
    calendar.add("prodid", "-//Ithaca//Mentoring and coaching//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval;value=duration", "PT1H")
    stamp = dt.datetime.now(dt.UTC)
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.start.astimezone(dt.UTC))
        event.add("dtend", item.end.astimezone(dt.UTC))
        event.add("summary", item.summary)
        event.add("sequence", item.sequence)
        event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
        if item.location:
            event.add("location", item.location)
        if item.url:
            event.add("url", item.url)
        calendar.add_component(event)
    return calendar.to_ical()


def build_invite(
    *,
    uid: str,
    start: dt.datetime,
    end: dt.datetime,
    summary: str,
    attendees: Sequence[Attendee],
    description: str = "",
    location: str = "",
    sequence: int = 0,
    cancelled: bool = False,
) -> bytes:
    """One VEVENT as an ICS file. `uid` must stay the same across updates of one meeting;
    `sequence` goes up with each change so calendars replace the earlier copy."""
    if start.tzinfo is None or end.tzinfo is None:
        raise ValueError("Calendar times must be time-zone aware.")
    if end <= start:
        raise ValueError("A meeting must end after it starts.")
    # icalendar takes half a second to import: only the task that sends an invitation pays.
    from icalendar import Calendar, Event, vCalAddress, vText

    calendar = Calendar()
    calendar.add("prodid", "-//Ithaca//Mentoring and coaching//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "REQUEST")
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", dt.datetime.now(dt.UTC))
    event.add("dtstart", start.astimezone(dt.UTC))
    event.add("dtend", end.astimezone(dt.UTC))
    event.add("summary", summary)
    event.add("sequence", sequence)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if description:
        event.add("description", description)
    if location:
        event.add("location", location)
    organizer = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL.split('<')[-1].rstrip('>')}")
    organizer.params["cn"] = vText(settings.SITE_NAME)
    event["organizer"] = organizer
    for person in attendees:
        address = vCalAddress(f"mailto:{person.email}")
        if person.name:
            address.params["cn"] = vText(person.name)
        address.params["role"] = vText("REQ-PARTICIPANT")
        event.add("attendee", address, encode=False)
    calendar.add_component(event)
    return calendar.to_ical()

"""ICS invitations parse back with the right times and attendees."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from ithaca.core.calendar import Attendee, build_invite

PARIS = ZoneInfo("Europe/Paris")


def _invite(**overrides):
    fields = {
        "uid": "meeting-7@ithaca",
        "start": dt.datetime(2026, 12, 3, 14, 30, tzinfo=PARIS),
        "end": dt.datetime(2026, 12, 3, 15, 30, tzinfo=PARIS),
        "summary": "Mentoring: Ada and Grace",
        "attendees": [Attendee("ada@example.org", "Ada"), Attendee("grace@example.org")],
        "location": "Library, room 2",
    }
    fields.update(overrides)
    return build_invite(**fields)


def test_it_round_trips_times_in_utc_and_both_attendees() -> None:
    event = Calendar.from_ical(_invite()).walk("VEVENT")[0]
    assert event.decoded("dtstart") == dt.datetime(2026, 12, 3, 13, 30, tzinfo=dt.UTC)
    assert event.decoded("dtend") == dt.datetime(2026, 12, 3, 14, 30, tzinfo=dt.UTC)
    attendees = sorted(str(a) for a in event.get("attendee"))
    assert attendees == ["mailto:ada@example.org", "mailto:grace@example.org"]
    assert str(event.get("location")) == "Library, room 2"
    assert str(event.get("uid")) == "meeting-7@ithaca"


def test_a_cancellation_says_so() -> None:
    calendar = Calendar.from_ical(_invite(cancelled=True, sequence=2))
    assert str(calendar.get("method")) == "CANCEL"
    assert calendar.walk("VEVENT")[0].get("sequence") == 2


def test_it_refuses_naive_times_and_backwards_meetings() -> None:
    with pytest.raises(ValueError, match="aware"):
        _invite(start=dt.datetime(2026, 12, 3, 14, 30))
    with pytest.raises(ValueError, match="end after"):
        _invite(end=dt.datetime(2026, 12, 3, 14, 0, tzinfo=PARIS))

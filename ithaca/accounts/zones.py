"""IANA time zones: the list people choose from, and checking a name."""

from __future__ import annotations

import datetime as dt
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

# Aliases and legacy names (US/Eastern, Etc/GMT+5, posix/...) are valid but confusing
# in a list; people pick a city. Any valid zone is still accepted when typed or sent.
_AREAS = ("Africa/", "America/", "Antarctica/", "Asia/", "Atlantic/", "Australia/",
          "Europe/", "Indian/", "Pacific/")  # fmt: skip


@cache
def zone_choices() -> tuple[str, ...]:
    return ("UTC", *sorted(z for z in available_timezones() if z.startswith(_AREAS)))


def is_zone(name: str) -> bool:
    if not name or name != name.strip() or name.startswith(("/", ".")) or ".." in name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def zone_or_utc(name: str | None) -> dt.tzinfo:
    return ZoneInfo(name) if name and is_zone(name) else dt.UTC

"""IANA time zones: the list people choose from, and each person's zone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from ithaca.accounts.models import Profile

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


def zones_for_addresses(addresses: Iterable[str]) -> dict[str, str]:
    """Each address's time zone (UTC for addresses without an account); the e-mail
    sender renders one copy per zone (ITHACA_RECIPIENT_ZONES)."""
    found = dict(
        Profile.objects.filter(user__email__in=list(addresses)).values_list(
            "user__email", "time_zone"
        )
    )
    return {address: found.get(address) or "UTC" for address in addresses}

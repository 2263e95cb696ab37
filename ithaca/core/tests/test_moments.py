"""Dates with times, zones and weekdays in each language's own format, never an English pattern."""

from __future__ import annotations

import datetime as dt

from django.template import Context, Template
from django.utils import timezone, translation


def shown(text: str, when: dt.datetime) -> str:
    return Template("{% load ithaca %}" + text).render(Context({"when": when}))


WHEN = dt.datetime(2026, 12, 21, 13, 0, tzinfo=dt.UTC)


def test_a_moment_reads_in_each_languages_format() -> None:
    with timezone.override("Europe/London"):
        with translation.override("en"):
            assert shown("{{ when|moment }}", WHEN) == "21 Dec 2026, 13:00 GMT"
            assert shown("{{ when|day_moment }}", WHEN) == "Monday 21 Dec 2026, 13:00 GMT"
            assert shown("{{ when|weekday_date }}", WHEN) == "Monday 21 Dec 2026"
        with translation.override("de"):
            assert shown("{{ when|moment }}", WHEN) == "21. Dezember 2026 13:00 GMT"
            assert shown("{{ when|weekday_date }}", WHEN) == "Montag, 21. Dezember 2026"
        with translation.override("fr"):
            assert shown("{{ when|day_moment }}", WHEN) == "lundi 21 décembre 2026 13:00 GMT"
        with translation.override("es"):
            assert shown("{{ when|weekday_date }}", WHEN) == "lunes, 21 de diciembre de 2026"
        assert shown("{{ when|moment }}", None) == ""


def test_the_zone_is_the_readers() -> None:
    with timezone.override("Europe/Berlin"), translation.override("de"):
        assert shown("{{ when|moment }}", WHEN) == "21. Dezember 2026 14:00 CET"

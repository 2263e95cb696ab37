"""The console's prepared row values say what the template filters they replace said."""

from __future__ import annotations

import datetime as dt

from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import timesince_filter
from django.urls import reverse
from django.utils import timezone, translation

from ithaca.console.display import Phrases

NOW = dt.datetime(2026, 3, 31, 23, 30, tzinfo=dt.UTC)
AGES = [
    dt.timedelta(0),
    dt.timedelta(minutes=1),
    dt.timedelta(hours=5, minutes=3),
    dt.timedelta(days=1),
    dt.timedelta(days=2, hours=1),
    dt.timedelta(days=15),
    dt.timedelta(days=40),
    dt.timedelta(days=400),
    dt.timedelta(days=-3),
]


def test_dates_and_time_since_read_as_the_filters_in_each_language_and_zone() -> None:
    for language in ("en", "fr", "de"):
        for zone in ("UTC", "Pacific/Auckland", "America/Los_Angeles"):
            with translation.override(language), timezone.override(zone):
                phrases = Phrases(NOW)
                for age in AGES + AGES:  # twice: the second time from the memo
                    when = NOW - age
                    assert phrases.since(when) == timesince_filter(when, NOW)
                    assert phrases.date(when) == date_filter(
                        timezone.localtime(when), "DATE_FORMAT"
                    )
    assert Phrases(NOW).since(None) == "" and Phrases(NOW).date(None) == ""


def test_links_put_each_rows_key_into_the_reversed_address() -> None:
    phrases = Phrases(NOW)
    for pk in (1, 42, 987654321, 5):
        for action in ("approve", "decline"):
            expected = reverse("console:decide", args=["a-program", pk, action])
            assert phrases.link("console:decide", "a-program", None, action, pk=pk) == expected


def test_sentences_read_as_blocktranslate_with_names_escaped() -> None:
    from django.template import Context, Template

    from ithaca.console.display import DECLINE_CONFIRM, USED_OF

    template = Template(
        "{% load i18n %}{% blocktranslate trimmed with name=name %}"
        "Decline {{ name }}'s application? They will be told by e-mail.{% endblocktranslate %}"
        "|{% blocktranslate trimmed with used=used capacity=capacity %}"
        "{{ used }} of {{ capacity }}{% endblocktranslate %}"
    )
    name = "Zoë <b>O'Brien</b> & co"
    for language in ("en", "fr", "es", "de"):
        with translation.override(language):
            phrases = Phrases(NOW)
            said = phrases.say(DECLINE_CONFIRM, name=name) + "|"
            said += phrases.say(USED_OF, used=3, capacity=1200)
            expected = template.render(Context({"name": name, "used": 3, "capacity": 1200}))
            assert said == expected
            assert "<b>" not in said

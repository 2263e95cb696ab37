"""Dates and numbers are written the way each language writes them; English keeps
Ithaca's own style (7 Dec 2026, 14:00) whatever Django's American defaults are."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template import Context, Template
from django.utils import translation

from ithaca.core.templatetags.ithaca import percent

MOMENT = dt.datetime(2026, 12, 7, 14, 5)


def render(source: str, **context: object) -> str:
    return Template(source).render(Context(context))


@pytest.mark.parametrize(
    ("language", "date", "moment"),
    [
        ("en", "7 Dec 2026", "7 Dec 2026, 14:05"),
        ("fr", "7 décembre 2026", "7 décembre 2026 14:05"),
        ("es", "7 de diciembre de 2026", "7 de diciembre de 2026 a las 14:05"),
        ("de", "7. Dezember 2026", "7. Dezember 2026 14:05"),
    ],
)
def test_the_named_formats_follow_the_language(language: str, date: str, moment: str) -> None:
    with translation.override(language):
        assert render('{{ when|date:"DATE_FORMAT" }}', when=MOMENT) == date
        assert render('{{ when|date:"DATETIME_FORMAT" }}', when=MOMENT) == moment


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "73%"), ("fr", "73\u00a0%"), ("de", "73\u00a0%")]
)
def test_a_percentage_is_written_the_way_the_language_writes_it(
    language: str, expected: str
) -> None:
    with translation.override(language):
        assert percent(0.734) == expected
    assert percent(None) == ""


def test_large_numbers_are_grouped_by_the_language() -> None:
    with translation.override("de"):
        assert render("{% load humanize %}{{ n|intcomma }}", n=12345) == "12.345"

"""The compact candidate card's words: a level before a number, reasons to the reader."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.template.defaultfilters import floatformat
from django.utils import translation
from django.utils.formats import localize

from ithaca.matching.display import shown_breakdown
from ithaca.matching.explain import localized_breakdown
from ithaca.matching.templatetags.matching_tags import fit_level, for_reader, top_reasons
from ithaca.matching.words import FACTOR_LABELS, LEVEL_WORDS


def test_the_fit_is_a_level_in_words() -> None:
    assert fit_level(82)["label"] == "Strong fit"
    assert fit_level(55.3)["label"] == "Good fit"
    assert fit_level(12)["label"] == "Possible fit"
    assert fit_level(None)["label"] == "Possible fit"


def test_the_three_strongest_applicable_factors_are_the_reasons() -> None:
    breakdown = {
        "factors": [
            {"points": 5, "explanation": "five", "level": "low", "applicable": True},
            {"points": 30, "explanation": "thirty", "level": "high", "applicable": True},
            {"points": 40, "explanation": "not counted", "level": "off", "applicable": True},
            {"points": 20, "explanation": "twenty", "level": "medium", "applicable": True},
            {"points": 25, "explanation": "n/a", "level": "high", "applicable": False},
            {"points": 0, "explanation": "nothing", "level": "high", "applicable": True},
        ]
    }
    assert top_reasons(breakdown) == ["thirty", "twenty", "five"]
    assert top_reasons(None) == []


def test_a_reason_that_names_the_reader_speaks_to_them() -> None:
    maya = SimpleNamespace(display_name="Maya Okafor")
    text = "Joseph Ryan has been a Deputy Ward Manager, the role Maya Okafor is aiming for"
    assert for_reader(text, maya).endswith("the role you are aiming for")
    assert for_reader("Joseph Ryan is 2 grades above Maya Okafor", maya).endswith("above you")
    assert for_reader("Maya Okafor's department differs", maya) == "Your department differs"
    assert for_reader("Working hours overlap", maya) == "Working hours overlap"


@pytest.mark.parametrize("language", ["en", "fr", "es", "de"])
def test_a_breakdowns_rows_read_as_the_filters_wrote_them_in_each_language(language) -> None:
    maya = SimpleNamespace(display_name="Maya Okafor")
    breakdown = {
        "score": 61.25,
        "factors": [
            {
                "factor": "experience_gap",
                "label": "Experience",
                "level": "medium",
                "value": 0.8333,
                "points": 15.42,
                "applicable": True,
                "explanation": "Joseph Ryan is 2 grades above Maya Okafor",
                "phrase": None,
            },
            {
                "factor": "preferences",
                "label": "Stated preferences",
                "level": "off",
                "value": 0.0,
                "points": 0.0,
                "applicable": False,
                "explanation": "No preferences stated",
                "phrase": None,
            },
        ],
        "rules": [
            {
                "rule": "capacity",
                "label": "Room for another person",
                "passed": True,
                "explanation": "Maya Okafor's mentor has room",
                "phrase": None,
            }
        ],
        "excluded_by": [],
    }
    with translation.override(language):
        shown = shown_breakdown(breakdown, maya)
        localized = localized_breakdown(breakdown)
        for row, f in zip(shown["factors"], localized["factors"], strict=True):
            assert row["label"] == f["label"] == str(FACTOR_LABELS[f["factor"]])
            assert row["level_word"] == str(LEVEL_WORDS[f["level"]])
            assert row["value_shown"] == str(localize(f["value"]))
            assert row["value_fixed"] == floatformat(f["value"], 2)
            assert row["points_fixed"] == floatformat(f["points"], 1)
            assert row["metered"] is (f["level"] != "off" and f["applicable"])
            assert row["said"] == for_reader(f["explanation"], maya)
        assert shown["rules"][0]["said"] == for_reader(localized["rules"][0]["explanation"], maya)
    english = language == "en"
    assert shown["factors"][0]["said"].endswith("above you") is english
    assert (shown["factors"][0]["value_fixed"] == "0.83") is english

"""The compact candidate card's words: a level before a number, reasons to the reader."""

from __future__ import annotations

from types import SimpleNamespace

from ithaca.matching.templatetags.matching_tags import fit_level, for_reader, top_reasons


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

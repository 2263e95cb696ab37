"""Names the reader sees in their own language."""

from __future__ import annotations

from django.utils import translation


def test_languages_people_speak_are_named_in_the_readers_language() -> None:
    from django.template import Context, Template

    page = Template("{% load people %}{{ codes|languages }} / {{ code|language_name }}")
    with translation.override("de"):
        shown = page.render(Context({"codes": ["en", "ga"], "code": "fr"}))
    assert shown == "Englisch, Irisch / Französisch"

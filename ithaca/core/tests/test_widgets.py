"""LongSelect writes the same select as Django's, without a template per option."""

from __future__ import annotations

import re

from django import forms

from ithaca.core.widgets import LongSelect

CHOICES = [("UTC", "UTC"), ("Europe/Dublin", "Europe/Dublin"), ("A&B", "A<&>B")]


class ZoneForm(forms.Form):
    plain = forms.ChoiceField(choices=CHOICES, help_text="Where you are.")
    long = forms.ChoiceField(choices=CHOICES, widget=LongSelect, help_text="Where you are.")


def _options(html: str) -> list[str]:
    return re.findall(r"<option[^>]*>[^<]*</option>", html)


def _attrs(html: str) -> set[str]:
    opening = re.match(r"<select([^>]*)>", html)
    assert opening is not None
    return {a.replace("long", "plain") for a in opening.group(1).split()}


def test_it_writes_the_options_and_selection_like_django() -> None:
    form = ZoneForm(initial={"plain": "Europe/Dublin", "long": "Europe/Dublin"})
    plain, long = str(form["plain"]), str(form["long"])
    assert _options(long) == _options(plain)
    assert '<option value="Europe/Dublin" selected>' in long
    assert "A&lt;&amp;&gt;B" in long and 'value="A&amp;B"' in long


def test_it_keeps_the_attributes_of_a_field_with_an_error() -> None:
    form = ZoneForm(data={"plain": "Mars/Base", "long": "Mars/Base"})
    assert not form.is_valid()
    plain, long = str(form["plain"]), str(form["long"])
    assert _attrs(long) == _attrs(plain)
    assert 'aria-invalid="true"' in long
    assert " selected" not in long

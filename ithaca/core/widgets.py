"""Form widgets shared by the apps."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

SELECTED = mark_safe(" selected")


class LongSelect(forms.Select):
    """A select of hundreds of plain options (the time zones), written in one pass.

    Django renders each option through a template: for the 600 time zones that was
    40 ms of CPU, most of the profile page. Options are escaped the same way;
    option groups are not supported (a flat list of choices only).
    """

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        final = self.build_attrs(self.attrs, attrs)
        final["name"] = name
        chosen = {str(v) for v in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((v, SELECTED if str(v) in chosen else "", label) for v, label in self.choices),
        )
        return format_html("<select{}>{}</select>", flatatt(final), options)

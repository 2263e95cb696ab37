"""The preferences form: one choice per category; account notices are shown, fixed."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ithaca.notifications.kinds import LOCKED, Category, Mode


class PreferencesForm(forms.Form):
    def __init__(self, *args: Any, current: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for category in Category:
            locked = category in LOCKED
            self.fields[category.value] = forms.ChoiceField(
                label=category.label,
                choices=[(Mode.IMMEDIATE.value, _("An e-mail each time (cannot be turned off)"))]
                if locked
                else Mode.choices,
                initial=current.get(category.value, Mode.IMMEDIATE),
                disabled=locked,
                widget=forms.RadioSelect,
            )

"""The audit search form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ithaca.audit.models import Action


class AuditSearchForm(forms.Form):
    person = forms.CharField(
        label=_("Person"),
        required=False,
        max_length=120,
        help_text=_("Name or e-mail of who acted or whom it is about."),
    )
    action = forms.ChoiceField(
        label=_("Action"), required=False, choices=[("", _("Any action")), *Action.choices]
    )
    object = forms.CharField(
        label=_("Object"),
        required=False,
        max_length=120,
        help_text=_("A type such as coaching.sessionnote, optionally with :id (intake.intake:12)."),
    )
    date_from = forms.DateField(
        label=_("Date from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Date to"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            raise forms.ValidationError(gettext("The end date is before the start date."))
        return data

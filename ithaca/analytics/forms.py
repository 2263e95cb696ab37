"""Forms for surveys, ratings, notification preferences, schedules and reports."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from ithaca.analytics.models import ProgramSurveySettings, SurveyResponse

SCALE = [(str(n), str(n)) for n in range(1, 6)]


class SurveyForm(forms.Form):
    """The four pulse questions, 1 (not at all) to 5 (very much), and a comment."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for name, prompt in SurveyResponse.QUESTIONS:
            self.fields[name] = forms.ChoiceField(
                label=prompt, choices=SCALE, widget=forms.RadioSelect
            )
        self.fields["comment"] = forms.CharField(
            label=_("Anything else? (optional; only aggregates are ever shown to anyone else)"),
            required=False,
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 3}),
        )


class RatingForm(forms.Form):
    rating = forms.ChoiceField(label=_("Your rating"), choices=SCALE, widget=forms.RadioSelect)


class SurveySettingsForm(forms.ModelForm):
    class Meta:
        model = ProgramSurveySettings
        fields = ["pulse_enabled", "first_after_days", "every_days", "rate_meetings"]
        labels = {
            "pulse_enabled": _("Send pulse surveys"),
            "first_after_days": _("First survey, days after a relationship starts"),
            "every_days": _("Then every (days)"),
            "rate_meetings": _("Ask for a rating after each meeting or session"),
        }


class ReportForm(forms.Form):
    """Which scope (a program slug, or "org" for staff) and which period."""

    scope = forms.ChoiceField(label=_("Report on"))
    start = forms.DateField(label=_("From"), input_formats=["%Y-%m-%d"])
    end = forms.DateField(label=_("To"), input_formats=["%Y-%m-%d"])

    def __init__(self, *args: object, scopes: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["scope"].choices = scopes  # type: ignore[attr-defined]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if isinstance(start, dt.date) and isinstance(end, dt.date) and start > end:
            raise forms.ValidationError(_("The start date must be on or before the end date."))
        return data

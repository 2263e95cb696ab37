"""Forms for the matching pages; the services validate again and have the last word."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ithaca.matching import engine
from ithaca.matching.models import MAX_OPEN_REQUESTS, MAX_TOP_K, MatchingRound
from ithaca.matching.ranking import Filters
from ithaca.matching.words import FACTOR_HELP, FACTOR_LABELS, LEVEL_LABELS, OBJECTIVE_LABELS

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise


class FilterForm(forms.Form):
    """How a seeker narrows their candidates (all optional)."""

    outside_department = forms.BooleanField(required=False, label=_("Outside my department"))
    # Any code is accepted: a language nobody speaks simply lists nobody.
    language = forms.CharField(required=False, max_length=16, label=_("Speaks"))
    min_score = forms.IntegerField(
        required=False, min_value=0, max_value=100, label=_("Score at least")
    )

    def filters(self) -> Filters:
        if not self.is_valid():
            return Filters()
        data = self.cleaned_data
        return Filters(
            outside_department=bool(data.get("outside_department")),
            language=(data.get("language") or "").strip().lower(),
            min_score=float(data.get("min_score") or 0),
        )


class MatchProfileForm(forms.Form):
    need = forms.CharField(
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        label=_("What you would like help with, in your own words"),
    )
    target = forms.CharField(
        required=False,
        max_length=160,
        label=_("A role or move you are aiming for (optional)"),
        help_text=_("For example: ward manager, or moving from nursing into management."),
    )
    preferences = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple, label=_("I would prefer")
    )

    def __init__(self, *args: Any, choices: list[tuple[str, StrPromise]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["preferences"].choices = choices  # type: ignore[attr-defined]


class ConfigForm(forms.Form):
    """One level per factor, plus the program's limits."""

    top_k = forms.IntegerField(
        min_value=1, max_value=MAX_TOP_K, label=_("Candidates kept per seeker in a round")
    )
    max_open_requests = forms.IntegerField(
        min_value=1, max_value=MAX_OPEN_REQUESTS, label=_("Open requests a seeker may have at once")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        levels = [(level, LEVEL_LABELS[level]) for level in engine.LEVELS]
        for factor in engine.FACTORS:
            self.fields[factor] = forms.ChoiceField(
                choices=levels, label=FACTOR_LABELS[factor], help_text=FACTOR_HELP[factor]
            )

    def factor_fields(self) -> list[forms.BoundField]:
        return [self[factor] for factor in engine.FACTORS]

    def levels(self) -> dict[str, str]:
        return {factor: self.cleaned_data[factor] for factor in engine.FACTORS}


class RoundForm(forms.Form):
    objective = forms.ChoiceField(
        choices=[(value, OBJECTIVE_LABELS[value]) for value in MatchingRound.Objective.values],
        initial=MatchingRound.Objective.FIT,
        label=_("Objective"),
        widget=forms.RadioSelect,
    )


class PairAddForm(forms.Form):
    seeker = forms.TypedChoiceField(coerce=int, label=_("Seeker"))
    helper = forms.TypedChoiceField(coerce=int, label=_("With"))

    def __init__(
        self,
        *args: Any,
        seekers: list[tuple[int, str]],
        helpers: list[tuple[int, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["seeker"].choices = seekers  # type: ignore[attr-defined]
        self.fields["helper"].choices = helpers  # type: ignore[attr-defined]


class FitCheckForm(forms.Form):
    reason = forms.CharField(
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Why (optional; the program's managers read it)"),
    )

"""The intake and referral forms, built from the triage model's questions."""

from __future__ import annotations

from typing import Any

from django import forms

from ithaca.accounts.models import User
from ithaca.intake.models import MAX_TEXT
from ithaca.intake.services import REFER_REFUSED, referable_person
from ithaca.intake.triage import QUESTIONS

SKIP = ("", "Skip this question")


class IntakeForm(forms.Form):
    text = forms.CharField(
        label="What would you like help with? Say it in your own words.",
        help_text="In English, French, Spanish or German.",
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": MAX_TEXT}),
        max_length=MAX_TEXT,
        strip=True,
        error_messages={"required": "Tell us in a sentence or two what you would like help with."},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for question in QUESTIONS:
            if question.multiple:
                self.fields[question.key] = forms.MultipleChoiceField(
                    label=question.prompt,
                    choices=question.choices,
                    required=False,
                    widget=forms.CheckboxSelectMultiple,
                    help_text=question.help_text,
                )
            else:
                self.fields[question.key] = forms.ChoiceField(
                    label=question.prompt,
                    choices=(SKIP, *question.choices),
                    required=False,
                    help_text=question.help_text,
                )

    def answers(self) -> dict[str, Any]:
        """The answered questions only; skipped ones are left out."""
        return {q.key: self.cleaned_data[q.key] for q in QUESTIONS if self.cleaned_data.get(q.key)}

    def question_fields(self) -> list[forms.BoundField]:
        return [self[q.key] for q in QUESTIONS]


class ReferralForm(forms.Form):
    email = forms.EmailField(label="The person's e-mail address")
    kind = forms.ChoiceField(
        label="What do you suggest?",
        choices=[("coaching", "Coaching"), ("mentoring", "Mentoring")],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label="Why? They will read this.",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )

    def __init__(self, *args: Any, referrer: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.referrer = referrer

    def clean_email(self) -> User:
        # The same answer whether the address has an account or not.
        person = referable_person(referrer=self.referrer, email=self.cleaned_data["email"])
        if person is None:
            raise forms.ValidationError(REFER_REFUSED)
        return person

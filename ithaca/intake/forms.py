"""The intake and referral forms, built from the triage model's questions."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ithaca.accounts.models import User
from ithaca.intake.models import MAX_TEXT
from ithaca.intake.services import REFER_REFUSED, referable_person
from ithaca.intake.triage import QUESTIONS

SKIP = ("", _("Skip this question"))


def _translated(choices: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """A question's answers in the reader's language (marked in ithaca/intake/phrases.py)."""
    return [(value, gettext(label)) for value, label in choices]


class IntakeForm(forms.Form):
    text = forms.CharField(
        label=_("What would you like help with? Say it in your own words."),
        help_text=_("In English, French, Spanish or German."),
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": MAX_TEXT}),
        max_length=MAX_TEXT,
        strip=True,
        error_messages={
            "required": _("Tell us in a sentence or two what you would like help with.")
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for question in QUESTIONS:
            if question.multiple:
                self.fields[question.key] = forms.MultipleChoiceField(
                    label=gettext(question.prompt),
                    choices=_translated(question.choices),
                    required=False,
                    widget=forms.CheckboxSelectMultiple,
                    help_text=question.help_text,
                )
            else:
                self.fields[question.key] = forms.ChoiceField(
                    label=gettext(question.prompt),
                    choices=(SKIP, *_translated(question.choices)),
                    required=False,
                    help_text=question.help_text,
                )

    def answers(self) -> dict[str, Any]:
        """The answered questions only; skipped ones are left out."""
        return {q.key: self.cleaned_data[q.key] for q in QUESTIONS if self.cleaned_data.get(q.key)}

    def question_fields(self) -> list[forms.BoundField]:
        return [self[q.key] for q in QUESTIONS]


class ReferralForm(forms.Form):
    email = forms.EmailField(label=_("The person's e-mail address"))
    kind = forms.ChoiceField(
        label=_("What do you suggest?"),
        choices=[("coaching", _("Coaching")), ("mentoring", _("Mentoring"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Why? They will read this."),
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

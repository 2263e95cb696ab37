"""Forms for mentoring pages. Services check every rule again; forms give early messages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ithaca.accounts.models import User
from ithaca.core.errors import DomainError
from ithaca.mentoring.models import AgendaTopic, Decision, Goal, MentoringEvent, TrainingModule

DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]


def when_field(label: Any) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        input_formats=DATETIME_FORMATS,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"invalid": _("Give a date and a time, e.g. 2026-03-14 09:30.")},
    )


def text_field(label: Any, limit: int, *, rows: int = 3, required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=limit,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows, "maxlength": limit}),
    )


def add_domain_error(form: forms.Form, exc: DomainError) -> None:
    """Show a service's message beside its field, or at the top of the form."""
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, exc.message)


class TopicForm(forms.Form):
    title = forms.CharField(label=_("Topic"), max_length=200)
    detail = text_field(_("More about it (optional)"), 2000, rows=2, required=False)


class MeetingForm(forms.Form):
    starts_at = when_field(_("Starts"))
    ends_at = when_field(_("Ends"))
    location = forms.CharField(label=_("Where (a place or a link)"), max_length=300, required=False)
    topics = forms.TypedMultipleChoiceField(
        label=_("Topics from the agenda"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, topics: list[AgendaTopic] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        self.fields["topics"].choices = [(t.pk, t.title) for t in topics]  # type: ignore[attr-defined]
        if not topics:
            del self.fields["topics"]


class LogMeetingForm(MeetingForm):
    note = text_field(_("A shared note (optional)"), 5000, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Shown beside MeetingForm in the workspace: its own ids keep each label on its field.
        kwargs.setdefault("auto_id", "id_log_%s")
        super().__init__(*args, **kwargs)


class NoteForm(forms.Form):
    body = text_field(_("Shared note"), 5000)


class JournalForm(forms.Form):
    body = text_field(_("Journal entry (only you will ever read this)"), 10000, rows=5)


class GoalForm(forms.Form):
    area = forms.ChoiceField(label=_("About"), choices=Goal.Area.choices)
    title = forms.CharField(label=_("Goal, in your words"), max_length=200)


class GoalStatusForm(forms.Form):
    status = forms.ChoiceField(choices=Goal.Status.choices)


class GoalNoteForm(forms.Form):
    body = text_field(_("How is it going?"), 3000, rows=2)


class IntroductionForm(forms.Form):
    contact = forms.EmailField(label=_("The e-mail address of the person to introduce them to"))
    reason = text_field(_("Why these two should meet (the other person will read this)"), 2000)

    def clean_contact(self) -> User:
        email = self.cleaned_data["contact"].strip().lower()
        person = User.objects.filter(email__iexact=email, is_active=True).first()
        if person is None:
            raise forms.ValidationError(_("Nobody with that e-mail address uses Ithaca."))
        return person


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Would you like to continue or conclude?"),
        choices=Decision.choices,
        widget=forms.RadioSelect,
    )


SCALE = [(n, str(n)) for n in range(1, 6)]


class ClosingForm(forms.Form):
    reflection = text_field(
        _("Your reflection: what changed, what you take with you"), 3000, rows=5
    )
    shared = forms.BooleanField(
        label=_("Share my reflection with the other person"), required=False
    )
    growth = forms.TypedChoiceField(
        label=_("How much did you grow? (1 not at all, 5 a lot)"),
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
    )
    career_clarity = forms.TypedChoiceField(
        label=_("How clear is your career direction now? (1 to 5)"),
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
    )
    belonging = forms.TypedChoiceField(
        label=_("How much do you feel you belong here? (1 to 5)"),
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
    )
    would_recommend = forms.TypedChoiceField(
        label=_("Would you recommend mentoring to a colleague?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )


class CloseForm(ClosingForm):
    reason = forms.CharField(label=_("A word on why (optional)"), max_length=2000, required=False)


class EventForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=MentoringEvent.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=160)
    description = text_field(_("Description"), 4000, required=False)
    starts_at = when_field(_("Starts"))
    ends_at = when_field(_("Ends"))
    capacity = forms.IntegerField(label=_("Places"), min_value=2, max_value=500)
    location = forms.CharField(label=_("Where"), max_length=300, required=False)


class EventCancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Why (sent to everyone signed up; optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class TrainingCheckForm(forms.Form):
    """One radio question per item of the module's knowledge check."""

    def __init__(self, *args: Any, module: TrainingModule, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for number, question in enumerate(module.shown.questions):
            self.fields[f"q{number}"] = forms.TypedChoiceField(
                label=question["prompt"],
                choices=list(enumerate(question["choices"])),
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer.")},
            )

    def answers(self) -> list[int]:
        return [self.cleaned_data[name] for name in self.fields]

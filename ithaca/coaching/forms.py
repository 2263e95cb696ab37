"""Forms for the coaching workspace. They parse input; the services decide the rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from ithaca.coaching import questions, rules
from ithaca.coaching.models import CoachingEngagement, CoachingSession, Goal
from ithaca.coaching.services import Terms
from ithaca.programs import bounds

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]
RATINGS = [(str(n), str(n)) for n in range(1, 6)]


def _text(label: Any, *, required: bool = True, rows: int = 3, max_length: int = 4000) -> Any:
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def bounded_field(label: Any, field_bounds: bounds.Bounds) -> forms.IntegerField:
    """An integer field with the range the service and the database enforce."""
    message = field_bounds.message()
    return forms.IntegerField(
        label=label,
        min_value=field_bounds.low,
        max_value=field_bounds.high,
        error_messages={"min_value": message, "max_value": message},
    )


class AgreementForm(forms.Form):
    scope = _text(gettext_lazy("Scope: what the coaching covers"))
    objectives = _text(gettext_lazy("Objectives: what it should achieve"))
    session_count = bounded_field(
        gettext_lazy("Number of sessions"), bounds.AGREEMENT["session_count"]
    )
    session_cadence_days = bounded_field(
        gettext_lazy("Cadence (days between sessions)"), bounds.AGREEMENT["session_cadence_days"]
    )
    session_length_minutes = bounded_field(
        gettext_lazy("Session length (minutes)"), bounds.AGREEMENT["session_length_minutes"]
    )
    starts_on = forms.DateField(label=gettext_lazy("Starts on"), widget=DATE)
    ends_on = forms.DateField(label=gettext_lazy("Ends on"), widget=DATE)
    sponsor_sees = forms.ChoiceField(
        label=gettext_lazy("Confidentiality: what the sponsor may see"),
        choices=rules.SPONSOR_TERMS,
        widget=forms.RadioSelect,
    )
    cancellation_notice_hours = bounded_field(
        gettext_lazy("Cancellation notice (hours); later cancellations count as used"),
        bounds.AGREEMENT["cancellation_notice_hours"],
    )
    cancellation_terms = _text(
        gettext_lazy("Cancellation terms (optional)"), required=False, max_length=2000
    )

    def __init__(self, *args: Any, has_sponsor: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not has_sponsor:
            del self.fields["sponsor_sees"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends <= starts:
            self.add_error("ends_on", _("The agreement must end after it starts."))
        return data

    def terms(self) -> Terms:
        data = dict(self.cleaned_data)
        data.setdefault("sponsor_sees", rules.SHARE_NOTHING)
        return Terms(**data)


def _session_kinds(engagement: CoachingEngagement) -> list[tuple[str, Any]]:
    kinds = CoachingSession.Kind.choices
    return list(kinds) if engagement.sponsor_id else [kinds[0]]


# Sessions are booked within the agreement, which runs weeks to months: a date years
# ahead is a typo, and one near the year 9999 overflowed when the length was added.
FURTHEST_YEARS = 5


def _within_reach(starts_at: dt.datetime) -> dt.datetime:
    if starts_at.year > timezone.now().year + FURTHEST_YEARS:
        raise forms.ValidationError(
            _(
                "Choose a time within the next %(years)s years; coaching sessions are "
                "booked within the agreement's dates."
            )
            % {"years": FURTHEST_YEARS}
        )
    return starts_at


class SessionForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), choices=CoachingSession.Kind.choices)
    starts_at = forms.DateTimeField(
        label=gettext_lazy("Starts at (your time zone)"),
        widget=DATETIME,
        input_formats=DATETIME_FORMATS,
    )
    minutes = forms.IntegerField(
        label=gettext_lazy("Length (minutes)"), min_value=15, max_value=480
    )
    location = forms.CharField(label=gettext_lazy("Place or video link"), max_length=300)
    agenda = _text(gettext_lazy("Agenda (optional)"), required=False)
    held = forms.BooleanField(
        label=gettext_lazy("It already took place: record it as held"), required=False
    )

    def __init__(self, *args: Any, engagement: CoachingEngagement, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = _session_kinds(engagement)  # type: ignore[attr-defined]

    def clean_starts_at(self) -> dt.datetime:
        return _within_reach(self.cleaned_data["starts_at"])

    def ends_at(self) -> dt.datetime:
        return self.cleaned_data["starts_at"] + dt.timedelta(minutes=self.cleaned_data["minutes"])


class RescheduleForm(forms.Form):
    starts_at = forms.DateTimeField(
        label=gettext_lazy("New start (your time zone)"),
        widget=DATETIME,
        input_formats=DATETIME_FORMATS,
    )
    minutes = forms.IntegerField(
        label=gettext_lazy("Length (minutes)"), min_value=15, max_value=480
    )
    location = forms.CharField(
        label=gettext_lazy("Place or video link (blank keeps it)"), required=False
    )
    reason = _text(gettext_lazy("Why does it move?"), rows=2, max_length=2000)

    def clean_starts_at(self) -> dt.datetime:
        return _within_reach(self.cleaned_data["starts_at"])

    def ends_at(self) -> dt.datetime:
        return self.cleaned_data["starts_at"] + dt.timedelta(minutes=self.cleaned_data["minutes"])


class CancelForm(forms.Form):
    reason = _text(gettext_lazy("Why is it cancelled?"), rows=2, max_length=2000)


class AgendaForm(forms.Form):
    agenda = _text(gettext_lazy("Agenda"), required=False, rows=4)


class NoteForm(forms.Form):
    visibility = forms.ChoiceField(label=gettext_lazy("Who reads it"), widget=forms.RadioSelect)
    text = _text(pgettext_lazy("coaching", "Note"), required=False, rows=5, max_length=10000)
    grow_goal = _text(gettext_lazy("G: Goal (optional)"), required=False, rows=2)
    grow_reality = _text(gettext_lazy("R: Reality (optional)"), required=False, rows=2)
    grow_options = _text(gettext_lazy("O: Options (optional)"), required=False, rows=2)
    grow_will = _text(gettext_lazy("W: Will (optional)"), required=False, rows=2)

    def __init__(self, *args: Any, allowed: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        labels = dict(rules.NOTE_VISIBILITIES)
        field = self.fields["visibility"]
        field.choices = [(name, labels[name]) for name in allowed]  # type: ignore[attr-defined]
        field.initial = allowed[0] if allowed else None

    def grow(self) -> dict[str, str]:
        return {
            key: self.cleaned_data[f"grow_{key}"] for key in ("goal", "reality", "options", "will")
        }


def _people(engagement: CoachingEngagement) -> list[tuple[str, str]]:
    return [
        (str(engagement.coachee_id), _("%(name)s (coachee)") % {"name": engagement.coachee}),
        (str(engagement.coach_id), _("%(name)s (coach)") % {"name": engagement.coach}),
    ]


class GoalForm(forms.Form):
    """Every field is optional here so the service can name everything a goal lacks."""

    statement = _text(gettext_lazy("Specific statement"), required=False, rows=2, max_length=1000)
    metric = forms.CharField(
        label=gettext_lazy("Metric: what is measured"), required=False, max_length=200
    )
    unit = forms.CharField(label=gettext_lazy("Unit"), required=False, max_length=40)
    baseline = forms.DecimalField(
        label=gettext_lazy("Baseline"), required=False, max_digits=14, decimal_places=4
    )
    target = forms.DecimalField(
        label=gettext_lazy("Target"), required=False, max_digits=14, decimal_places=4
    )
    owner = forms.ChoiceField(label=gettext_lazy("Owner"), required=False)
    due_on = forms.DateField(label=gettext_lazy("Due on"), required=False, widget=DATE)

    def __init__(self, *args: Any, engagement: CoachingEngagement, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.engagement = engagement
        self.fields["owner"].choices = [("", _("Choose")), *_people(engagement)]  # type: ignore[attr-defined]

    def chosen_owner(self) -> Any:
        chosen = self.cleaned_data.get("owner")
        engagement = self.engagement
        return {
            str(engagement.coach_id): engagement.coach,
            str(engagement.coachee_id): engagement.coachee,
        }.get(chosen or "")


class CheckInForm(forms.Form):
    value = forms.DecimalField(label=gettext_lazy("Value"), max_digits=14, decimal_places=4)
    recorded_on = forms.DateField(
        label=gettext_lazy("Measured on (blank: today)"), required=False, widget=DATE
    )
    comment = forms.CharField(
        label=gettext_lazy("Comment (optional)"), required=False, max_length=500
    )


class CheckInCorrectionForm(forms.Form):
    value = forms.DecimalField(label=gettext_lazy("Correct value"), max_digits=14, decimal_places=4)
    comment = forms.CharField(
        label=gettext_lazy("What was wrong (optional)"), required=False, max_length=500
    )


class ActionEditForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("What is to be done"), max_length=300)
    due_on = forms.DateField(label=gettext_lazy("Due on"), widget=DATE)


class ActionForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("What is to be done"), max_length=300)
    owner = forms.ChoiceField(label=gettext_lazy("Owner"))
    due_on = forms.DateField(label=gettext_lazy("Due on"), widget=DATE)
    goal = forms.ChoiceField(label=gettext_lazy("Towards goal (optional)"), required=False)

    def __init__(
        self, *args: Any, engagement: CoachingEngagement, goals: list[Goal], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.engagement, self.goals = engagement, {str(goal.pk): goal for goal in goals}
        self.fields["owner"].choices = _people(engagement)  # type: ignore[attr-defined]
        self.fields["goal"].choices = [  # type: ignore[attr-defined]
            ("", pgettext("no goal chosen", "None")),
            *((pk, str(goal)) for pk, goal in self.goals.items()),
        ]

    def chosen_owner(self) -> Any:
        engagement = self.engagement
        return (
            engagement.coach
            if self.cleaned_data["owner"] == str(engagement.coach_id)
            else (engagement.coachee)
        )

    def chosen_goal(self) -> Goal | None:
        return self.goals.get(self.cleaned_data.get("goal") or "")


class ReportForm(forms.Form):
    summary = _text(
        gettext_lazy("Summary for the sponsor (optional; the coachee reads it first)"),
        required=False,
        rows=4,
        max_length=2000,
    )


class ChangesForm(forms.Form):
    comment = _text(gettext_lazy("What should the coach change?"), rows=3, max_length=2000)


class CloseOutForm(forms.Form):
    reflection = _text(gettext_lazy("Your reflection (private to you)"), required=False, rows=5)
    confirm = forms.BooleanField(
        label=gettext_lazy(
            "I understand this closes the engagement and concludes it if it is still open."
        ),
        error_messages={"required": gettext_lazy("Tick the box to confirm the close-out.")},
    )


def _question_field(question: questions.Question) -> forms.Field:
    # The level is shown by its label, so a translated form reads in one language.
    label = _("%(prompt)s [%(level)s]") % {
        "prompt": question.prompt,
        "level": questions.level_label(question.level),
    }
    if question.rating:
        return forms.ChoiceField(label=label, choices=[("", _("Skip")), *RATINGS], required=False)
    return _text(label, required=False, rows=2)


class SurveyForm(forms.Form):
    """The close-out (with satisfaction) or the follow-up questions; all may be skipped."""

    def __init__(self, *args: Any, survey: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if survey == questions.CLOSE_OUT:
            self.fields["satisfaction"] = forms.ChoiceField(
                label=gettext_lazy("Overall, how satisfied are you with the coaching? (1-5)"),
                choices=RATINGS,
                widget=forms.RadioSelect,
            )
        for question in questions.questions_for(survey):
            self.fields[question.key] = _question_field(question)

    def answers(self) -> dict[str, Any]:
        return {key: value for key, value in self.cleaned_data.items() if key != "satisfaction"}


class SponsorInviteForm(forms.Form):
    """Choose a sponsor among the program's sponsors (not the coach or the coachee)."""

    sponsor: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=gettext_lazy("Sponsor"),
        queryset=CoachingEngagement.objects.none(),
        empty_label=gettext_lazy("Choose a sponsor"),
    )
    message = _text(
        gettext_lazy("A note for them (optional)"), required=False, rows=2, max_length=1000
    )

    def __init__(self, *args: Any, engagement: CoachingEngagement, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from ithaca.accounts.models import User

        taken = [engagement.coach_id, engagement.coachee_id, engagement.sponsor_id]
        self.fields["sponsor"].queryset = (  # type: ignore[attr-defined]
            User.objects.filter(
                participations__program_id=engagement.program_id,
                participations__role="sponsor",
            )
            .exclude(pk__in=[pk for pk in taken if pk])
            .distinct()
            .order_by("first_name", "last_name", "email")
        )


class CoachChangeForm(forms.Form):
    """A program manager hands the engagement to another of the program's active coaches."""

    coach: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=gettext_lazy("New coach"),
        queryset=CoachingEngagement.objects.none(),
        empty_label=gettext_lazy("Choose a coach"),
    )

    def __init__(self, *args: Any, engagement: CoachingEngagement, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from ithaca.accounts.models import User

        taken = [engagement.coach_id, engagement.coachee_id, engagement.sponsor_id]
        self.fields["coach"].queryset = (  # type: ignore[attr-defined]
            User.objects.filter(
                participations__program_id=engagement.program_id,
                participations__role="coach",
                participations__state="active",
            )
            .exclude(pk__in=[pk for pk in taken if pk])
            .distinct()
            .order_by("first_name", "last_name", "email")
        )

"""Forms for the coaching workspace. They parse input; the services decide the rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from ithaca.coaching import questions, rules
from ithaca.coaching.models import CoachingEngagement, CoachingSession, Goal
from ithaca.coaching.services import Terms
from ithaca.programs import bounds

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]
RATINGS = [(str(n), str(n)) for n in range(1, 6)]


def _text(label: str, *, required: bool = True, rows: int = 3, max_length: int = 4000) -> Any:
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def bounded_field(label: str, field_bounds: bounds.Bounds) -> forms.IntegerField:
    """An integer field with the range the service and the database enforce."""
    message = field_bounds.message()
    return forms.IntegerField(
        label=label,
        min_value=field_bounds.low,
        max_value=field_bounds.high,
        error_messages={"min_value": message, "max_value": message},
    )


class AgreementForm(forms.Form):
    scope = _text("Scope: what the coaching covers")
    objectives = _text("Objectives: what it should achieve")
    session_count = bounded_field("Number of sessions", bounds.AGREEMENT["session_count"])
    session_cadence_days = bounded_field(
        "Cadence (days between sessions)", bounds.AGREEMENT["session_cadence_days"]
    )
    session_length_minutes = bounded_field(
        "Session length (minutes)", bounds.AGREEMENT["session_length_minutes"]
    )
    starts_on = forms.DateField(label="Starts on", widget=DATE)
    ends_on = forms.DateField(label="Ends on", widget=DATE)
    sponsor_sees = forms.ChoiceField(
        label="Confidentiality: what the sponsor may see",
        choices=rules.SPONSOR_TERMS,
        widget=forms.RadioSelect,
    )
    cancellation_notice_hours = bounded_field(
        "Cancellation notice (hours); later cancellations count as used",
        bounds.AGREEMENT["cancellation_notice_hours"],
    )
    cancellation_terms = _text("Cancellation terms (optional)", required=False, max_length=2000)

    def __init__(self, *args: Any, has_sponsor: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not has_sponsor:
            del self.fields["sponsor_sees"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends <= starts:
            self.add_error("ends_on", "The agreement must end after it starts.")
        return data

    def terms(self) -> Terms:
        data = dict(self.cleaned_data)
        data.setdefault("sponsor_sees", rules.SHARE_NOTHING)
        return Terms(**data)


def _session_kinds(engagement: CoachingEngagement) -> list[tuple[str, str]]:
    kinds = CoachingSession.Kind.choices
    return list(kinds) if engagement.sponsor_id else [kinds[0]]


# Sessions are booked within the agreement, which runs weeks to months: a date years
# ahead is a typo, and one near the year 9999 overflowed when the length was added.
FURTHEST_YEARS = 5


def _within_reach(starts_at: dt.datetime) -> dt.datetime:
    if starts_at.year > timezone.now().year + FURTHEST_YEARS:
        raise forms.ValidationError(
            f"Choose a time within the next {FURTHEST_YEARS} years; coaching sessions are "
            "booked within the agreement's dates."
        )
    return starts_at


class SessionForm(forms.Form):
    kind = forms.ChoiceField(label="Kind", choices=CoachingSession.Kind.choices)
    starts_at = forms.DateTimeField(
        label="Starts at (your time zone)", widget=DATETIME, input_formats=DATETIME_FORMATS
    )
    minutes = forms.IntegerField(label="Length (minutes)", min_value=15, max_value=480)
    location = forms.CharField(label="Place or video link", max_length=300)
    agenda = _text("Agenda (optional)", required=False)
    held = forms.BooleanField(label="It already took place: record it as held", required=False)

    def __init__(self, *args: Any, engagement: CoachingEngagement, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = _session_kinds(engagement)  # type: ignore[attr-defined]

    def clean_starts_at(self) -> dt.datetime:
        return _within_reach(self.cleaned_data["starts_at"])

    def ends_at(self) -> dt.datetime:
        return self.cleaned_data["starts_at"] + dt.timedelta(minutes=self.cleaned_data["minutes"])


class RescheduleForm(forms.Form):
    starts_at = forms.DateTimeField(
        label="New start (your time zone)", widget=DATETIME, input_formats=DATETIME_FORMATS
    )
    minutes = forms.IntegerField(label="Length (minutes)", min_value=15, max_value=480)
    location = forms.CharField(label="Place or video link (blank keeps it)", required=False)
    reason = _text("Why does it move?", rows=2, max_length=2000)

    def clean_starts_at(self) -> dt.datetime:
        return _within_reach(self.cleaned_data["starts_at"])

    def ends_at(self) -> dt.datetime:
        return self.cleaned_data["starts_at"] + dt.timedelta(minutes=self.cleaned_data["minutes"])


class CancelForm(forms.Form):
    reason = _text("Why is it cancelled?", rows=2, max_length=2000)


class AgendaForm(forms.Form):
    agenda = _text("Agenda", required=False, rows=4)


class NoteForm(forms.Form):
    visibility = forms.ChoiceField(label="Who reads it", widget=forms.RadioSelect)
    text = _text("Note", required=False, rows=5, max_length=10000)
    grow_goal = _text("G: Goal (optional)", required=False, rows=2)
    grow_reality = _text("R: Reality (optional)", required=False, rows=2)
    grow_options = _text("O: Options (optional)", required=False, rows=2)
    grow_will = _text("W: Will (optional)", required=False, rows=2)

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
        (str(engagement.coachee_id), f"{engagement.coachee} (coachee)"),
        (str(engagement.coach_id), f"{engagement.coach} (coach)"),
    ]


class GoalForm(forms.Form):
    """Every field is optional here so the service can name everything a goal lacks."""

    statement = _text("Specific statement", required=False, rows=2, max_length=1000)
    metric = forms.CharField(label="Metric: what is measured", required=False, max_length=200)
    unit = forms.CharField(label="Unit", required=False, max_length=40)
    baseline = forms.DecimalField(label="Baseline", required=False, max_digits=14, decimal_places=4)
    target = forms.DecimalField(label="Target", required=False, max_digits=14, decimal_places=4)
    owner = forms.ChoiceField(label="Owner", required=False)
    due_on = forms.DateField(label="Due on", required=False, widget=DATE)

    def __init__(self, *args: Any, engagement: CoachingEngagement, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.engagement = engagement
        self.fields["owner"].choices = [("", "Choose"), *_people(engagement)]  # type: ignore[attr-defined]

    def chosen_owner(self) -> Any:
        chosen = self.cleaned_data.get("owner")
        engagement = self.engagement
        return {
            str(engagement.coach_id): engagement.coach,
            str(engagement.coachee_id): engagement.coachee,
        }.get(chosen or "")


class CheckInForm(forms.Form):
    value = forms.DecimalField(label="Value", max_digits=14, decimal_places=4)
    recorded_on = forms.DateField(label="Measured on (blank: today)", required=False, widget=DATE)
    comment = forms.CharField(label="Comment (optional)", required=False, max_length=500)


class CheckInCorrectionForm(forms.Form):
    value = forms.DecimalField(label="Correct value", max_digits=14, decimal_places=4)
    comment = forms.CharField(label="What was wrong (optional)", required=False, max_length=500)


class ActionEditForm(forms.Form):
    title = forms.CharField(label="What is to be done", max_length=300)
    due_on = forms.DateField(label="Due on", widget=DATE)


class ActionForm(forms.Form):
    title = forms.CharField(label="What is to be done", max_length=300)
    owner = forms.ChoiceField(label="Owner")
    due_on = forms.DateField(label="Due on", widget=DATE)
    goal = forms.ChoiceField(label="Towards goal (optional)", required=False)

    def __init__(
        self, *args: Any, engagement: CoachingEngagement, goals: list[Goal], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.engagement, self.goals = engagement, {str(goal.pk): goal for goal in goals}
        self.fields["owner"].choices = _people(engagement)  # type: ignore[attr-defined]
        self.fields["goal"].choices = [  # type: ignore[attr-defined]
            ("", "None"),
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
        "Summary for the sponsor (optional; the coachee reads it first)",
        required=False,
        rows=4,
        max_length=2000,
    )


class ChangesForm(forms.Form):
    comment = _text("What should the coach change?", rows=3, max_length=2000)


class CloseOutForm(forms.Form):
    reflection = _text("Your reflection (private to you)", required=False, rows=5)
    confirm = forms.BooleanField(
        label="I understand this closes the engagement and concludes it if it is still open.",
        error_messages={"required": "Tick the box to confirm the close-out."},
    )


def _question_field(question: questions.Question) -> forms.Field:
    if question.rating:
        return forms.ChoiceField(
            label=f"{question.prompt} [{question.level}]",
            choices=[("", "Skip"), *RATINGS],
            required=False,
        )
    return _text(f"{question.prompt} [{question.level}]", required=False, rows=2)


class SurveyForm(forms.Form):
    """The close-out (with satisfaction) or the follow-up questions; all may be skipped."""

    def __init__(self, *args: Any, survey: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if survey == questions.CLOSE_OUT:
            self.fields["satisfaction"] = forms.ChoiceField(
                label="Overall, how satisfied are you with the coaching? (1-5)",
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
        label="Sponsor", queryset=CoachingEngagement.objects.none(), empty_label="Choose a sponsor"
    )
    message = _text("A note for them (optional)", required=False, rows=2, max_length=1000)

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
        label="New coach", queryset=CoachingEngagement.objects.none(), empty_label="Choose a coach"
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

"""Input and output serializers for the coaching endpoints (ithaca/api/coaching/).

Outputs never carry more than the access helpers allowed: notes are filtered by
visibility before they get here, a report's content is cut to the sponsor's
terms, and the coach's reflection is dropped for anyone but the coach.
"""

from __future__ import annotations

from typing import Any

from django.utils.functional import lazy
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ithaca.api.serializers import PersonSerializer
from ithaca.coaching import rules
from ithaca.coaching.models import (
    ActionItem,
    AgreementSignature,
    AgreementVersion,
    CheckIn,
    CloseOutEvaluation,
    CoachingSession,
    EvaluationAnswer,
    Goal,
    SessionNote,
    SponsorReport,
)
from ithaca.programs import bounds


class SignatureOut(serializers.ModelSerializer):
    signer = PersonSerializer(read_only=True)

    class Meta:
        model = AgreementSignature
        fields = ["party", "signer", "signed_at"]


class AgreementOut(serializers.ModelSerializer):
    signatures = SignatureOut(many=True, read_only=True)

    class Meta:
        model = AgreementVersion
        fields = [
            "id",
            "engagement",
            "number",
            "scope",
            "objectives",
            "session_count",
            "session_cadence_days",
            "session_length_minutes",
            "starts_on",
            "ends_on",
            "sponsor_sees",
            "cancellation_notice_hours",
            "cancellation_terms",
            "created_at",
            "signed_at",
            "signatures",
        ]


def bounded(field_bounds: bounds.Bounds, **kwargs: Any) -> serializers.IntegerField:
    """An integer with the range the service and the database enforce (programs/bounds.py)."""
    message = lazy(field_bounds.message, str)()
    return serializers.IntegerField(
        min_value=field_bounds.low,
        max_value=field_bounds.high,
        error_messages={"min_value": message, "max_value": message},
        **kwargs,
    )


class TermsInput(serializers.Serializer):
    scope = serializers.CharField(max_length=4000)
    objectives = serializers.CharField(max_length=4000)
    session_count = bounded(bounds.AGREEMENT["session_count"])
    session_cadence_days = bounded(bounds.AGREEMENT["session_cadence_days"])
    session_length_minutes = bounded(bounds.AGREEMENT["session_length_minutes"])
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    sponsor_sees = serializers.ChoiceField(choices=rules.SPONSOR_TERMS, default=rules.SHARE_NOTHING)
    cancellation_notice_hours = bounded(bounds.AGREEMENT["cancellation_notice_hours"], default=24)
    cancellation_terms = serializers.CharField(
        max_length=2000, required=False, allow_blank=True, default=""
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["ends_on"] <= attrs["starts_on"]:
            raise serializers.ValidationError(
                {"ends_on": [gettext("The agreement must end after it starts.")]}
            )
        return attrs


class SessionOut(serializers.ModelSerializer):
    class Meta:
        model = CoachingSession
        fields = [
            "id",
            "engagement",
            "kind",
            "starts_at",
            "ends_at",
            "location",
            "agenda",
            "status",
            "sequence",
            "late_cancellation",
            "change_reason",
            "cancelled_at",
        ]


class SessionInput(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=CoachingSession.Kind.choices, default=CoachingSession.Kind.ONE_TO_ONE
    )
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    location = serializers.CharField(max_length=300)
    agenda = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")
    held = serializers.BooleanField(
        default=False, help_text="Record a session that already took place."
    )


class RescheduleInput(serializers.Serializer):
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    location = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    reason = serializers.CharField(max_length=2000)


class ReasonInput(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class AgendaInput(serializers.Serializer):
    agenda = serializers.CharField(max_length=4000, allow_blank=True)


class NoteOut(serializers.ModelSerializer):
    author = PersonSerializer(read_only=True)

    class Meta:
        model = SessionNote
        fields = [
            "id",
            "session",
            "author",
            "visibility",
            "text",
            "grow_goal",
            "grow_reality",
            "grow_options",
            "grow_will",
            "created_at",
        ]


class NoteEditInput(serializers.Serializer):
    """A note's words: free text and the optional GROW headings."""

    text = serializers.CharField(max_length=10000, required=False, allow_blank=True, default="")
    grow_goal = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    grow_reality = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    grow_options = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    grow_will = serializers.CharField(max_length=4000, required=False, allow_blank=True)

    def grow(self) -> dict[str, str]:
        data = self.validated_data
        return {key: data.get(f"grow_{key}", "") for key in ("goal", "reality", "options", "will")}


class NoteInput(NoteEditInput):
    """A new note: its words and who reads it (an edit keeps the visibility)."""

    visibility = serializers.ChoiceField(choices=rules.NOTE_VISIBILITIES)


class CheckInOut(serializers.ModelSerializer):
    class Meta:
        model = CheckIn
        fields = [
            "id",
            "goal",
            "value",
            "recorded_on",
            "comment",
            "created_at",
            "replaces",
            "superseded_at",
        ]
        read_only_fields = fields


class CheckInInput(serializers.Serializer):
    value = serializers.DecimalField(max_digits=14, decimal_places=4)
    recorded_on = serializers.DateField(required=False, allow_null=True, default=None)
    comment = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class CheckInCorrectionInput(serializers.Serializer):
    value = serializers.DecimalField(max_digits=14, decimal_places=4)
    comment = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class GoalOut(serializers.ModelSerializer):
    owner = PersonSerializer(read_only=True)
    latest = serializers.DecimalField(
        max_digits=14, decimal_places=4, allow_null=True, read_only=True
    )
    attainment = serializers.DecimalField(
        max_digits=5,
        decimal_places=4,
        allow_null=True,
        read_only=True,
        help_text="(latest - baseline) / (target - baseline), clipped to 0..1.",
    )
    checkins = CheckInOut(many=True, read_only=True, source="checkin_list")

    class Meta:
        model = Goal
        fields = [
            "id",
            "engagement",
            "statement",
            "metric",
            "unit",
            "baseline",
            "target",
            "owner",
            "due_on",
            "latest",
            "attainment",
            "checkins",
        ]


class GoalInput(serializers.Serializer):
    """Every part is optional here so the service can name all that a goal lacks."""

    statement = serializers.CharField(max_length=1000, required=False, allow_blank=True)
    metric = serializers.CharField(max_length=200, required=False, allow_blank=True)
    unit = serializers.CharField(max_length=40, required=False, allow_blank=True)
    baseline = serializers.DecimalField(
        max_digits=14, decimal_places=4, required=False, allow_null=True
    )
    target = serializers.DecimalField(
        max_digits=14, decimal_places=4, required=False, allow_null=True
    )
    owner = serializers.IntegerField(
        required=False, allow_null=True, help_text="The coach's or the coachee's id."
    )
    due_on = serializers.DateField(required=False, allow_null=True)


class ActionOut(serializers.ModelSerializer):
    owner = PersonSerializer(read_only=True)
    done = serializers.BooleanField(read_only=True)

    class Meta:
        model = ActionItem
        fields = [
            "id",
            "engagement",
            "goal",
            "title",
            "owner",
            "due_on",
            "done",
            "done_at",
            "edited_at",
        ]


class ActionInput(serializers.Serializer):
    title = serializers.CharField(max_length=300)
    owner = serializers.IntegerField(help_text="The coach's or the coachee's id.")
    due_on = serializers.DateField()
    goal = serializers.IntegerField(required=False, allow_null=True, default=None)


class ActionEditInput(serializers.Serializer):
    title = serializers.CharField(max_length=300)
    due_on = serializers.DateField()


class DoneInput(serializers.Serializer):
    done = serializers.BooleanField()


class AttendanceOut(serializers.Serializer):
    agreed = serializers.IntegerField()
    held = serializers.IntegerField()
    scheduled = serializers.IntegerField()
    cancelled = serializers.IntegerField()
    late_cancelled = serializers.IntegerField()


class ProgressOut(serializers.Serializer):
    goal = serializers.IntegerField()
    statement = serializers.CharField()
    metric = serializers.CharField()
    unit = serializers.CharField()
    baseline = serializers.CharField()
    target = serializers.CharField()
    latest = serializers.CharField(allow_null=True)
    attainment = serializers.CharField(allow_null=True)
    due_on = serializers.CharField()


class ReportContentOut(serializers.Serializer):
    terms = serializers.CharField(
        help_text="What the agreement shared: " + ", ".join(name for name, _ in rules.SPONSOR_TERMS)
    )
    agreement_version = serializers.IntegerField()
    attendance = AttendanceOut()
    progress = ProgressOut(many=True, allow_null=True)


class ReportOut(serializers.ModelSerializer):
    """`coachee_comment` (the coachee's words to the coach) is the pair's alone."""

    content = serializers.SerializerMethodField()

    class Meta:
        model = SponsorReport
        fields = [
            "id",
            "engagement",
            "status",
            "summary",
            "content",
            "coachee_comment",
            "submitted_at",
            "approved_at",
            "created_at",
        ]

    @extend_schema_field(ReportContentOut)
    def get_content(self, report: SponsorReport) -> dict[str, Any]:
        return self.context["contents"][report.pk]

    def to_representation(self, instance: SponsorReport) -> dict[str, Any]:
        data = super().to_representation(instance)
        if not rules.is_party(self.context["role"]):
            data.pop("coachee_comment")
        return data


class ReportInput(serializers.Serializer):
    summary = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class CommentInput(serializers.Serializer):
    comment = serializers.CharField(max_length=2000)


class AnswerOut(serializers.ModelSerializer):
    class Meta:
        model = EvaluationAnswer
        fields = ["survey", "question", "level", "rating", "text"]


class EvaluationOut(serializers.ModelSerializer):
    answers = AnswerOut(many=True, read_only=True)
    follow_up_due_on = serializers.DateField(source="follow_up.due_on", read_only=True)
    follow_up_completed_at = serializers.DateTimeField(
        source="follow_up.completed_at", read_only=True, allow_null=True
    )

    class Meta:
        model = CloseOutEvaluation
        fields = [
            "engagement",
            "attainment",
            "mean_attainment",
            "sessions_held",
            "minutes_used",
            "satisfaction",
            "coach_reflection",
            "coachee_submitted_at",
            "answers",
            "follow_up_due_on",
            "follow_up_completed_at",
            "created_at",
        ]

    def to_representation(self, instance: CloseOutEvaluation) -> dict[str, Any]:
        data = super().to_representation(instance)
        if not rules.can_see_reflection(self.context["role"]):
            data.pop("coach_reflection")
        return data


class CloseOutInput(serializers.Serializer):
    reflection = serializers.CharField(
        max_length=4000, required=False, allow_blank=True, default=""
    )


class SurveyInput(serializers.Serializer):
    satisfaction = serializers.IntegerField(min_value=1, max_value=5, required=False)
    answers = serializers.DictField(
        child=serializers.CharField(allow_blank=True, max_length=4000),
        help_text="Question key to answer: a rating 1-5 or text; any may be left out.",
    )


class ManagedEngagementOut(serializers.Serializer):
    """What a program manager sees: status and counts, never content."""

    id = serializers.IntegerField()
    coach = PersonSerializer()
    coachee = PersonSerializer()
    status = serializers.CharField()
    agreement_version = serializers.IntegerField(source="agreement_number", allow_null=True)
    sessions_held = serializers.IntegerField(source="held_count")
    sessions_agreed = serializers.IntegerField(source="session_count")
    hours_used = serializers.DecimalField(max_digits=8, decimal_places=2)
    hours_agreed = serializers.DecimalField(max_digits=8, decimal_places=2, allow_null=True)
    stalled = serializers.BooleanField(source="is_stalled")

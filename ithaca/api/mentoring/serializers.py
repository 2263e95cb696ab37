"""Input and output serializers for the mentoring endpoints. None writes rows: views call
services. Names start with "Mentoring" so the schema's components never collide."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext
from rest_framework import serializers

from ithaca.accounts.models import User
from ithaca.api.serializers import PersonSerializer, datetime_json, person_json
from ithaca.mentoring.models import (
    AgendaTopic,
    Closing,
    Decision,
    Goal,
    GoalNote,
    Introduction,
    JournalEntry,
    Meeting,
    MeetingNote,
    MentoringEvent,
    MutualInterest,
    Review,
    TrainingAttempt,
    TrainingModule,
)


class MentoringTopicSerializer(serializers.ModelSerializer):
    added_by = PersonSerializer(read_only=True)

    class Meta:
        model = AgendaTopic
        fields = [
            "id",
            "title",
            "detail",
            "status",
            "position",
            "added_by",
            "created_at",
            "closed_at",
        ]


def topic_json(topic: AgendaTopic) -> dict[str, Any]:
    """MentoringTopicSerializer's output for one topic whose `added_by` is loaded, without
    building the serializer's fields (most of an agenda write's time; a test holds the
    two equal)."""
    return {
        "id": topic.pk,
        "title": topic.title,
        "detail": topic.detail,
        "status": str(topic.status),
        "position": topic.position,
        "added_by": person_json(topic.added_by),
        "created_at": datetime_json(topic.created_at),
        "closed_at": datetime_json(topic.closed_at),
    }


class MentoringTopicInput(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    detail = serializers.CharField(max_length=2000, required=False, allow_blank=True)


class MentoringAgendaOrderInput(serializers.Serializer):
    topics = serializers.ListField(
        child=serializers.IntegerField(), help_text="Every open topic's id, in the new order."
    )


class MentoringNoteSerializer(serializers.ModelSerializer):
    author = PersonSerializer(read_only=True)

    class Meta:
        model = MeetingNote
        fields = ["id", "meeting", "author", "body", "created_at", "updated_at"]


class MentoringNoteInput(serializers.Serializer):
    body = serializers.CharField(max_length=5000)


class MentoringMeetingSerializer(serializers.ModelSerializer):
    proposed_by = PersonSerializer(read_only=True)
    responded_by = PersonSerializer(read_only=True)
    topics: serializers.PrimaryKeyRelatedField = serializers.PrimaryKeyRelatedField(
        many=True, read_only=True
    )
    notes = MentoringNoteSerializer(many=True, read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "relationship",
            "starts_at",
            "ends_at",
            "location",
            "status",
            "proposed_by",
            "responded_by",
            "responded_at",
            "topics",
            "sequence",
            "notes",
        ]


class MentoringMeetingInput(serializers.Serializer):
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    location = serializers.CharField(max_length=300, allow_blank=True)
    topics = serializers.ListField(child=serializers.IntegerField(), required=False, default=list)


class MentoringMeetingLogInput(MentoringMeetingInput):
    location = serializers.CharField(max_length=300, allow_blank=True, required=False, default="")
    note = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="")


class MentoringJournalEntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = JournalEntry
        fields = ["id", "body", "created_at", "updated_at"]


class MentoringJournalInput(serializers.Serializer):
    body = serializers.CharField(max_length=10000)


class MentoringGoalNoteSerializer(serializers.ModelSerializer):
    author = PersonSerializer(read_only=True)

    class Meta:
        model = GoalNote
        fields = ["id", "author", "body", "created_at"]


class MentoringGoalSerializer(serializers.ModelSerializer):
    created_by = PersonSerializer(read_only=True)
    notes = MentoringGoalNoteSerializer(many=True, read_only=True)

    class Meta:
        model = Goal
        fields = ["id", "area", "title", "status", "created_by", "created_at", "notes"]


class MentoringGoalInput(serializers.Serializer):
    area = serializers.ChoiceField(choices=Goal.Area.choices)
    title = serializers.CharField(max_length=200)


class MentoringGoalStatusInput(serializers.Serializer):
    status = serializers.ChoiceField(choices=Goal.Status.choices)


class MentoringIntroductionSerializer(serializers.ModelSerializer):
    introduced_by = PersonSerializer(read_only=True)
    person = PersonSerializer(read_only=True)
    contact = PersonSerializer(read_only=True)

    class Meta:
        model = Introduction
        fields = [
            "id",
            "introduced_by",
            "person",
            "contact",
            "reason",
            "status",
            "created_at",
            "responded_at",
        ]


class MentoringIntroductionInput(serializers.Serializer):
    contact = serializers.EmailField(help_text="The e-mail address of the third person.")
    reason = serializers.CharField(max_length=2000)

    def validate_contact(self, value: str) -> User:
        person = User.objects.filter(email__iexact=value.strip(), is_active=True).first()
        if person is None:
            raise serializers.ValidationError(
                gettext("Nobody with that e-mail address uses Ithaca.")
            )
        return person


class MentoringReviewSerializer(serializers.Serializer):
    """Your own answer only; the other person's stays theirs until both have answered."""

    period = serializers.IntegerField()
    due_at = serializers.DateTimeField()
    your_decision = serializers.CharField(allow_blank=True)
    other_has_answered = serializers.BooleanField()
    outcome = serializers.CharField(allow_blank=True)
    resolved_at = serializers.DateTimeField(allow_null=True)

    @staticmethod
    def of(review: Review, side: str) -> dict[str, Any]:
        other = "mentee" if side == "mentor" else "mentor"
        return {
            "period": review.period,
            "due_at": review.due_at,
            "your_decision": review.decision_of(side),
            "other_has_answered": bool(review.decision_of(other)),
            "outcome": review.outcome,
            "resolved_at": review.resolved_at,
        }


class MentoringReviewInput(serializers.Serializer):
    decision = serializers.ChoiceField(choices=Decision.choices)


class MentoringClosingInput(serializers.Serializer):
    reflection = serializers.CharField(max_length=3000)
    shared = serializers.BooleanField(default=False)
    growth = serializers.IntegerField(min_value=1, max_value=5)
    career_clarity = serializers.IntegerField(min_value=1, max_value=5)
    belonging = serializers.IntegerField(min_value=1, max_value=5)
    would_recommend = serializers.BooleanField()


class MentoringCloseInput(MentoringClosingInput):
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class MentoringClosingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Closing
        fields = [
            "side",
            "reflection",
            "shared",
            "growth",
            "career_clarity",
            "belonging",
            "would_recommend",
            "created_at",
        ]


class MentoringWorkspaceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    program = serializers.CharField()
    mode = serializers.CharField()
    status = serializers.CharField()
    side = serializers.ChoiceField(choices=["mentor", "mentee"])
    mentor = PersonSerializer()
    mentee = PersonSerializer()
    owns_agenda = serializers.BooleanField()
    days_since_contact = serializers.IntegerField(allow_null=True)
    health = serializers.CharField(allow_blank=True)
    review_waiting = serializers.BooleanField()


class MentoringHealthCountsSerializer(serializers.Serializer):
    states = serializers.DictField(child=serializers.IntegerField())
    health = serializers.DictField(child=serializers.IntegerField())
    green_below_days = serializers.IntegerField()
    red_from_days = serializers.IntegerField()


class MentoringHealthRowSerializer(serializers.Serializer):
    """Names, state and health only: never content."""

    id = serializers.IntegerField()
    mentor = PersonSerializer()
    mentee = PersonSerializer()
    status = serializers.CharField()
    last_contact = serializers.DateTimeField()
    health = serializers.CharField(allow_blank=True)


class MentoringEventSerializer(serializers.ModelSerializer):
    program: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    places_taken = serializers.IntegerField(source="signup_count", read_only=True)

    class Meta:
        model = MentoringEvent
        fields = [
            "id",
            "program",
            "kind",
            "title",
            "description",
            "starts_at",
            "ends_at",
            "capacity",
            "location",
            "places_taken",
        ]


class MentoringEventInput(serializers.Serializer):
    program = serializers.SlugField()
    kind = serializers.ChoiceField(choices=MentoringEvent.Kind.choices)
    title = serializers.CharField(max_length=160)
    description = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    capacity = serializers.IntegerField(min_value=2, max_value=500)
    location = serializers.CharField(max_length=300, required=False, allow_blank=True)


class MentoringMarkInput(serializers.Serializer):
    person = serializers.IntegerField(
        help_text="The id of an attendee you'd like to continue with."
    )


class MentoringOfferSerializer(serializers.ModelSerializer):
    """Shown only to the two people, and only once both have marked each other."""

    first = PersonSerializer(read_only=True)
    second = PersonSerializer(read_only=True)

    class Meta:
        model = MutualInterest
        fields = ["id", "first", "second", "relationship", "refused_reason", "created_at"]


class MentoringModuleSerializer(serializers.ModelSerializer):
    passed = serializers.BooleanField(read_only=True)

    class Meta:
        model = TrainingModule
        fields = ["slug", "position", "title", "summary", "pass_mark", "passed"]

    def to_representation(self, instance: TrainingModule) -> dict[str, Any]:
        data = super().to_representation(instance)
        # Ithaca's own text in the reader's language, as on the training pages; a
        # module an organization rewrote stays as written.
        shown = instance.shown
        data["title"], data["summary"] = shown.title, shown.summary
        return data


class MentoringQuestionSerializer(serializers.Serializer):
    prompt = serializers.CharField()
    choices = serializers.ListField(child=serializers.CharField())


class MentoringModuleDetailSerializer(serializers.Serializer):
    """The reading and the questions, without their answers."""

    slug = serializers.CharField()
    title = serializers.CharField()
    body = serializers.CharField()
    pass_mark = serializers.IntegerField()
    questions = MentoringQuestionSerializer(many=True)


class MentoringAttemptInput(serializers.Serializer):
    answers = serializers.ListField(
        child=serializers.IntegerField(min_value=0),
        help_text="For each question in order, the index of the chosen answer.",
    )


class MentoringAttemptSerializer(serializers.ModelSerializer):
    class Meta:
        model = TrainingAttempt
        fields = ["correct", "total", "passed", "created_at"]


class MentoringTrainingProgressSerializer(serializers.Serializer):
    completed = serializers.ListField(child=serializers.CharField())
    remaining = serializers.ListField(child=serializers.CharField())
    complete = serializers.BooleanField()
    waiting_programs = serializers.ListField(child=serializers.CharField())

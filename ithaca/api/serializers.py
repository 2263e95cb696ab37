"""Output serializers for /api/v1. Each endpoint names its own; none writes rows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.utils import timezone
from rest_framework import serializers

from ithaca.accounts.models import Department, Profile, User
from ithaca.coaching.models import CoachingEngagement
from ithaca.mentoring.models import MentoringRelationship
from ithaca.programs.models import Participation, Program


class PersonSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="display_name", read_only=True)

    class Meta:
        model = User
        fields = ["id", "name"]


# The User columns PersonSerializer reads (display_name is the full name, else the e-mail).
PERSON_COLUMNS = ("id", "first_name", "last_name", "email")


class DepartmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Department
        fields = ["id", "name", "slug", "parent"]


class ProfileSerializer(serializers.ModelSerializer):
    department = DepartmentSerializer(read_only=True)
    line_manager = PersonSerializer(read_only=True)

    class Meta:
        model = Profile
        fields = [
            "job_title", "department", "grade", "years_experience", "location", "time_zone",
            "languages", "bio", "expertise", "interests", "line_manager", "interface_language",
        ]  # fmt: skip


class ParticipationSerializer(serializers.ModelSerializer):
    program: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )

    class Meta:
        model = Participation
        fields = ["program", "role", "state", "capacity"]


class MeSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="display_name", read_only=True)
    profile = ProfileSerializer(read_only=True)
    participations = ParticipationSerializer(many=True, read_only=True)
    managed_programs: serializers.Field = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True
    )

    class Meta:
        model = User
        fields = ["id", "email", "name", "profile", "participations", "managed_programs"]


class ProgramSerializer(serializers.ModelSerializer):
    class Meta:
        model = Program
        fields = [
            "slug", "name", "kind", "mode", "description", "enrolment_open", "requires_training",
            "review_period_days", "session_count", "session_cadence_days", "session_length_minutes",
            "enrolment_questions",
        ]  # fmt: skip


class RelationshipSerializer(serializers.ModelSerializer):
    program: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    mentor = PersonSerializer(read_only=True)
    mentee = PersonSerializer(read_only=True)

    class Meta:
        model = MentoringRelationship
        fields = [
            "id", "program", "mentor", "mentee", "status", "helper_accepted_at",
            "seeker_accepted_at", "started_at", "ended_at", "created_at",
        ]  # fmt: skip


# Lists render RelationshipSerializer's JSON from `.values()` rows (`relationship_rows`):
# building model instances (program, mentor and mentee joined) and running the
# serializer's fields were most of the relationships list's time. A test holds the
# two outputs equal.
_DATETIME = serializers.DateTimeField()
_RELATIONSHIP_DATES = RelationshipSerializer.Meta.fields[5:]
RELATIONSHIP_VALUES = (
    "id", "program__slug", "status", *_RELATIONSHIP_DATES,
    *(f"{relation}__{column}" for relation in ("mentor", "mentee") for column in PERSON_COLUMNS),
)  # fmt: skip


def datetime_json(value: Any, field: serializers.DateTimeField = _DATETIME) -> Any:
    """A date and time as DRF's DateTimeField writes it (None stays None)."""
    return field.to_representation(value) if value else None


def datetime_field() -> serializers.DateTimeField:
    """DRF's DateTimeField with the current time zone read once, for many values:
    the plain field reads it again for each value (3 to 4 µs each)."""
    if not settings.USE_TZ:
        return _DATETIME
    return serializers.DateTimeField(default_timezone=timezone.get_current_timezone())


def person_json(user: User) -> dict[str, Any]:
    """PersonSerializer's output for a loaded person."""
    return {"id": user.pk, "name": user.display_name}


def person_row(row: dict[str, Any], relation: str) -> dict[str, Any]:
    """PersonSerializer's output from a `.values()` row with `person_columns(relation)`."""
    pk = row[f"{relation}__id"]
    first, last, email = (row[f"{relation}__{c}"] for c in PERSON_COLUMNS[1:])
    return {"id": pk, "name": User.display_name_of(pk, first, last, email)}


def relationship_rows(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """RelationshipSerializer's output for `.values(*RELATIONSHIP_VALUES)` rows."""
    dates = _RELATIONSHIP_DATES
    field = datetime_field()
    return [
        {
            "id": row["id"],
            "program": row["program__slug"],
            "mentor": person_row(row, "mentor"),
            "mentee": person_row(row, "mentee"),
            "status": row["status"],
            **{date: datetime_json(row[date], field) for date in dates},
        }
        for row in rows
    ]


class EngagementSerializer(serializers.ModelSerializer):
    program: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    coach = PersonSerializer(read_only=True)
    coachee = PersonSerializer(read_only=True)
    sponsor = PersonSerializer(read_only=True, allow_null=True)

    class Meta:
        model = CoachingEngagement
        fields = [
            "id", "program", "coach", "coachee", "sponsor", "status", "session_count",
            "session_cadence_days", "helper_accepted_at", "seeker_accepted_at", "started_at",
            "ended_at", "created_at",
        ]  # fmt: skip


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class ErrorDetailSerializer(serializers.Serializer):
    """The error body; built in get_fields because a "fields" attribute would shadow DRF's."""

    def get_fields(self) -> dict[str, serializers.Field]:
        return {
            "status": serializers.IntegerField(),
            "code": serializers.CharField(),
            "message": serializers.CharField(),
            "fields": serializers.DictField(
                child=serializers.ListField(child=serializers.CharField()), required=False
            ),
        }


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()

"""Output serializers for /api/v1. Each endpoint names its own; none writes rows."""

from __future__ import annotations

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


def person_columns(*relations: str) -> list[str]:
    """`.only()` arguments that load just what PersonSerializer reads of each relation."""
    return [f"{relation}__{column}" for relation in relations for column in PERSON_COLUMNS]


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


# What RelationshipSerializer reads, for `.only()` on lists: joining three whole rows
# (program, mentor, mentee) made SQL compilation and model construction most of the
# list's time, far more than the database's.
RELATIONSHIP_COLUMNS = [
    *RelationshipSerializer.Meta.fields[:1],
    *RelationshipSerializer.Meta.fields[4:],
    "program", "program__slug", "mentor", "mentee", *person_columns("mentor", "mentee"),
]  # fmt: skip


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

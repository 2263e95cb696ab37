"""Input and output serializers of the console endpoints (ithaca/api/console.py)."""

from __future__ import annotations

import base64
from typing import Any

from django.utils.translation import gettext
from rest_framework import serializers

from ithaca.accounts.importing.problems import phase_text, shown_problems
from ithaca.accounts.models import PeopleImport, User
from ithaca.console.selectors import stage_of
from ithaca.console.stages import Stage
from ithaca.programs import bounds
from ithaca.programs.models import Participation, Program, shown_choices
from ithaca.programs.modes import ALL_MODES, KINDS

RULES = [
    "description", "requires_training", "review_period_days", "session_count",
    "session_cadence_days", "session_length_minutes", "nudge_after_days",
    "request_expiry_days", "independence_depth",
]  # fmt: skip


class ConsolePersonSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="display_name", read_only=True)

    class Meta:
        model = User
        fields = ["id", "name", "email"]


class ConsoleProgramSerializer(serializers.ModelSerializer):
    """A program with every rule a manager may set."""

    class Meta:
        model = Program
        fields = ["slug", "name", "kind", "mode", "enrolment_open", *RULES, "enrolment_questions"]


class ProgramSummarySerializer(ConsoleProgramSerializer):
    pending_count = serializers.IntegerField(read_only=True)
    active_count = serializers.IntegerField(read_only=True)

    class Meta(ConsoleProgramSerializer.Meta):
        fields = [*ConsoleProgramSerializer.Meta.fields, "pending_count", "active_count"]


class _RulesInput(serializers.ModelSerializer):
    """The program's own field rules (lengths, positives); never saved by DRF."""

    mode = serializers.ChoiceField(choices=shown_choices(ALL_MODES))
    enrolment_questions = serializers.ListField(
        child=serializers.CharField(max_length=300), max_length=5, required=False,
        help_text="Questions every applicant answers.",
    )  # fmt: skip

    class Meta:
        model = Program
        fields = ["name", "mode", *RULES, "enrolment_questions"]


class ProgramCreateInput(_RulesInput):
    slug = serializers.SlugField(max_length=80, required=False, help_text="Made from the name.")
    kind = serializers.ChoiceField(choices=shown_choices(KINDS))
    enrolment_open = serializers.BooleanField(default=True)

    class Meta(_RulesInput.Meta):
        fields = ["name", "slug", "kind", *_RulesInput.Meta.fields[1:], "enrolment_open"]
        # The service says "address taken" with the one error shape; no DRF validator.
        extra_kwargs: dict[str, dict[str, Any]] = {"slug": {"validators": []}}


class ProgramUpdateInput(_RulesInput):
    """Any subset of the editable fields; kind and address never change."""

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        for field in fields.values():
            field.required = False
        return fields


class EnrolmentInput(serializers.Serializer):
    open = serializers.BooleanField(help_text="true opens enrolment, false closes it.")


class ParticipantSerializer(serializers.ModelSerializer):
    person = ConsolePersonSerializer(source="user", read_only=True)
    stage = serializers.SerializerMethodField()
    capacity_used = serializers.SerializerMethodField()

    class Meta:
        model = Participation
        fields = ["id", "person", "role", "state", "stage", "capacity", "capacity_used",
                  "created_at"]  # fmt: skip

    def get_stage(self, obj: Any) -> str:
        return str(stage_of(obj).value)

    def get_capacity_used(self, obj: Any) -> int | None:
        return obj.n_active + obj.n_proposed if obj.role in Participation.HELPER_ROLES else None


class ApplicationSerializer(serializers.ModelSerializer):
    person = ConsolePersonSerializer(source="user", read_only=True)
    application_note = serializers.CharField(
        source="application_note_text",
        read_only=True,
        help_text="The applicant's note (one Ithaca wrote is in the reader's language).",
    )

    class Meta:
        model = Participation
        fields = ["id", "person", "role", "state", "application_note", "application_answers",
                  "created_at"]  # fmt: skip


class InviteInput(serializers.Serializer):
    email = serializers.EmailField()
    role = serializers.ChoiceField(choices=Participation.Role.choices)
    first_name = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    last_name = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")
    capacity = serializers.IntegerField(
        min_value=bounds.CAPACITY.low, max_value=bounds.CAPACITY.high, required=False
    )


class StageQuery(serializers.Serializer):
    stage = serializers.ChoiceField(choices=[s.value for s in Stage], required=False)
    role = serializers.ChoiceField(choices=Participation.Role.choices, required=False)


class ImportUploadInput(serializers.Serializer):
    """A multipart `file`, or JSON with `filename` and `content` (CSV text, or base64 XLSX)."""

    file = serializers.FileField(required=False)
    filename = serializers.CharField(max_length=255, required=False)
    content = serializers.CharField(required=False, trim_whitespace=False)
    content_base64 = serializers.BooleanField(
        default=False, help_text="true when content is a base64-encoded XLSX file."
    )

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        if data.get("file") is not None:
            upload = data["file"]
            return {"filename": upload.name, "data": upload.read()}
        if not data.get("filename") or "content" not in data:
            raise serializers.ValidationError(
                gettext("Send a file, or a filename with its content.")
            )
        if not data["content_base64"]:
            return {"filename": data["filename"], "data": data["content"].encode("utf-8")}
        try:
            raw = base64.b64decode(data["content"], validate=True)
        except ValueError:
            raise serializers.ValidationError(
                {"content": [gettext("This is not base64.")]}
            ) from None
        return {"filename": data["filename"], "data": raw}


class PeopleImportSerializer(serializers.ModelSerializer):
    """An import's progress and its dry-run (or real-run) report."""

    percent = serializers.IntegerField(read_only=True)
    can_run = serializers.BooleanField(read_only=True)

    class Meta:
        model = PeopleImport
        fields = [
            "id", "filename", "kind", "step", "status", "total_rows", "processed_rows",
            "percent", "phase", "can_run", "report", "created_at", "started_at", "finished_at",
        ]  # fmt: skip

    def to_representation(self, instance: PeopleImport) -> dict[str, Any]:
        data = super().to_representation(instance)
        # The phase and each problem's column and message in the reader's language;
        # a problem's "code", "field" and "params" stay as stored for programs.
        data["phase"] = phase_text(instance.phase)
        if isinstance(data.get("report"), dict) and data["report"].get("problems"):
            data["report"] = {
                **data["report"],
                "problems": shown_problems(data["report"]["problems"]),
            }
        return data

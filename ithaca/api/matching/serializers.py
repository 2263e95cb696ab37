"""Input and output serializers for the matching API; each endpoint names its own."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from ithaca.api.serializers import PersonSerializer
from ithaca.matching.explain import localized_breakdown
from ithaca.matching.models import FitCheck, MatchingRound, RoundPair, RoundUnmatched
from ithaca.matching.phrases import unmatched_explanation
from ithaca.matching.services.proposals import NOTE_LIMIT

# "label" and "source" are also attributes of every DRF Field, hence the ignores below.


class FactorSerializer(serializers.Serializer):
    factor = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    level = serializers.ChoiceField(choices=["must", "high", "medium", "low", "off"])
    value = serializers.FloatField(help_text="How well the pair meets the factor, 0 to 1.")
    points = serializers.FloatField(help_text="What it adds to the score out of 100.")
    applicable = serializers.BooleanField()
    explanation = serializers.CharField()


class RuleSerializer(serializers.Serializer):
    rule = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    passed = serializers.BooleanField()
    explanation = serializers.CharField()


class BreakdownSerializer(serializers.Serializer):
    """Why a pair scores what it does: each factor's part and each hard rule checked."""

    score = serializers.FloatField()
    factors = FactorSerializer(many=True)
    rules = RuleSerializer(many=True)
    excluded_by = serializers.ListField(child=serializers.CharField())

    def to_representation(self, instance: Any) -> Any:
        # Breakdowns are stored in English with each sentence's template and values;
        # the labels and explanations are rendered again in the reader's language, as
        # on the pages. Keys, levels, numbers and codes stay as they are.
        # Written out here rather than field by field: DRF's nested serializers spent
        # about half a millisecond on each breakdown, and a page of candidates has 25.
        # The same keys, in the same order and of the same types as the fields above
        # (which the schema documents); a missing key is an error, as it was.
        b = localized_breakdown(instance)
        return {
            "score": _float(b["score"]),
            "factors": [
                {
                    "factor": _text(f["factor"]),
                    "label": _text(f["label"]),
                    "level": f["level"],
                    "value": _float(f["value"]),
                    "points": _float(f["points"]),
                    "applicable": _bool(f["applicable"]),
                    "explanation": _text(f["explanation"]),
                }
                for f in b["factors"]
            ],
            "rules": [
                {
                    "rule": _text(r["rule"]),
                    "label": _text(r["label"]),
                    "passed": _bool(r["passed"]),
                    "explanation": _text(r["explanation"]),
                }
                for r in b["rules"]
            ],
            "excluded_by": [_text(code) for code in b["excluded_by"]],
        }


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _bool(value: Any) -> bool | None:
    """As serializers.BooleanField writes it."""
    if value is None:
        return None
    if value in serializers.BooleanField.TRUE_VALUES:
        return True
    if value in serializers.BooleanField.FALSE_VALUES:
        return False
    return bool(value)


class RankedSerializer(serializers.Serializer):
    person = PersonSerializer()
    score = serializers.FloatField()
    breakdown = BreakdownSerializer()


class CandidateFilters(serializers.Serializer):
    outside_department = serializers.BooleanField(required=False, default=False)
    language = serializers.CharField(required=False, allow_blank=True, max_length=16)
    min_score = serializers.FloatField(required=False, min_value=0, max_value=100, default=0)


class ProposalSerializer(serializers.Serializer):
    """A proposal the matching app made, from either side."""

    kind = serializers.ChoiceField(choices=["mentoring", "coaching"])
    id = serializers.IntegerField()
    program = serializers.CharField(help_text="The program's slug.")
    helper = PersonSerializer()
    seeker = PersonSerializer()
    status = serializers.CharField()
    created_at = serializers.DateTimeField()
    note = serializers.CharField(
        allow_blank=True, help_text="The personal note sent with the request or offer, if any."
    )


def _note_field() -> serializers.CharField:
    # Checked by the service (as for the web form): at most NOTE_LIMIT characters once
    # trimmed, else a 400 with the error on `note`.
    return serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        trim_whitespace=False,
        help_text=f"An optional note for the other person, {NOTE_LIMIT} characters at most.",
    )


class RequestInput(serializers.Serializer):
    helper = serializers.IntegerField(help_text="The id of the mentor or coach you ask.")
    note = _note_field()


class OfferInput(serializers.Serializer):
    seeker = serializers.IntegerField(help_text="The id of the person you offer to help.")
    note = _note_field()


class RoundInput(serializers.Serializer):
    objective = serializers.ChoiceField(
        choices=MatchingRound.Objective.choices, default=MatchingRound.Objective.FIT
    )


class RoundSerializer(serializers.ModelSerializer):
    program = serializers.CharField(source="program.slug", read_only=True)
    created_by = PersonSerializer(read_only=True, allow_null=True)
    summary = serializers.DictField(read_only=True)

    class Meta:
        model = MatchingRound
        fields = [
            "id",
            "program",
            "objective",
            "status",
            "phase",
            "progress",
            "cancel_requested",
            "summary",
            "error",
            "created_by",
            "created_at",
            "started_at",
            "finished_at",
            "published_at",
        ]


class RoundPairSerializer(serializers.ModelSerializer):
    seeker = PersonSerializer(read_only=True)
    helper = PersonSerializer(read_only=True)
    breakdown = BreakdownSerializer(read_only=True)
    warnings = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text="Factors weighed high or required that this pair scores 0 on, in words.",
    )

    class Meta:
        model = RoundPair
        fields = [
            "id",
            "seeker",
            "helper",
            "score",
            "breakdown",
            "warnings",
            "source",
            "removed",
            "relationship_id",
            "publish_error",
        ]


class PairInput(serializers.Serializer):
    seeker = serializers.IntegerField()
    helper = serializers.IntegerField()


class UnmatchedSerializer(serializers.ModelSerializer):
    seeker = PersonSerializer(read_only=True)

    class Meta:
        model = RoundUnmatched
        fields = ["seeker", "reason", "explanation"]

    def to_representation(self, instance: RoundUnmatched) -> Any:
        data = super().to_representation(instance)
        # `reason` is the code; the explanation is read in the reader's language.
        data["explanation"] = unmatched_explanation(instance.reason, instance.explanation)
        return data


class ExplanationSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["mentoring", "coaching"])
    relationship = serializers.IntegerField()
    program = serializers.CharField()
    helper = PersonSerializer()
    seeker = PersonSerializer()
    status = serializers.CharField()
    source = serializers.CharField(  # type: ignore[assignment]
        allow_null=True, help_text="request, offer or round; null if made outside matching."
    )
    computed_now = serializers.BooleanField(
        help_text="True when the pair was proposed outside matching and explained now."
    )
    note = serializers.CharField(
        allow_blank=True,
        help_text="The proposer's personal note; shown to the pair only, empty for managers.",
    )
    breakdown = BreakdownSerializer(allow_null=True)


class FitCheckInput(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=2000, default="")


class FitCheckSerializer(serializers.ModelSerializer):
    requested_by = PersonSerializer(read_only=True)

    class Meta:
        model = FitCheck
        fields = ["id", "kind", "relationship_id", "requested_by", "reason", "created_at"]

"""Input and output serializers of the analytics endpoints."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext
from rest_framework import serializers

from ithaca.analytics.models import MeetingRating, Report, SurveyInvitation
from ithaca.analytics.models import SurveyResponse as Answers


class AnalyticsCellSerializer(serializers.Serializer):
    value = serializers.FloatField(allow_null=True, help_text="Null when hidden.")
    hidden = serializers.BooleanField(help_text="Built from fewer than 5 people.")
    text = serializers.CharField(help_text='As shown on the page, e.g. "fewer than 5 people".')


class AnalyticsRowSerializer(serializers.Serializer):
    """Built in get_fields because a "label" attribute would shadow Field.label."""

    def get_fields(self) -> dict[str, serializers.Field]:
        return {"label": serializers.CharField(), "cells": AnalyticsCellSerializer(many=True)}


class AnalyticsFigureSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    explanation = serializers.CharField()
    columns = serializers.ListField(child=serializers.CharField())
    rows = AnalyticsRowSerializer(many=True)
    hidden_cells = serializers.IntegerField()
    notes = serializers.ListField(child=serializers.CharField())
    empty_text = serializers.CharField()


class AnalyticsFiguresSerializer(serializers.Serializer):
    program = serializers.CharField(allow_null=True, help_text="The program's slug; null: org.")
    start = serializers.DateField()
    end = serializers.DateField()
    computed_at = serializers.DateTimeField()
    k = serializers.IntegerField(help_text="Cells built from fewer people than this are hidden.")
    figures = AnalyticsFigureSerializer(many=True)


class AnalyticsInvitationSerializer(serializers.ModelSerializer):
    program: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )

    class Meta:
        model = SurveyInvitation
        fields = ["id", "program", "kind", "relationship_id", "sequence", "due_at", "answered_at"]


class AnalyticsAnswerInput(serializers.Serializer):
    """The four pulse questions, each 1 (not at all) to 5 (very much)."""

    def get_fields(self) -> dict[str, serializers.Field]:
        fields: dict[str, serializers.Field] = {
            name: serializers.IntegerField(min_value=1, max_value=5, help_text=prompt)
            for name, prompt in Answers.QUESTIONS
        }
        fields["comment"] = serializers.CharField(required=False, allow_blank=True, max_length=2000)
        return fields


class AnalyticsRatingSerializer(serializers.ModelSerializer):
    program: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )

    class Meta:
        model = MeetingRating
        fields = ["id", "program", "kind", "relationship_id", "meeting_id", "held_at", "rating"]


class AnalyticsRatingInput(serializers.Serializer):
    rating = serializers.IntegerField(min_value=1, max_value=5)


class AnalyticsReportInput(serializers.Serializer):
    program = serializers.SlugField(
        required=False, allow_null=True, help_text="Leave out for the whole organization (staff)."
    )
    start = serializers.DateField()
    end = serializers.DateField()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["start"] > attrs["end"]:
            raise serializers.ValidationError(
                {"end": [gettext("The end must not be before the start.")]}
            )
        return attrs


class AnalyticsReportSerializer(serializers.ModelSerializer):
    # null for an organization-wide report
    program: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, allow_null=True
    )
    downloads = serializers.SerializerMethodField()

    class Meta:
        model = Report
        fields = ["id", "program", "start", "end", "status", "created_at", "finished_at",
                  "downloads"]  # fmt: skip

    def get_downloads(self, report: Report) -> dict[str, str]:
        if report.status != Report.Status.DONE:
            return {}
        base = f"/api/v1/analytics/reports/{report.pk}/download/"
        return {"pdf": f"{base}?file=pdf", "html": f"{base}?file=html"}

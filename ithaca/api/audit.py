"""The audit log, read through the API: staff read all of it, program managers their
programs' events (the audit app's access helper decides). Read only, like the page."""

from __future__ import annotations

from typing import Any

from django.urls import URLPattern, path
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from ithaca.accounts.http import current_user
from ithaca.api.serializers import ErrorSerializer, PersonSerializer
from ithaca.audit.access import visible_events
from ithaca.audit.models import Action, AuditEvent
from ithaca.audit.selectors import search_events

ERRORS = {code: ErrorSerializer for code in (400, 401, 403)}
TAGS = ["audit"]


class AuditEventSerializer(serializers.ModelSerializer):
    actor = PersonSerializer(read_only=True, allow_null=True)
    subject = PersonSerializer(read_only=True, allow_null=True)
    action_label = serializers.CharField(source="get_action_display", read_only=True)
    summary = serializers.CharField(
        source="shown_summary",
        read_only=True,
        help_text="What happened, in the reader's language (older events: in English).",
    )
    code = serializers.CharField(
        read_only=True, help_text="What happened, as a code (empty for older events)."
    )

    class Meta:
        model = AuditEvent
        fields = [
            "id", "created_at", "action", "action_label", "code", "summary", "actor",
            "subject", "object_type", "object_id", "program_id", "ip",
        ]  # fmt: skip


class AuditQuerySerializer(serializers.Serializer):
    person = serializers.CharField(required=False, allow_blank=True, max_length=120)
    action = serializers.ChoiceField(choices=Action.choices, required=False, allow_blank=True)
    object = serializers.CharField(required=False, allow_blank=True, max_length=120)
    date_from = serializers.DateField(required=False)
    date_to = serializers.DateField(required=False)


class AuditEventListView(generics.ListAPIView):
    """Audit events, newest first, narrowed like the audit page's search."""

    serializer_class = AuditEventSerializer

    @extend_schema(
        parameters=[AuditQuerySerializer],
        responses={200: AuditEventSerializer(many=True), **ERRORS},
        tags=TAGS,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        events = visible_events(current_user(self.request))
        terms = AuditQuerySerializer(data=self.request.query_params)
        terms.is_valid(raise_exception=True)
        return search_events(events, terms.validated_data)


urlpatterns: list[URLPattern] = [
    path("audit/", AuditEventListView.as_view(), name="api-audit"),
]

"""Workspace endpoints: agenda, meetings, shared notes and the author's own journal.

Every object is fetched through ithaca.mentoring.access, starting from the
person's workspace, so anyone outside the relationship (program managers and
staff included) gets a 404.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ithaca.accounts.http import current_user
from ithaca.api.mentoring import serializers as io
from ithaca.api.serializers import ErrorSerializer
from ithaca.mentoring import selectors, services
from ithaca.mentoring.access import (
    access_journal_entry,
    access_meeting,
    access_meeting_note,
    access_topic,
    access_workspace,
    journal_of,
)
from ithaca.mentoring.models import AgendaTopic
from ithaca.mentoring.workspace import Workspace

ERRORS = {code: ErrorSerializer for code in (400, 401, 403, 404)}
TAG = ["mentoring workspace"]


def workspace(request: Request, pk: int) -> Workspace:
    ws = access_workspace(current_user(request), pk)
    if not ws.started:
        raise serializers.ValidationError(
            {"non_field_errors": [gettext("The workspace opens once both have accepted.")]}
        )
    return ws


def op_param(name: str, values: list[str]) -> OpenApiParameter:
    return OpenApiParameter(name, OpenApiTypes.STR, OpenApiParameter.PATH, enum=values)


def _unknown(name: str, values: Any) -> serializers.ValidationError:
    return serializers.ValidationError(
        {name: [gettext("Use one of: %(values)s.") % {"values": ", ".join(sorted(values))}]}
    )


class WorkspaceView(APIView):
    """Your side of the relationship, its format, and days since you last met."""

    @extend_schema(responses={200: io.MentoringWorkspaceSerializer, **ERRORS}, tags=TAG)
    def get(self, request: Request, pk: int) -> Response:
        ws = workspace(request, pk)
        rel = ws.relationship
        contact = selectors.contact_of(rel)
        review = selectors.open_review(rel) if ws.active else None
        data = {
            "id": rel.pk,
            "program": rel.program.slug,
            "mode": rel.program.mode,
            "status": rel.status,
            "side": ws.side,
            "mentor": rel.mentor,
            "mentee": rel.mentee,
            "owns_agenda": ws.owns_agenda,
            "days_since_contact": contact.days,
            "health": contact.health,
            "review_waiting": review is not None,
        }
        return Response(io.MentoringWorkspaceSerializer(data).data)


class AgendaView(generics.ListAPIView):
    """The agenda: suggested and open topics in order, then closed ones. POST adds a topic
    (a suggestion when you do not own the agenda)."""

    serializer_class = io.MentoringTopicSerializer

    def get_queryset(self) -> Any:
        ws = workspace(self.request, self.kwargs["pk"])
        return (
            AgendaTopic.objects.filter(ws.space())
            .select_related("added_by")
            .order_by("closed_at", "position", "pk")
        )

    @extend_schema(responses={200: io.MentoringTopicSerializer(many=True), **ERRORS}, tags=TAG)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=io.MentoringTopicInput,
        responses={201: io.MentoringTopicSerializer, **ERRORS},
        tags=TAG,
    )
    def post(self, request: Request, pk: int) -> Response:
        ws = workspace(request, pk)
        data = io.MentoringTopicInput(data=request.data)
        data.is_valid(raise_exception=True)
        topic = services.topic_add(
            relationship=ws.relationship, user=ws.user, **data.validated_data
        )
        return Response(io.topic_json(topic), status=201)


class AgendaOrderView(APIView):
    """The agenda's owner puts the open topics in a new order."""

    @extend_schema(
        request=io.MentoringAgendaOrderInput,
        responses={200: io.MentoringTopicSerializer(many=True), **ERRORS},
        tags=TAG,
    )
    def put(self, request: Request, pk: int) -> Response:
        ws = workspace(request, pk)
        data = io.MentoringAgendaOrderInput(data=request.data)
        data.is_valid(raise_exception=True)
        topics = services.agenda_reorder(
            relationship=ws.relationship, user=ws.user, topic_ids=data.validated_data["topics"]
        )
        return Response(io.MentoringTopicSerializer(topics, many=True).data)


TOPIC_OPS = {
    "accept": services.topic_accept,
    "decline": services.topic_decline,
    "close": services.topic_close,
    "reopen": services.topic_reopen,
}


class TopicActionView(APIView):
    """Accept or decline a suggestion; close or reopen a topic (the agenda's owner)."""

    @extend_schema(
        request=None,
        responses={200: io.MentoringTopicSerializer, **ERRORS},
        parameters=[op_param("op", sorted(TOPIC_OPS))],
        tags=TAG,
        operation_id="mentoring_topic_action",
    )
    def post(self, request: Request, pk: int, topic_pk: int, op: str) -> Response:
        ws = workspace(request, pk)
        topic = access_topic(ws, topic_pk)
        if op not in TOPIC_OPS:
            raise _unknown("op", TOPIC_OPS)
        topic = TOPIC_OPS[op](relationship=ws.relationship, user=ws.user, topic=topic)
        return Response(io.MentoringTopicSerializer(topic).data)


class MeetingListView(generics.ListAPIView):
    """Meetings of the space, newest first, with topics and shared notes. POST proposes one."""

    serializer_class = io.MentoringMeetingSerializer

    def get_queryset(self) -> Any:
        ws = workspace(self.request, self.kwargs["pk"])
        return selectors.meetings_of(ws)

    @extend_schema(responses={200: io.MentoringMeetingSerializer(many=True), **ERRORS}, tags=TAG)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=io.MentoringMeetingInput,
        responses={201: io.MentoringMeetingSerializer, **ERRORS},
        tags=TAG,
    )
    def post(self, request: Request, pk: int) -> Response:
        ws = workspace(request, pk)
        data = io.MentoringMeetingInput(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        meeting = services.meeting_propose(
            relationship=ws.relationship, user=ws.user, topic_ids=fields.pop("topics"), **fields
        )
        return Response(io.MentoringMeetingSerializer(meeting).data, status=201)


class MeetingLogView(APIView):
    """Record a meeting that already happened, with an optional shared note."""

    @extend_schema(
        request=io.MentoringMeetingLogInput,
        responses={201: io.MentoringMeetingSerializer, **ERRORS},
        tags=TAG,
    )
    def post(self, request: Request, pk: int) -> Response:
        ws = workspace(request, pk)
        data = io.MentoringMeetingLogInput(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        meeting = services.meeting_log(
            relationship=ws.relationship, user=ws.user, topic_ids=fields.pop("topics"), **fields
        )
        return Response(io.MentoringMeetingSerializer(meeting).data, status=201)


class MeetingDetailView(APIView):
    @extend_schema(responses={200: io.MentoringMeetingSerializer, **ERRORS}, tags=TAG)
    def get(self, request: Request, pk: int, meeting_pk: int) -> Response:
        meeting = access_meeting(workspace(request, pk), meeting_pk)
        return Response(io.MentoringMeetingSerializer(meeting).data)


class MeetingRescheduleView(APIView):
    """Propose a new time; the meeting keeps its calendar UID, its sequence goes up."""

    @extend_schema(
        request=io.MentoringMeetingInput,
        responses={200: io.MentoringMeetingSerializer, **ERRORS},
        tags=TAG,
    )
    def post(self, request: Request, pk: int, meeting_pk: int) -> Response:
        ws = workspace(request, pk)
        meeting = access_meeting(ws, meeting_pk)
        data = io.MentoringMeetingInput(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        fields.pop("topics")
        meeting = services.meeting_reschedule(
            relationship=ws.relationship, user=ws.user, meeting=meeting, **fields
        )
        return Response(io.MentoringMeetingSerializer(meeting).data)


MEETING_OPS = {
    "accept": services.meeting_accept,
    "decline": services.meeting_decline,
    "cancel": services.meeting_cancel,
}


class MeetingActionView(APIView):
    """The other side accepts or declines a proposal; either side cancels."""

    @extend_schema(
        request=None,
        responses={200: io.MentoringMeetingSerializer, **ERRORS},
        parameters=[op_param("op", sorted(MEETING_OPS))],
        tags=TAG,
        operation_id="mentoring_meeting_action",
    )
    def post(self, request: Request, pk: int, meeting_pk: int, op: str) -> Response:
        ws = workspace(request, pk)
        meeting = access_meeting(ws, meeting_pk)
        if op not in MEETING_OPS:
            raise _unknown("op", MEETING_OPS)
        meeting = MEETING_OPS[op](relationship=ws.relationship, user=ws.user, meeting=meeting)
        return Response(io.MentoringMeetingSerializer(meeting).data)


class NoteListView(generics.ListAPIView):
    """A meeting's shared notes, read by both sides. POST adds one."""

    serializer_class = io.MentoringNoteSerializer

    def get_queryset(self) -> Any:
        ws = workspace(self.request, self.kwargs["pk"])
        meeting = access_meeting(ws, self.kwargs["meeting_pk"])
        return selectors.meeting_notes(ws).filter(meeting=meeting)

    @extend_schema(responses={200: io.MentoringNoteSerializer(many=True), **ERRORS}, tags=TAG)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=io.MentoringNoteInput,
        responses={201: io.MentoringNoteSerializer, **ERRORS},
        tags=TAG,
    )
    def post(self, request: Request, pk: int, meeting_pk: int) -> Response:
        ws = workspace(request, pk)
        meeting = access_meeting(ws, meeting_pk)
        data = io.MentoringNoteInput(data=request.data)
        data.is_valid(raise_exception=True)
        note = services.note_add(
            relationship=ws.relationship, user=ws.user, meeting=meeting, **data.validated_data
        )
        return Response(io.MentoringNoteSerializer(note).data, status=201)


class NoteEditView(APIView):
    """The author changes their note."""

    @extend_schema(
        request=io.MentoringNoteInput,
        responses={200: io.MentoringNoteSerializer, **ERRORS},
        tags=TAG,
    )
    def patch(self, request: Request, pk: int, note_pk: int) -> Response:
        ws = workspace(request, pk)
        note = access_meeting_note(ws, note_pk)
        data = io.MentoringNoteInput(data=request.data)
        data.is_valid(raise_exception=True)
        note = services.note_edit(
            relationship=ws.relationship, user=ws.user, note=note, **data.validated_data
        )
        return Response(io.MentoringNoteSerializer(note).data)


class JournalView(generics.ListAPIView):
    """Your own journal entries in this relationship. Nobody else can list or read them."""

    serializer_class = io.MentoringJournalEntrySerializer

    def get_queryset(self) -> Any:
        return journal_of(workspace(self.request, self.kwargs["pk"]))

    @extend_schema(
        responses={200: io.MentoringJournalEntrySerializer(many=True), **ERRORS}, tags=TAG
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=io.MentoringJournalInput,
        responses={201: io.MentoringJournalEntrySerializer, **ERRORS},
        tags=TAG,
    )
    def post(self, request: Request, pk: int) -> Response:
        ws = workspace(request, pk)
        data = io.MentoringJournalInput(data=request.data)
        data.is_valid(raise_exception=True)
        entry = services.journal_write(
            relationship=ws.relationship, user=ws.user, **data.validated_data
        )
        return Response(io.MentoringJournalEntrySerializer(entry).data, status=201)


class JournalEntryView(APIView):
    """One of your own journal entries: read, change or delete it."""

    @extend_schema(responses={200: io.MentoringJournalEntrySerializer, **ERRORS}, tags=TAG)
    def get(self, request: Request, pk: int, entry_pk: int) -> Response:
        entry = access_journal_entry(workspace(request, pk), entry_pk)
        return Response(io.MentoringJournalEntrySerializer(entry).data)

    @extend_schema(
        request=io.MentoringJournalInput,
        responses={200: io.MentoringJournalEntrySerializer, **ERRORS},
        tags=TAG,
    )
    def patch(self, request: Request, pk: int, entry_pk: int) -> Response:
        ws = workspace(request, pk)
        entry = access_journal_entry(ws, entry_pk)
        data = io.MentoringJournalInput(data=request.data)
        data.is_valid(raise_exception=True)
        entry = services.journal_edit(
            relationship=ws.relationship, user=ws.user, entry=entry, **data.validated_data
        )
        return Response(io.MentoringJournalEntrySerializer(entry).data)

    @extend_schema(request=None, responses={204: None, **ERRORS}, tags=TAG)
    def delete(self, request: Request, pk: int, entry_pk: int) -> Response:
        ws = workspace(request, pk)
        entry = access_journal_entry(ws, entry_pk)
        services.journal_delete(relationship=ws.relationship, user=ws.user, entry=entry)
        return Response(status=204)

"""API endpoints of the program manager console; `urlpatterns` is included by urls.py.

Programs (create, update, enrolment), applications, invitations, the people
import (upload with its dry run, run, progress) and the CSV exports. Every
object comes through ithaca/console/access.py, as on the console pages.
"""

from __future__ import annotations

from typing import Any

from django.http import StreamingHttpResponse
from django.urls import URLPattern, path
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ithaca.accounts.http import current_user
from ithaca.accounts.imports import people_import_start
from ithaca.api import console_serializers as io
from ithaca.api.serializers import ErrorSerializer
from ithaca.console import selectors
from ithaca.console.access import (
    access_application,
    access_console_program,
    access_people_import,
    managed_programs,
    require_console,
    require_importer,
)
from ithaca.console.exports import KINDS, csv_response
from ithaca.console.services import import_run, program_invite
from ithaca.console.stages import Stage
from ithaca.programs import services as program_services
from ithaca.programs.models import Participation

ERRORS = {code: ErrorSerializer for code in (400, 401, 403, 404)}
TAGS = ["console"]
DECISION = OpenApiParameter(
    "decision", OpenApiTypes.STR, OpenApiParameter.PATH, enum=["approve", "decline"]
)
EXPORT_KIND = OpenApiParameter("kind", OpenApiTypes.STR, OpenApiParameter.PATH, enum=list(KINDS))
PROGRAM_FILTER = OpenApiParameter("program", OpenApiTypes.STR, description="One program's slug.")


class ProgramListCreateView(generics.ListAPIView):
    """Programs you manage (staff: all), with pending applications counted; create one."""

    serializer_class = io.ProgramSummarySerializer

    def get_queryset(self) -> Any:
        return selectors.program_summaries(managed_programs(current_user(self.request)))

    @extend_schema(responses={200: io.ProgramSummarySerializer(many=True), **ERRORS}, tags=TAGS)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=io.ProgramCreateInput,
        responses={201: io.ConsoleProgramSerializer, **ERRORS},
        tags=TAGS,
    )
    def post(self, request: Request) -> Response:
        user = current_user(request)
        require_console(user)
        data = io.ProgramCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        program = program_services.program_create(managers=[user], **fields)
        return Response(io.ConsoleProgramSerializer(program).data, status=201)


class ProgramManageView(APIView):
    """One program you manage: read it, or change its name, mode and rules."""

    @extend_schema(responses={200: io.ConsoleProgramSerializer, **ERRORS}, tags=TAGS)
    def get(self, request: Request, slug: str) -> Response:
        program = access_console_program(current_user(request), slug)
        return Response(io.ConsoleProgramSerializer(program).data)

    @extend_schema(
        request=io.ProgramUpdateInput,
        responses={200: io.ConsoleProgramSerializer, **ERRORS},
        tags=TAGS,
    )
    def patch(self, request: Request, slug: str) -> Response:
        program = access_console_program(current_user(request), slug)
        data = io.ProgramUpdateInput(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        program = program_services.program_update(program=program, **data.validated_data)
        return Response(io.ConsoleProgramSerializer(program).data)


class EnrolmentView(APIView):
    """Open or close enrolment."""

    @extend_schema(
        request=io.EnrolmentInput, responses={200: io.ConsoleProgramSerializer, **ERRORS}, tags=TAGS
    )
    def post(self, request: Request, slug: str) -> Response:
        program = access_console_program(current_user(request), slug)
        data = io.EnrolmentInput(data=request.data)
        data.is_valid(raise_exception=True)
        program = program_services.enrolment_set(program=program, open=data.validated_data["open"])
        return Response(io.ConsoleProgramSerializer(program).data)


class ParticipantListView(generics.ListAPIView):
    """Everyone in the program with their stage; filter with ?stage= and ?role=."""

    serializer_class = io.ParticipantSerializer

    @extend_schema(
        parameters=[io.StageQuery],
        responses={200: io.ParticipantSerializer(many=True), **ERRORS},
        tags=TAGS,
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        program = access_console_program(current_user(self.request), self.kwargs["slug"])
        query = io.StageQuery(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        rows = selectors.participants(program).order_by("created_at", "pk")
        if "stage" in query.validated_data:
            rows = rows.filter(selectors.STAGE_FILTERS[Stage(query.validated_data["stage"])])
        if "role" in query.validated_data:
            rows = rows.filter(role=query.validated_data["role"])
        return rows


class ApplicationListView(generics.ListAPIView):
    """Applications waiting for a decision, oldest first."""

    serializer_class = io.ApplicationSerializer

    @extend_schema(responses={200: io.ApplicationSerializer(many=True), **ERRORS}, tags=TAGS)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        program = access_console_program(current_user(self.request), self.kwargs["slug"])
        return (
            Participation.objects.filter(program=program, state=Participation.State.PENDING)
            .select_related("user")
            .order_by("created_at", "pk")
        )


class ApplicationDecideView(APIView):
    """Approve (the person becomes active) or decline; the person is told by e-mail."""

    @extend_schema(
        request=None,
        parameters=[DECISION],
        responses={200: io.ApplicationSerializer, **ERRORS},
        tags=TAGS,
    )
    def post(self, request: Request, slug: str, pk: int, decision: str) -> Response:
        if decision not in {"approve", "decline"}:
            raise serializers.ValidationError({"decision": [gettext("Use approve or decline.")]})
        user = current_user(request)
        program = access_console_program(user, slug)
        participation = program_services.application_decide(
            participation=access_application(user, program, pk), approve=decision == "approve"
        )
        return Response(io.ApplicationSerializer(participation).data)


class InvitationView(APIView):
    """Give someone a role in the program; someone new gets an account and an invitation."""

    @extend_schema(
        request=io.InviteInput, responses={201: io.ApplicationSerializer, **ERRORS}, tags=TAGS
    )
    def post(self, request: Request, slug: str) -> Response:
        user = current_user(request)
        program = access_console_program(user, slug)
        data = io.InviteInput(data=request.data)
        data.is_valid(raise_exception=True)
        participation = program_invite(program=program, invited_by=user, **data.validated_data)
        return Response(io.ApplicationSerializer(participation).data, status=201)


class ImportUploadView(APIView):
    """Upload an HR export; its dry run runs at once (or in the background when large)."""

    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema(
        request={
            "multipart/form-data": io.ImportUploadInput,
            "application/json": io.ImportUploadInput,
        },
        responses={201: io.PeopleImportSerializer, **ERRORS},
        tags=TAGS,
    )
    def post(self, request: Request) -> Response:
        user = current_user(request)
        require_importer(user)
        data = io.ImportUploadInput(data=request.data)
        data.is_valid(raise_exception=True)
        record = people_import_start(created_by=user, **data.validated_data)
        return Response(io.PeopleImportSerializer(record).data, status=201)


class ImportDetailView(APIView):
    """Progress and the report: problems by row and column, and the planned changes."""

    @extend_schema(responses={200: io.PeopleImportSerializer, **ERRORS}, tags=TAGS)
    def get(self, request: Request, pk: int) -> Response:
        record = access_people_import(current_user(request), pk)
        return Response(io.PeopleImportSerializer(record).data)


class ImportRunView(APIView):
    """Import a checked file that has no problems: every row or none."""

    @extend_schema(request=None, responses={200: io.PeopleImportSerializer, **ERRORS}, tags=TAGS)
    def post(self, request: Request, pk: int) -> Response:
        record, _ = import_run(people_import=access_people_import(current_user(request), pk))
        return Response(io.PeopleImportSerializer(record).data)


class ExportView(APIView):
    """A CSV of metadata (never notes) over your programs, or one of them (?program=)."""

    @extend_schema(
        parameters=[EXPORT_KIND, PROGRAM_FILTER],
        responses={(200, "text/csv"): OpenApiTypes.STR, **ERRORS},
        tags=TAGS,
    )
    def get(self, request: Request, kind: str) -> StreamingHttpResponse:
        if kind not in KINDS:
            raise serializers.ValidationError(
                {"kind": [gettext("Use one of %(values)s.") % {"values": ", ".join(KINDS)}]}
            )
        user = current_user(request)
        programs = managed_programs(user)
        slug = request.query_params.get("program")
        if slug:
            programs = programs.filter(pk=access_console_program(user, slug).pk)
        return csv_response(kind, programs, f"{slug or 'ithaca'}-{kind}.csv")


P = "console/programs/<slug:slug>/"
urlpatterns: list[URLPattern] = [
    path("console/programs/", ProgramListCreateView.as_view(), name="api-console-programs"),
    path(P, ProgramManageView.as_view(), name="api-console-program"),
    path(f"{P}enrolment/", EnrolmentView.as_view(), name="api-console-enrolment"),
    path(f"{P}participants/", ParticipantListView.as_view(), name="api-console-participants"),
    path(f"{P}applications/", ApplicationListView.as_view(), name="api-console-applications"),
    path(
        f"{P}applications/<int:pk>/<slug:decision>/",
        ApplicationDecideView.as_view(),
        name="api-console-decide",
    ),
    path(f"{P}invitations/", InvitationView.as_view(), name="api-console-invitations"),
    path("console/imports/", ImportUploadView.as_view(), name="api-console-imports"),
    path("console/imports/<int:pk>/", ImportDetailView.as_view(), name="api-console-import"),
    path("console/imports/<int:pk>/run/", ImportRunView.as_view(), name="api-console-import-run"),
    path("console/exports/<slug:kind>.csv", ExportView.as_view(), name="api-console-export"),
]

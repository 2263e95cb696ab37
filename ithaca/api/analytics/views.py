"""Analytics endpoints: figures, one's own surveys and ratings, reports.

One view per operation; every object comes from ithaca/analytics/access.py. Survey
answers leave only as figures (aggregates of at least five people).
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ithaca.accounts.http import current_user
from ithaca.analytics import access, services, wording
from ithaca.analytics.dashboard import Dashboard, dashboard_for
from ithaca.analytics.figures.privacy import K
from ithaca.analytics.models import Report
from ithaca.analytics.period import Period, parse_period
from ithaca.analytics.selectors.personal import pending_ratings, pending_surveys
from ithaca.api.analytics import serializers as io
from ithaca.api.serializers import ErrorSerializer
from ithaca.programs.models import Program

ERRORS = {code: ErrorSerializer for code in (400, 401, 403, 404)}
TAGS = ["analytics"]
PERIOD = [
    OpenApiParameter("from", OpenApiTypes.DATE, description="First day (default: a year ago)."),
    OpenApiParameter("to", OpenApiTypes.DATE, description="Last day (default: today)."),
]


def _period(request: Request) -> Period:
    period, form = parse_period(request.query_params)
    if form.errors:
        names = {"start": "from", "end": "to"}
        raise serializers.ValidationError(
            {names.get(key, key): [str(e) for e in errors] for key, errors in form.errors.items()}
        )
    return period


def _figures(program: Program | None, board: Dashboard, period: Period) -> dict[str, Any]:
    return {
        "program": program.slug if program else None,
        "start": period.start,
        "end": period.end,
        "computed_at": board.computed_at,
        "k": K,
        "figures": [figure.as_dict() for figure in board.figures],
    }


class OrganizationFiguresView(APIView):
    """Every dashboard figure for the whole organization (staff only)."""

    @extend_schema(
        parameters=PERIOD, responses={200: io.AnalyticsFiguresSerializer, **ERRORS}, tags=TAGS
    )
    def get(self, request: Request) -> Response:
        access.require_org_dashboard(current_user(request))
        period = _period(request)
        return Response(_figures(None, dashboard_for(None, period), period))


class ProgramFiguresView(APIView):
    """Every dashboard figure for one program (its managers and staff)."""

    @extend_schema(
        parameters=PERIOD, responses={200: io.AnalyticsFiguresSerializer, **ERRORS}, tags=TAGS
    )
    def get(self, request: Request, slug: str) -> Response:
        program = access.access_program_dashboard(current_user(request), slug)
        period = _period(request)
        return Response(_figures(program, dashboard_for(program, period), period))


class ProgramSurveyResultsView(APIView):
    """A program's survey results in aggregate (no answer of one person, ever)."""

    @extend_schema(
        parameters=PERIOD, responses={200: io.AnalyticsFigureSerializer, **ERRORS}, tags=TAGS
    )
    def get(self, request: Request, slug: str) -> Response:
        program = access.access_program_dashboard(current_user(request), slug)
        figure = dashboard_for(program, _period(request)).figure("surveys")
        assert figure is not None  # every scope has survey results
        return Response(figure.as_dict())


class MySurveyListView(generics.ListAPIView):
    """Your pulse surveys waiting for an answer."""

    serializer_class = io.AnalyticsInvitationSerializer

    def get_queryset(self) -> Any:
        return pending_surveys(current_user(self.request))

    @extend_schema(
        responses={200: io.AnalyticsInvitationSerializer(many=True), **ERRORS}, tags=TAGS
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class SurveyAnswerView(APIView):
    """Answer one of your pulse surveys, once."""

    @extend_schema(
        request=io.AnalyticsAnswerInput,
        responses={201: io.AnalyticsInvitationSerializer, **ERRORS},
        tags=TAGS,
    )
    def post(self, request: Request, pk: int) -> Response:
        user = current_user(request)
        invitation = access.access_invitation(user, pk)
        data = io.AnalyticsAnswerInput(data=request.data)
        data.is_valid(raise_exception=True)
        answers = dict(data.validated_data)
        comment = str(answers.pop("comment", ""))
        services.survey_answer(invitation=invitation, user=user, answers=answers, comment=comment)
        invitation.refresh_from_db()
        return Response(io.AnalyticsInvitationSerializer(invitation).data, status=201)


class MyRatingListView(generics.ListAPIView):
    """Meetings and sessions of yours waiting for a 1-5 rating."""

    serializer_class = io.AnalyticsRatingSerializer

    def get_queryset(self) -> Any:
        return pending_ratings(current_user(self.request))

    @extend_schema(responses={200: io.AnalyticsRatingSerializer(many=True), **ERRORS}, tags=TAGS)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class RateView(APIView):
    """Rate one meeting or session, once."""

    @extend_schema(
        request=io.AnalyticsRatingInput,
        responses={200: io.AnalyticsRatingSerializer, **ERRORS},
        tags=TAGS,
    )
    def post(self, request: Request, pk: int) -> Response:
        user = current_user(request)
        rating = access.access_rating(user, pk)
        data = io.AnalyticsRatingInput(data=request.data)
        data.is_valid(raise_exception=True)
        rating = services.meeting_rate(
            rating=rating, user=user, value=data.validated_data["rating"]
        )
        return Response(io.AnalyticsRatingSerializer(rating).data)


class ReportListCreateView(generics.ListAPIView):
    """Reports you may see; ask for a new one (prepared in the background)."""

    serializer_class = io.AnalyticsReportSerializer

    def get_queryset(self) -> Any:
        return access.reports_for(current_user(self.request)).defer("html", "pdf")

    @extend_schema(responses={200: io.AnalyticsReportSerializer(many=True), **ERRORS}, tags=TAGS)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request=io.AnalyticsReportInput,
        responses={202: io.AnalyticsReportSerializer, **ERRORS},
        tags=TAGS,
    )
    def post(self, request: Request) -> Response:
        user = current_user(request)
        data = io.AnalyticsReportInput(data=request.data)
        data.is_valid(raise_exception=True)
        slug = data.validated_data.get("program")
        program = access.access_program_dashboard(user, slug) if slug else None
        if program is None:
            access.require_org_dashboard(user)
        period = Period(start=data.validated_data["start"], end=data.validated_data["end"])
        report = services.report_request(user=user, program=program, period=period)
        report.refresh_from_db()
        return Response(io.AnalyticsReportSerializer(report).data, status=202)


class ReportDetailView(APIView):
    """A report's state; poll it until it is done."""

    @extend_schema(responses={200: io.AnalyticsReportSerializer, **ERRORS}, tags=TAGS)
    def get(self, request: Request, pk: int) -> Response:
        report = access.access_report(current_user(request), pk)
        return Response(io.AnalyticsReportSerializer(report).data)


class ReportDownloadView(APIView):
    """The finished report as PDF (default) or printable HTML."""

    @extend_schema(
        parameters=[OpenApiParameter("file", OpenApiTypes.STR, enum=["pdf", "html"])],
        responses={(200, "application/pdf"): OpenApiTypes.BINARY, **ERRORS},
        tags=TAGS,
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        report = access.access_report(current_user(request), pk)
        if report.status != Report.Status.DONE:
            raise Http404(wording.REPORT_NOT_READY)
        fmt = request.query_params.get("file", "pdf")
        if fmt not in {"pdf", "html"}:
            raise serializers.ValidationError({"file": [wording.PDF_OR_HTML]})
        body: bytes | str = bytes(report.pdf) if fmt == "pdf" else report.html
        kind = "application/pdf" if fmt == "pdf" else "text/html; charset=utf-8"
        response = HttpResponse(body, content_type=kind)
        response["Content-Disposition"] = (
            f'attachment; filename="ithaca-report-{report.start}-{report.end}.{fmt}"'
        )
        return response

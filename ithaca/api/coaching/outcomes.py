"""API endpoints for what leaves a coaching engagement: sponsor reports (with the
coachee's approval gate), the close-out evaluation, and the program manager's list.
Routed by ithaca/api/coaching/__init__.py."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ithaca.accounts.http import current_user
from ithaca.api.coaching import serializers as io
from ithaca.api.coaching._common import ERRORS, TAG, engagement_of, validated, work_of
from ithaca.coaching import access, metrics, rules, selectors, services
from ithaca.coaching.models import CoachingEngagement
from ithaca.core.errors import PermissionDenied
from ithaca.programs.access import access_managed_program

# --- Sponsor reports ----------------------------------------------------------


def _report_context(engagement: CoachingEngagement, role: str, reports: list[Any]) -> dict:
    terms = access.sponsor_terms(engagement) if role == rules.SPONSOR else None
    contents = {report.pk: access.report_view(report, role, terms) for report in reports}
    return {"role": role, "contents": contents}


def _report_response(request: Request, report: Any, status: int = 200) -> Response:
    role = access.engagement_role(current_user(request), report.engagement)
    context = _report_context(report.engagement, role, [report])
    return Response(io.ReportOut(report, context=context).data, status=status)


class ReportListView(generics.ListAPIView):
    """Every report for the pair; for the sponsor only approved ones the terms allow."""

    serializer_class = io.ReportOut

    @extend_schema(responses={200: io.ReportOut(many=True), **ERRORS}, tags=TAG)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        _, engagement, role = engagement_of(self.request, self.kwargs["pk"])
        if role == rules.MANAGER:
            raise PermissionDenied(
                gettext("Reports are for the coach, the coachee and the sponsor.")
            )
        self.engagement, self.role = engagement, role
        return access.visible_reports(engagement, role).order_by("-created_at", "-pk")

    def paginate_queryset(self, queryset: Any) -> list[Any] | None:
        page = super().paginate_queryset(queryset)
        self.page_items = list(page or [])
        access.reports_read_by(current_user(self.request), self.role, self.page_items)
        return page

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        items = getattr(self, "page_items", [])
        return {**context, **_report_context(self.engagement, self.role, items)}

    @extend_schema(request=io.ReportInput, responses={201: io.ReportOut, **ERRORS}, tags=TAG)
    def post(self, request: Request, pk: int) -> Response:
        """The coach drafts a report from today's numbers, as the terms allow."""
        user, engagement, _ = engagement_of(request, pk)
        summary = validated(io.ReportInput, request).validated_data["summary"]
        report = services.report_generate(engagement=engagement, user=user, summary=summary)
        return _report_response(request, report, status=201)


class ReportDetailView(APIView):
    @extend_schema(responses={200: io.ReportOut, **ERRORS}, tags=TAG)
    def get(self, request: Request, pk: int) -> Response:
        return _report_response(request, access.access_report(current_user(request), pk))


class ReportSubmitView(APIView):
    """The coach sends the report to the coachee for approval."""

    @extend_schema(request=None, responses={200: io.ReportOut, **ERRORS}, tags=TAG)
    def post(self, request: Request, pk: int) -> Response:
        user = current_user(request)
        report = services.report_submit(report=access.access_report(user, pk), user=user)
        return _report_response(request, report)


class ReportRefreshView(APIView):
    """The coach rebuilds a draft's numbers and sets its summary."""

    @extend_schema(request=io.ReportInput, responses={200: io.ReportOut, **ERRORS}, tags=TAG)
    def post(self, request: Request, pk: int) -> Response:
        user = current_user(request)
        report = access.access_report(user, pk)
        summary = validated(io.ReportInput, request).validated_data["summary"]
        report = services.report_refresh(report=report, user=user, summary=summary)
        return _report_response(request, report)


class ReportApproveView(APIView):
    """The coachee releases the report to the sponsor: the only way a sponsor reads one."""

    @extend_schema(request=None, responses={200: io.ReportOut, **ERRORS}, tags=TAG)
    def post(self, request: Request, pk: int) -> Response:
        user = current_user(request)
        report = services.report_approve(report=access.access_report(user, pk), user=user)
        return _report_response(request, report)


class ReportRequestChangesView(APIView):
    """The coachee sends the report back to the coach, saying what to change."""

    @extend_schema(request=io.CommentInput, responses={200: io.ReportOut, **ERRORS}, tags=TAG)
    def post(self, request: Request, pk: int) -> Response:
        user = current_user(request)
        report = access.access_report(user, pk)
        comment = validated(io.CommentInput, request).validated_data["comment"]
        report = services.report_request_changes(report=report, user=user, comment=comment)
        return _report_response(request, report)


# --- Close-out ------------------------------------------------------------------


def _evaluation_response(request: Request, engagement_pk: int, status: int = 200) -> Response:
    user = current_user(request)
    evaluation = access.access_evaluation(user, engagement_pk)
    role = access.engagement_role(user, evaluation.engagement)
    return Response(io.EvaluationOut(evaluation, context={"role": role}).data, status=status)


class EvaluationView(APIView):
    """The close-out evaluation (the pair only; the coach's reflection: the coach only)."""

    @extend_schema(responses={200: io.EvaluationOut, **ERRORS}, tags=TAG)
    def get(self, request: Request, pk: int) -> Response:
        work_of(request, pk, "evaluation")
        return _evaluation_response(request, pk)

    @extend_schema(request=io.CloseOutInput, responses={201: io.EvaluationOut, **ERRORS}, tags=TAG)
    def post(self, request: Request, pk: int) -> Response:
        """The coach closes out, at the end date or once every agreed session is used."""
        user, engagement, _ = work_of(request, pk, "evaluation")
        reflection = validated(io.CloseOutInput, request).validated_data["reflection"]
        services.engagement_close_out(engagement=engagement, user=user, reflection=reflection)
        return _evaluation_response(request, pk, status=201)


class EvaluationAnswersView(APIView):
    """The coachee's satisfaction (1-5, required) and close-out answers, once."""

    @extend_schema(request=io.SurveyInput, responses={200: io.EvaluationOut, **ERRORS}, tags=TAG)
    def post(self, request: Request, pk: int) -> Response:
        user = current_user(request)
        evaluation = access.access_evaluation(user, pk)
        data = validated(io.SurveyInput, request).validated_data
        if "satisfaction" not in data:
            raise serializers.ValidationError(
                {"satisfaction": [gettext("Give a rating from 1 to 5.")]}
            )
        services.evaluation_respond(
            evaluation=evaluation,
            user=user,
            satisfaction=data["satisfaction"],
            answers=data["answers"],
        )
        return _evaluation_response(request, pk)


class FollowUpAnswersView(APIView):
    """The coachee's answers to the three-month behaviour follow-up."""

    @extend_schema(request=io.SurveyInput, responses={200: io.EvaluationOut, **ERRORS}, tags=TAG)
    def post(self, request: Request, pk: int) -> Response:
        user = current_user(request)
        evaluation = access.access_evaluation(user, pk)
        answers = validated(io.SurveyInput, request).validated_data["answers"]
        services.follow_up_respond(evaluation=evaluation, user=user, answers=answers)
        return _evaluation_response(request, pk)


# --- Program managers -----------------------------------------------------------


class ManagedEngagementListView(generics.ListAPIView):
    """A program's engagements for its managers: status, stalled flag and counts only."""

    serializer_class = io.ManagedEngagementOut

    @extend_schema(responses={200: io.ManagedEngagementOut(many=True), **ERRORS}, tags=TAG)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self) -> Any:
        program = access_managed_program(current_user(self.request), self.kwargs["slug"])
        return selectors.managed_engagements(program.pk)

    def paginate_queryset(self, queryset: Any) -> list[Any] | None:
        page = super().paginate_queryset(queryset)
        today = timezone.localdate()
        for item in page or []:
            item.is_stalled = selectors.stalled(item, item.last_held, today)
            item.hours_used = metrics.hours(selectors.minutes_of(item.held_length))
            item.hours_agreed = (
                metrics.hours_agreed(
                    session_count=item.session_count, session_length_minutes=item.length_agreed
                )
                if item.length_agreed
                else None
            )
        return page

"""API endpoints for coaching, under /api/v1/coaching/; `urlpatterns` is included by
ithaca/api/urls.py.

Each view fetches its objects through ithaca.coaching.access and writes through
ithaca.coaching.services, so the API and the pages obey the same visibility
rules and the same contract.
"""

from __future__ import annotations

from django.urls import URLPattern, path
from rest_framework.views import APIView

from ithaca.api.coaching.outcomes import (
    EvaluationAnswersView,
    EvaluationView,
    FollowUpAnswersView,
    ManagedEngagementListView,
    ReportApproveView,
    ReportDetailView,
    ReportListView,
    ReportRefreshView,
    ReportRequestChangesView,
    ReportSubmitView,
)
from ithaca.api.coaching.workspace import (
    ActionDetailView,
    ActionDoneView,
    ActionListView,
    AgreementDetailView,
    AgreementListView,
    AgreementSignView,
    CheckInCorrectView,
    CheckInListView,
    EngagementAcceptView,
    GoalDetailView,
    GoalListView,
    NoteDetailView,
    NoteListView,
    SessionAgendaView,
    SessionCancelView,
    SessionDetailView,
    SessionHeldView,
    SessionListView,
    SessionRescheduleView,
)


def _p(route: str, view: type[APIView], name: str) -> URLPattern:
    return path(f"coaching/{route}", view.as_view(), name=f"api-coaching-{name}")


urlpatterns: list[URLPattern] = [
    _p("engagements/<int:pk>/accept/", EngagementAcceptView, "accept"),
    _p("engagements/<int:pk>/agreements/", AgreementListView, "agreements"),
    _p("agreements/<int:pk>/", AgreementDetailView, "agreement"),
    _p("agreements/<int:pk>/sign/", AgreementSignView, "sign"),
    _p("engagements/<int:pk>/sessions/", SessionListView, "sessions"),
    _p("sessions/<int:pk>/", SessionDetailView, "session"),
    _p("sessions/<int:pk>/reschedule/", SessionRescheduleView, "reschedule"),
    _p("sessions/<int:pk>/cancel/", SessionCancelView, "cancel"),
    _p("sessions/<int:pk>/held/", SessionHeldView, "held"),
    _p("sessions/<int:pk>/agenda/", SessionAgendaView, "agenda"),
    _p("sessions/<int:pk>/notes/", NoteListView, "notes"),
    _p("notes/<int:pk>/", NoteDetailView, "note"),
    _p("engagements/<int:pk>/goals/", GoalListView, "goals"),
    _p("goals/<int:pk>/", GoalDetailView, "goal"),
    _p("goals/<int:pk>/checkins/", CheckInListView, "checkins"),
    _p("checkins/<int:pk>/correct/", CheckInCorrectView, "checkin-correct"),
    _p("engagements/<int:pk>/actions/", ActionListView, "actions"),
    _p("actions/<int:pk>/", ActionDetailView, "action"),
    _p("actions/<int:pk>/done/", ActionDoneView, "action-done"),
    _p("engagements/<int:pk>/reports/", ReportListView, "reports"),
    _p("reports/<int:pk>/", ReportDetailView, "report"),
    _p("reports/<int:pk>/submit/", ReportSubmitView, "report-submit"),
    _p("reports/<int:pk>/refresh/", ReportRefreshView, "report-refresh"),
    _p("reports/<int:pk>/approve/", ReportApproveView, "report-approve"),
    _p("reports/<int:pk>/request-changes/", ReportRequestChangesView, "report-changes"),
    _p("engagements/<int:pk>/evaluation/", EvaluationView, "evaluation"),
    _p("engagements/<int:pk>/evaluation/answers/", EvaluationAnswersView, "evaluation-answers"),
    _p("engagements/<int:pk>/evaluation/follow-up/", FollowUpAnswersView, "follow-up"),
    _p("programs/<slug:slug>/engagements/", ManagedEngagementListView, "managed"),
]

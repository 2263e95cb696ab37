"""Sponsor reports (with the coachee's approval gate) and the close-out evaluation."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ithaca.accounts.http import current_user
from ithaca.coaching import questions, rules, selectors, services
from ithaca.coaching.access import (
    access_report,
    engagement_role,
    report_view,
    require_section,
    sponsor_terms,
    visible_reports,
)
from ithaca.coaching.forms import ChangesForm, CloseOutForm, ReportForm, SurveyForm
from ithaca.coaching.models import CloseOutEvaluation, FollowUpSurvey, SponsorReport
from ithaca.coaching.views._common import (
    attempt,
    done,
    open_engagement,
    refused,
    render_tab,
    workspace_view,
)
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.core.pagination import paginate


@workspace_view
def reports(request: HttpRequest, pk: int) -> HttpResponse:
    """The pair sees every report; the sponsor only those approved, if the terms allow."""
    user, engagement, role = open_engagement(request, pk)
    if not (rules.is_party(role) or role == rules.SPONSOR):
        raise PermissionDenied(_("Reports are for the coach, the coachee and the sponsor."))
    form = ReportForm(request.POST or None) if role == rules.COACH else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("Only the coach writes sponsor reports."))
        if form.is_valid():
            report = attempt(
                form,
                lambda: services.report_generate(
                    engagement=engagement, user=user, summary=form.cleaned_data["summary"]
                ),
            )
            if report is not None:
                return done(request, _("Draft report ready."), "coaching:report", report.pk)
    page = paginate(request, visible_reports(engagement, role), 10)
    context = {"page": page, "form": form, "terms": sponsor_terms(engagement)}
    status = 400 if request.method == "POST" else 200
    return render_tab(
        request, engagement, role, "reports", "coaching/_reports.html", context, status
    )


def _report_page(
    request: HttpRequest, report: SponsorReport, forms: dict[str, Any], status: int = 200
) -> HttpResponse:
    user = current_user(request)
    role = engagement_role(user, report.engagement)
    terms = sponsor_terms(report.engagement)
    editable = report.status in (SponsorReport.Status.DRAFT, SponsorReport.Status.CHANGES_REQUESTED)
    context = {
        "report": report,
        "content": report_view(report, role, terms),
        "edit_form": forms.get("edit")
        or (
            ReportForm(initial={"summary": report.summary})
            if role == rules.COACH and editable
            else None
        ),
        "changes_form": forms.get("changes") or (ChangesForm() if role == rules.COACHEE else None),
        "corrected_since": selectors.corrected_after_approval(report),
    }
    return render_tab(
        request, report.engagement, role, "reports", "coaching/_report.html", context, status
    )


@workspace_view
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _report_page(request, access_report(current_user(request), pk), {})


REPORT_MOVES = {
    "submit": (services.report_submit, gettext_lazy("Sent to the coachee for approval.")),
    "approve": (services.report_approve, gettext_lazy("Approved: the sponsor can now read it.")),
}


@workspace_view
@require_POST
def report_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """submit (coach), approve or request changes (coachee), refresh (coach)."""
    user = current_user(request)
    report = access_report(user, pk)
    if action == "refresh":
        form = ReportForm(request.POST)
        if form.is_valid() and attempt(
            form,
            lambda: services.report_refresh(
                report=report, user=user, summary=form.cleaned_data["summary"]
            ),
        ):
            return done(request, _("Report updated."), "coaching:report", pk)
        return _report_page(request, report, {"edit": form}, status=400)
    if action == "submit" and "summary" in request.POST:
        # "Send" is pressed in the edit form: what is in the box is what is sent.
        form = ReportForm(request.POST)
        if form.is_valid() and attempt(
            form,
            lambda: services.report_submit(
                report=report, user=user, summary=form.cleaned_data["summary"]
            ),
        ):
            return done(request, str(REPORT_MOVES["submit"][1]), "coaching:report", pk)
        return _report_page(request, report, {"edit": form}, status=400)
    if action == "changes":
        changes = ChangesForm(request.POST)
        if changes.is_valid() and attempt(
            changes,
            lambda: services.report_request_changes(
                report=report, user=user, comment=changes.cleaned_data["comment"]
            ),
        ):
            return done(request, _("Sent back to the coach."), "coaching:report", pk)
        return _report_page(request, report, {"changes": changes}, status=400)
    if action not in REPORT_MOVES:
        raise PermissionDenied(_("Unknown report action."))
    service, moved = REPORT_MOVES[action]
    try:
        service(report=report, user=user)
    except PermissionDenied:
        raise
    except DomainError as exc:
        return refused(request, exc, "coaching:report", pk)
    return done(request, str(moved), "coaching:report", pk)


def _evaluation_context(engagement: Any, role: str) -> dict[str, Any]:
    evaluation = (
        CloseOutEvaluation.objects.filter(engagement=engagement).prefetch_related("answers").first()
    )
    survey = FollowUpSurvey.objects.filter(evaluation=evaluation).first() if evaluation else None
    context: dict[str, Any] = {
        "evaluation": evaluation,
        "follow_up": survey,
        "questions": questions.BY_KEY,
    }
    if evaluation is None:
        usage = selectors.session_usage(engagement)
        context["usage"] = usage
    else:
        context["answers"] = list(evaluation.answers.all())
        context["show_reflection"] = rules.can_see_reflection(role)
        context["follow_up_open"] = bool(
            survey and not survey.completed_at and timezone.localdate() >= survey.due_on
        )
    return context


@workspace_view
def evaluation(request: HttpRequest, pk: int) -> HttpResponse:
    """Close-out: the coach closes (after confirming); the coachee answers; both read it."""
    user, engagement, role = open_engagement(request, pk)
    require_section(rules.can_see_evaluation(role), "evaluation")
    context = _evaluation_context(engagement, role)
    form = _evaluation_form(request, role, context)
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("There is nothing for you to submit here."))
        if form.is_valid() and attempt(form, lambda: _submit(form, engagement, user, context)):
            return done(request, _("Saved."), "coaching:evaluation", pk)
    context["form"] = form
    status = 400 if request.method == "POST" else 200
    return render_tab(
        request, engagement, role, "evaluation", "coaching/_evaluation.html", context, status
    )


def _evaluation_form(request: HttpRequest, role: str, context: dict[str, Any]) -> Any:
    data = request.POST or None
    evaluation = context["evaluation"]
    if evaluation is None:
        return CloseOutForm(data) if role == rules.COACH else None
    if role != rules.COACHEE:
        return None
    if evaluation.coachee_submitted_at is None:
        return SurveyForm(data, survey=questions.CLOSE_OUT)
    if context.get("follow_up_open"):
        return SurveyForm(data, survey=questions.FOLLOW_UP)
    return None


def _submit(form: Any, engagement: Any, user: Any, context: dict[str, Any]) -> Any:
    evaluation = context["evaluation"]
    if evaluation is None:
        return services.engagement_close_out(
            engagement=engagement, user=user, reflection=form.cleaned_data["reflection"]
        )
    if evaluation.coachee_submitted_at is None:
        return services.evaluation_respond(
            evaluation=evaluation,
            user=user,
            satisfaction=form.cleaned_data["satisfaction"],
            answers=form.answers(),
        )
    return services.follow_up_respond(evaluation=evaluation, user=user, answers=form.answers())

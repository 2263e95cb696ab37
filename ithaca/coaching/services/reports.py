"""Sponsor reports: generated from what the agreement shares, approved by the coachee.

    draft --submit--> awaiting_coachee --approve--> approved (the sponsor can read it)
      ^                      |
      +-- refresh/submit ----+--request changes--> changes_requested

Only attendance (and, when the terms share it, goal progress) ever goes in:
never note text, agendas or action items.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.coaching import notices, rules
from ithaca.coaching.models import AgreementVersion, CoachingEngagement, SponsorReport
from ithaca.coaching.selectors import engagement_goals, governing_agreement, session_usage
from ithaca.coaching.services._base import locked, require_role, required_text
from ithaca.core.errors import DomainError
from ithaca.programs.lifecycle import Status

ReportStatus = SponsorReport.Status
EDITABLE = (ReportStatus.DRAFT, ReportStatus.CHANGES_REQUESTED)


def report_content(engagement: CoachingEngagement, agreement: AgreementVersion) -> dict[str, Any]:
    """The numbers the terms allow, and nothing else."""
    usage = session_usage(engagement)
    content: dict[str, Any] = {
        "terms": agreement.sponsor_sees,
        "agreement_version": agreement.number,
        "attendance": {
            "agreed": agreement.session_count,
            "held": usage.held,
            "scheduled": usage.scheduled,
            "cancelled": usage.cancelled,
            "late_cancelled": usage.late_cancelled,
        },
        "progress": None,
        "generated_on": timezone.localdate().isoformat(),
    }
    if rules.sponsor_sees_progress(agreement.sponsor_sees):
        content["progress"] = [item.as_dict() for item in engagement_goals(engagement)]
    return content


def _reportable(engagement: CoachingEngagement) -> AgreementVersion:
    if engagement.sponsor_id is None:
        raise DomainError(_("This engagement has no sponsor to report to."))
    if engagement.status not in (Status.ACTIVE, Status.PAUSED, Status.CONCLUDED):
        raise DomainError(_("Reports start once the engagement has started."))
    governing = governing_agreement(engagement)
    if governing is None or not rules.sponsor_sees_reports(governing.sponsor_sees):
        raise DomainError(_("The signed agreement shares nothing with the sponsor beyond status."))
    return governing


def _coach_only(engagement: CoachingEngagement, user: User) -> None:
    require_role(engagement, user, [rules.COACH], _("Only the coach writes sponsor reports."))


@transaction.atomic
def report_generate(
    *, engagement: CoachingEngagement, user: User, summary: str = ""
) -> SponsorReport:
    """A new draft from today's numbers, under the governing terms."""
    engagement = locked(engagement.pk)
    _coach_only(engagement, user)
    governing = _reportable(engagement)
    return SponsorReport.objects.create(
        engagement=engagement,
        agreement=governing,
        content=report_content(engagement, governing),
        summary=summary.strip()[:2000],
        created_by=user,
    )


def _locked_report(report: SponsorReport) -> tuple[CoachingEngagement, SponsorReport]:
    engagement = locked(report.engagement_id)
    return engagement, SponsorReport.objects.select_for_update().get(pk=report.pk)


@transaction.atomic
def report_refresh(*, report: SponsorReport, user: User, summary: str) -> SponsorReport:
    """Rebuild a draft's numbers (under the terms now in force) and set its summary."""
    engagement, report = _locked_report(report)
    _coach_only(engagement, user)
    if report.status not in EDITABLE:
        raise DomainError(_("Only a draft, or a report sent back for changes, can be edited."))
    governing = _reportable(engagement)
    report.agreement = governing
    report.content = report_content(engagement, governing)
    report.summary = summary.strip()[:2000]
    report.save()
    return report


def report_numbers_refresh(*, engagement: CoachingEngagement) -> int:
    """Rebuild the numbers of every report the coachee has not approved yet.

    Called when a figure behind them changes (a corrected check-in); an approved
    report keeps what was approved. The caller holds the engagement's lock.
    """
    pending = SponsorReport.objects.select_for_update().filter(
        engagement=engagement, status__in=(*EDITABLE, ReportStatus.AWAITING_COACHEE)
    )
    count = 0
    for report in pending:
        report.content = report_content(engagement, report.agreement)
        report.save(update_fields=["content", "updated_at"])
        count += 1
    return count


@transaction.atomic
def report_submit(
    *, report: SponsorReport, user: User, summary: str | None = None
) -> SponsorReport:
    """The coach hands the report to the coachee for approval.

    A `summary` given here (the text in the edit box when "Send" was pressed)
    replaces the saved one first, so what the coachee reads is what the coach
    last wrote, not what was last saved.
    """
    engagement, report = _locked_report(report)
    _coach_only(engagement, user)
    if report.status not in EDITABLE:
        raise DomainError(_("This report is already with the coachee or approved."))
    if summary is not None:
        report.summary = summary.strip()[:2000]
    report.status, report.submitted_at = ReportStatus.AWAITING_COACHEE, timezone.now()
    report.save(update_fields=["status", "submitted_at", "summary", "updated_at"])
    notices.tell_report(report, kind="report.to_approve", recipient=engagement.coachee, actor=user)
    return report


def _coachee_reviews(engagement: CoachingEngagement, user: User, report: SponsorReport) -> None:
    require_role(
        engagement, user, [rules.COACHEE], _("Only the coachee approves a sponsor report.")
    )
    if report.status != ReportStatus.AWAITING_COACHEE:
        raise DomainError(_("This report is not waiting for your approval."))


@transaction.atomic
def report_approve(*, report: SponsorReport, user: User) -> SponsorReport:
    """The coachee releases the report to the sponsor."""
    engagement, report = _locked_report(report)
    _coachee_reviews(engagement, user, report)
    report.status, report.approved_at = ReportStatus.APPROVED, timezone.now()
    report.save(update_fields=["status", "approved_at", "updated_at"])
    notices.tell_report(report, kind="report.approved", recipient=engagement.sponsor, actor=user)
    return report


@transaction.atomic
def report_request_changes(*, report: SponsorReport, user: User, comment: str) -> SponsorReport:
    """The coachee sends the report back to the coach, saying what to change."""
    engagement, report = _locked_report(report)
    _coachee_reviews(engagement, user, report)
    report.coachee_comment = required_text(
        comment, field="comment", message=_("Tell the coach what to change.")
    )[:2000]
    report.status = ReportStatus.CHANGES_REQUESTED
    report.save(update_fields=["status", "coachee_comment", "updated_at"])
    notices.tell_report(
        report, kind="report.changes_requested", recipient=engagement.coach, actor=user
    )
    return report

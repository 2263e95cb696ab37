"""Leadership reports: requested by a manager, generated in the background as HTML and
PDF from the same figures and tables as the dashboard, then downloaded."""

from __future__ import annotations

import logging

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from ithaca.accounts.models import User
from ithaca.analytics import tasks
from ithaca.analytics.dashboard import dashboard_for
from ithaca.analytics.figures.chart import figure_svg
from ithaca.analytics.figures.privacy import HIDDEN_TEXT, K
from ithaca.analytics.models import Report
from ithaca.analytics.period import Period
from ithaca.core.errors import DomainError
from ithaca.core.tasks import enqueue_on_commit
from ithaca.programs.models import Program

logger = logging.getLogger(__name__)
MAX_BUSY_PER_PERSON = 3
PRIVACY_NOTE = (
    f"Every number is built from at least {K} people; anything built from fewer says "
    f'"{HIDDEN_TEXT}". Individual answers to surveys are never shown.'
)


@transaction.atomic
def report_request(*, user: User, program: Program | None, period: Period) -> Report:
    """Queue a report; the caller has checked that `user` may see this scope."""
    busy = Report.objects.filter(
        created_by=user, status__in=(Report.Status.QUEUED, Report.Status.RUNNING)
    ).count()
    if busy >= MAX_BUSY_PER_PERSON:
        raise DomainError("You have reports being prepared; wait for one to finish first.")
    report = Report.objects.create(
        program=program, start=period.start, end=period.end, created_by=user
    )
    enqueue_on_commit(tasks.generate_report, report.pk)
    return report


def _claim(report_id: int) -> Report | None:
    with transaction.atomic():
        report = (
            Report.objects.select_for_update()
            .filter(pk=report_id, status=Report.Status.QUEUED)
            .first()
        )
        if report is None:
            return None
        report.status = Report.Status.RUNNING
        report.save(update_fields=["status", "updated_at"])
    return report


def title_of(report: Report) -> str:
    """Named for what the scope runs: a coaching program's report is a coaching report."""
    if report.program is None:
        return "The whole organization: mentoring and coaching report"
    kind = "coaching" if report.program.is_coaching else "mentoring"
    return f"{report.program.name}: {kind} report"


def report_generate(*, report_id: int) -> bool:
    """Build the report's HTML and PDF once; a report already claimed is left alone."""
    report = _claim(report_id)
    if report is None:
        return False
    try:
        period = Period(start=report.start, end=report.end)
        figures = dashboard_for(report.program, period).figures
        title = title_of(report)
        context = {
            "report": report, "title": title, "period": period, "note": PRIVACY_NOTE,
            "figures": [(figure, figure_svg(figure)) for figure in figures],
        }  # fmt: skip
        report.html = render_to_string("analytics/report_document.html", context)
        # fpdf and matplotlib take seconds to import: only the task that writes a PDF pays.
        from ithaca.analytics.pdf import render_pdf

        report.pdf = render_pdf(
            title=title, period_label=period.label, figures=figures, note=PRIVACY_NOTE
        )
        report.status = Report.Status.DONE
    except Exception as exc:  # a failed report says so instead of staying "running"
        logger.exception("Report %s failed", report_id)
        report.status, report.error = Report.Status.FAILED, str(exc)[:2000]
    report.finished_at = timezone.now()
    report.save(update_fields=["html", "pdf", "status", "error", "finished_at", "updated_at"])
    return report.status == Report.Status.DONE

"""Leadership reports: requested by a manager, generated in the background as HTML and
PDF from the same figures and tables as the dashboard, then downloaded.

A report is written in the language of the person who asked for it (their
profile's choice, else the site's LANGUAGE_CODE): the background task has no
request, so it activates that language around the building of the figures, the
HTML and the PDF. Dates and numbers follow the same locale."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.analytics import tasks
from ithaca.analytics.dashboard import dashboard_for
from ithaca.analytics.figures.chart import figure_svg
from ithaca.analytics.figures.privacy import K, hidden_text
from ithaca.analytics.models import Report
from ithaca.analytics.period import Period
from ithaca.core.errors import DomainError
from ithaca.core.tasks import enqueue_on_commit
from ithaca.programs.models import Program

logger = logging.getLogger(__name__)
MAX_BUSY_PER_PERSON = 3


def privacy_note() -> str:
    """The sentence under a report's title, in the active language."""
    return _(
        "Every number is built from at least %(k)s people; anything built from fewer says "
        '"%(hidden)s". Individual answers to surveys are never shown.'
    ) % {"k": K, "hidden": hidden_text()}


def requester_language(user: User | None) -> str:
    """The language a report is written in: the requester's profile's choice, else
    LANGUAGE_CODE. Reads `Profile.language` (or `interface_language`, the name it has
    on some branches) when the profile has one, so it works before and after it exists."""
    profile = None
    if user is not None:
        try:
            profile = user.profile
        except ObjectDoesNotExist:
            profile = None
    code = getattr(profile, "language", "") or getattr(profile, "interface_language", "")
    languages = {language for language, _name in settings.LANGUAGES}
    return code if isinstance(code, str) and code in languages else settings.LANGUAGE_CODE


@transaction.atomic
def report_request(*, user: User, program: Program | None, period: Period) -> Report:
    """Queue a report; the caller has checked that `user` may see this scope."""
    busy = Report.objects.filter(
        created_by=user, status__in=(Report.Status.QUEUED, Report.Status.RUNNING)
    ).count()
    if busy >= MAX_BUSY_PER_PERSON:
        raise DomainError(_("You have reports being prepared; wait for one to finish first."))
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
        return _("The whole organization: mentoring and coaching report")
    if report.program.is_coaching:
        return _("%(program)s: coaching report") % {"program": report.program.name}
    return _("%(program)s: mentoring report") % {"program": report.program.name}


def report_generate(*, report_id: int) -> bool:
    """Build the report's HTML and PDF once; a report already claimed is left alone."""
    report = _claim(report_id)
    if report is None:
        return False
    try:
        with translation.override(requester_language(report.created_by)):
            _write(report)
        report.status = Report.Status.DONE
    except Exception as exc:  # a failed report says so instead of staying "running"
        logger.exception("Report %s failed", report_id)
        report.status, report.error = Report.Status.FAILED, str(exc)[:2000]
    report.finished_at = timezone.now()
    report.save(update_fields=["html", "pdf", "status", "error", "finished_at", "updated_at"])
    return report.status == Report.Status.DONE


def _write(report: Report) -> None:
    """The report's HTML and PDF, in the active language (its figures come from the
    cache of that language, or are computed in it)."""
    period = Period(start=report.start, end=report.end)
    figures = dashboard_for(report.program, period).figures
    title, note = title_of(report), privacy_note()
    context = {
        "report": report, "title": title, "period": period, "note": note,
        "figures": [(figure, figure_svg(figure)) for figure in figures],
    }  # fmt: skip
    report.html = render_to_string("analytics/report_document.html", context)
    # fpdf and matplotlib take seconds to import: only the task that writes a PDF pays.
    from ithaca.analytics.pdf import render_pdf

    prepared = timezone.localtime(report.created_at) if report.created_at else timezone.now()
    report.pdf = render_pdf(
        title=title, period_label=period.label, figures=figures, note=note,
        prepared=date_format(prepared, "DATE_FORMAT"),
    )  # fmt: skip

"""Background work for analytics: report generation. Tasks take ids and are safe to
run twice."""

from __future__ import annotations

from django_tasks import task


@task()
def generate_report(report_id: int) -> bool:
    """Build a queued report's HTML and PDF; a report already claimed is left alone."""
    from ithaca.analytics.services.reports import report_generate

    return report_generate(report_id=report_id)

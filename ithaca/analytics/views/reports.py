"""Leadership reports: request one, watch it being prepared, download HTML or PDF."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ithaca.accounts.http import current_user
from ithaca.accounts.models import User
from ithaca.analytics import access, services
from ithaca.analytics.forms import ReportForm
from ithaca.analytics.models import Report
from ithaca.analytics.period import Period, default_period
from ithaca.core.errors import DomainError
from ithaca.core.htmx import is_htmx
from ithaca.programs.models import Program

PAGE = 50
ORG = "org"


def _scopes(user: User) -> list[tuple[str, str]]:
    programs = access.dashboard_programs(user)
    choices = [(program.slug, program.name) for program in programs]
    return [(ORG, _("The whole organization")), *choices] if user.is_staff else choices


def _program_for(user: User, scope: str) -> Program | None:
    if scope == ORG:
        access.require_org_dashboard(user)
        return None
    return access.access_program_dashboard(user, scope)


@login_required
@require_http_methods(["GET", "POST"])
def reports(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    default = default_period()
    form = ReportForm(
        request.POST or None,
        scopes=_scopes(user),
        initial={"start": default.start, "end": default.end},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = services.report_request(
                user=user,
                program=_program_for(user, data["scope"]),
                period=Period(start=data["start"], end=data["end"]),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return redirect("analytics:report", pk=report.pk)
    context = {"form": form, "reports": list(access.reports_for(user).defer("html", "pdf")[:PAGE])}
    return render(request, "analytics/reports.html", context, status=400 if form.errors else 200)


@login_required
@require_GET
def report(request: HttpRequest, pk: int) -> HttpResponse:
    """The report's state; htmx polls the partial while it is being prepared."""
    found = access.access_report(current_user(request), pk)
    template = "analytics/_report_status.html" if is_htmx(request) else "analytics/report.html"
    return render(request, template, {"report": found})


@login_required
@require_GET
def download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    found = access.access_report(current_user(request), pk)
    if found.status != Report.Status.DONE:
        raise Http404(_("This report is not ready."))
    name = f"ithaca-report-{found.start}-{found.end}"
    if fmt == "pdf":
        response = HttpResponse(bytes(found.pdf), content_type="application/pdf")
    elif fmt == "html":
        response = HttpResponse(found.html, content_type="text/html; charset=utf-8")
    else:
        raise Http404(_("Download the report as pdf or html."))
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response

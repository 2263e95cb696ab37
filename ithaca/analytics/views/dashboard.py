"""Dashboard pages: the organization's (staff) and each program's (its managers)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ithaca.accounts.http import current_user
from ithaca.analytics import access
from ithaca.analytics.dashboard import FIGURE_KEYS, dashboard_for
from ithaca.analytics.figures.chart import figure_svg
from ithaca.analytics.figures.privacy import HIDDEN_TEXT, K
from ithaca.analytics.period import parse_period
from ithaca.core.htmx import is_htmx
from ithaca.programs.models import Program


def _render(request: HttpRequest, program: Program | None, *, fresh: bool = False) -> HttpResponse:
    period, form = parse_period(request.GET)
    board = dashboard_for(program, period, fresh=fresh)
    context = {
        "program": program,
        "period": period,
        "form": form,
        "board": board,
        "figures": [(figure, figure_svg(figure)) for figure in board.figures],
        "k": K,
        "hidden_text": HIDDEN_TEXT,
    }
    status = 400 if form.errors else 200
    template = "analytics/_board.html" if is_htmx(request) else "analytics/dashboard.html"
    return render(request, template, context, status=status)


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Staff see the organization; a program manager picks one of their programs."""
    user = current_user(request)
    programs = access.dashboard_programs(user)
    if user.is_staff:
        return _render(request, None)
    return render(request, "analytics/programs.html", {"programs": programs})


@login_required
@require_GET
def program_dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    program = access.access_program_dashboard(current_user(request), slug)
    return _render(request, program)


@login_required
@require_POST
def recalculate(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    """Recompute now instead of using figures from the last few minutes."""
    user = current_user(request)
    program = access.access_program_dashboard(user, slug) if slug else None
    if program is None:
        access.require_org_dashboard(user)
    period, _form = parse_period(request.POST)
    dashboard_for(program, period, fresh=True)
    messages.success(request, _("Recalculated from the latest data."))
    target = (
        reverse("analytics:program", args=[program.slug]) if program else reverse("analytics:home")
    )
    return redirect(f"{target}?{period.as_query()}")


@login_required
@require_GET
def figure(request: HttpRequest, key: str, slug: str | None = None) -> HttpResponse:
    """One figure as a partial (htmx), for the organization or a program."""
    user = current_user(request)
    program = access.access_program_dashboard(user, slug) if slug else None
    if program is None:
        access.require_org_dashboard(user)
    if key not in FIGURE_KEYS:
        raise Http404(_("No such figure."))
    period, form = parse_period(request.GET)
    found = dashboard_for(program, period).figure(key)
    if found is None:
        raise Http404(_("This figure does not apply here."))
    context = {"figure": found, "svg": figure_svg(found), "hidden_text": HIDDEN_TEXT}
    return render(request, "analytics/_figure.html", context, status=400 if form.errors else 200)

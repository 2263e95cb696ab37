"""The audit log page: search and read, nothing else."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ithaca.accounts.http import current_user
from ithaca.audit.access import visible_events
from ithaca.audit.forms import AuditSearchForm
from ithaca.audit.selectors import search_events
from ithaca.core.pagination import paginate

PER_PAGE = 50


@login_required
@require_GET
def audit_log(request: HttpRequest) -> HttpResponse:
    events = visible_events(current_user(request))
    form = AuditSearchForm(request.GET or None)
    if form.is_bound and form.is_valid():
        events = search_events(events, form.cleaned_data)
    elif form.is_bound:
        events = events.none()
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": paginate(request, events, PER_PAGE),
        "query": query.urlencode(),
    }
    return render(request, "audit/list.html", context, status=400 if form.errors else 200)

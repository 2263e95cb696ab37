from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from ithaca.accounts.http import current_user
from ithaca.coaching.access import access_engagement, engagement_role
from ithaca.core.errors import PermissionDenied
from ithaca.programs.transitions import run_transition


@login_required
def engagement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = access_engagement(current_user(request), pk)
    role = engagement_role(current_user(request), engagement)
    return render(request, "coaching/detail.html", {"item": engagement, "role": role})


@login_required
@require_POST
def engagement_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    user = current_user(request)
    engagement = access_engagement(user, pk)
    if engagement_role(user, engagement) == "sponsor":
        raise PermissionDenied("A sponsor cannot change an engagement's status.")
    return run_transition(request, engagement, action, card="coaching/_card.html")

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from ithaca.accounts.http import current_user
from ithaca.mentoring.access import access_relationship
from ithaca.programs.relationships import side_of
from ithaca.programs.transitions import run_transition


@login_required
def relationship_detail(request: HttpRequest, pk: int) -> HttpResponse:
    relationship = access_relationship(current_user(request), pk)
    side = side_of(relationship, current_user(request))
    return render(
        request, "mentoring/detail.html", {"item": relationship, "side": side or "manager"}
    )


@login_required
@require_POST
def relationship_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    relationship = access_relationship(current_user(request), pk)
    return run_transition(request, relationship, action, card="mentoring/_card.html")

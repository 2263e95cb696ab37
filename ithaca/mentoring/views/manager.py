"""The program manager's view of a mentoring program: health and counts, never content."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from ithaca.accounts.http import current_user
from ithaca.mentoring.access import access_health_program
from ithaca.mentoring.formats import Format
from ithaca.mentoring.selectors import program_counts, program_relationships
from ithaca.mentoring.views.base import page_of


@login_required
def program_health(request: HttpRequest, slug: str) -> HttpResponse:
    program = access_health_program(current_user(request), slug)
    now = timezone.now()
    relationships = program_relationships(program, now)
    health = request.GET.get("health")
    if health in ("green", "amber", "red"):
        relationships = relationships.filter(health=health)
    context = {
        "program": program,
        "fmt": Format(program.mode),
        "counts": program_counts(program, now),
        "page": page_of(request, relationships, "page", 25),
        "health": health,
        "extra": f"health={health}" if health in ("green", "amber", "red") else "",
        "nudge_after_days": program.nudge_after_days,
        "red_after_days": 2 * program.nudge_after_days,
    }
    return render(request, "mentoring/program_health.html", context)

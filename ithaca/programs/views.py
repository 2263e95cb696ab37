from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ithaca.accounts.http import current_user
from ithaca.core.errors import DomainError
from ithaca.core.pagination import paginate
from ithaca.programs.access import access_program, is_program_manager, visible_programs
from ithaca.programs.models import Participation
from ithaca.programs.selectors import participant_count
from ithaca.programs.services import participation_apply

APPLY_ROLES = {"seeker", "mentor", "coach"}


@login_required
def program_list(request: HttpRequest) -> HttpResponse:
    programs = visible_programs(current_user(request)).annotate(
        active_count=participant_count(state=Participation.State.ACTIVE)
    )
    kind = request.GET.get("kind")
    if kind in {"mentoring", "coaching"}:
        programs = programs.filter(kind=kind)
    page = paginate(request, programs.order_by("name"), per_page=20)
    return render(request, "programs/list.html", {"page": page, "kind": kind})


@login_required
def program_detail(request: HttpRequest, slug: str) -> HttpResponse:
    user = current_user(request)
    program = access_program(user, slug)
    mine = Participation.objects.filter(program=program, user=user)
    context = {
        "program": program,
        "mine": list(mine),
        "manages": is_program_manager(user, program),
        "helper_role": "mentor" if program.is_mentoring else "coach",
    }
    return render(request, "programs/detail.html", context)


@login_required
@require_POST
def program_apply(request: HttpRequest, slug: str) -> HttpResponse:
    user = current_user(request)
    program = access_program(user, slug)
    role = request.POST.get("role", "seeker")
    if role not in APPLY_ROLES:
        messages.error(request, _("Choose whether you want support or want to offer it."))
        return redirect("programs:detail", slug=slug)
    try:
        participation_apply(
            program=program,
            user=user,
            role=role,
            note=request.POST.get("note", "")[:2000],
            answers=[
                request.POST.get(f"answer_{i}", "")[:1000]
                for i in range(len(program.enrolment_questions or []))
            ],
        )
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Your application is with the program managers."))
    return redirect("programs:detail", slug=slug)

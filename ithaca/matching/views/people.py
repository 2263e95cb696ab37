"""Pages for seekers and helpers: candidates and requests, offers, proposals and fit checks."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import prefetch_related_objects
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ithaca.accounts.http import current_user
from ithaca.accounts.models import User
from ithaca.core.errors import DomainError
from ithaca.core.pagination import paginate
from ithaca.matching.access import (
    access_helper_program,
    access_proposal,
    access_seeker_program,
)
from ithaca.matching.forms import FilterForm, FitCheckForm, MatchProfileForm
from ithaca.matching.kinds import model_for, role_words
from ithaca.matching.models import FitCheck
from ithaca.matching.ranking import candidates_for, offers_for, proposal_breakdown
from ithaca.matching.selectors import open_requests, profile_of
from ithaca.matching.services import (
    fit_check_request,
    has_met,
    match_profile_update,
    offer_create,
    request_create,
)
from ithaca.matching.words import preference_choices
from ithaca.programs.lifecycle import Status
from ithaca.programs.models import Participation


@login_required
def matching_home(request: HttpRequest) -> HttpResponse:
    """Where each of this person's matching pages is, program by program."""
    user = current_user(request)
    mine = Participation.objects.filter(user=user).exclude(role=Participation.Role.SPONSOR)
    mine = mine.select_related("program").order_by("program__name", "role")
    context = {
        "roles": mine.filter(state=Participation.State.ACTIVE),
        "pending": mine.filter(state=Participation.State.PENDING),
        "managed": user.managed_programs.order_by("name"),
    }
    return render(request, "matching/home.html", context)


# Compact cards a page: the best fits first, the rest a page away.
CARDS_PER_PAGE = 10


@login_required
def candidates(request: HttpRequest, slug: str) -> HttpResponse:
    """A seeker's best candidates with reasons, filtered as they choose."""
    user = current_user(request)
    program = access_seeker_program(user, slug)
    form = FilterForm(request.GET or None)
    found = candidates_for(program, user, form.filters())
    # Each candidate's card lists the paths they walked: one query for all of them.
    prefetch_related_objects([item.person for item in found.ranked], "career")
    model = model_for(program)
    context = {
        "program": program,
        "found": found,
        "page": paginate(request, found.ranked, CARDS_PER_PAGE),
        "form": form,
        "open_count": open_requests(model, program, user).count(),
        "limit": found.max_open_requests,
        **role_words(program),
    }
    return render(request, "matching/candidates.html", context)


def _person(request: HttpRequest, field: str) -> User | None:
    value = request.POST.get(field, "")
    return User.objects.filter(pk=int(value), is_active=True).first() if value.isdigit() else None


@login_required
@require_POST
def request_helper(request: HttpRequest, slug: str) -> HttpResponse:
    user = current_user(request)
    program = access_seeker_program(user, slug)
    helper = _person(request, "helper")
    if helper is None:
        messages.error(
            request,
            _("Choose a mentor from the list.")
            if program.is_mentoring
            else _("Choose a coach from the list."),
        )
        return redirect("matching:candidates", slug=slug)
    try:
        relationship = request_create(
            program=program, seeker=user, helper=helper, note=request.POST.get("note", "")
        )
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("matching:candidates", slug=slug)
    messages.success(
        request,
        _("Your request is with %(name)s; you will hear when they answer.") % {"name": helper},
    )
    return redirect("matching:proposal", kind=program.kind, pk=relationship.pk)


@login_required
def match_profile(request: HttpRequest, slug: str) -> HttpResponse:
    """What the seeker wants, aims for and prefers in this program."""
    user = current_user(request)
    program = access_seeker_program(user, slug)
    profile = profile_of(program, user)
    initial = {"need": profile.need, "target": profile.target, "preferences": profile.preferences}
    choices = preference_choices(program.mode)
    form = MatchProfileForm(request.POST or None, initial=initial, choices=choices)
    if request.method == "POST" and form.is_valid():
        try:
            match_profile_update(program=program, user=user, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("Saved: your candidates are ranked with it from now on."))
            return redirect("matching:candidates", slug=slug)
    status = 400 if form.errors else 200
    context = {
        "program": program,
        "form": form,
        **role_words(program),
        "from_intake": profile.pk is None and bool(profile.need),
    }
    return render(request, "matching/profile.html", context, status=status)


@login_required
def offers(request: HttpRequest, slug: str) -> HttpResponse:
    """Seekers still waiting whom this helper could help, best first, with reasons."""
    user = current_user(request)
    program = access_helper_program(user, slug)
    found = offers_for(program, user)
    prefetch_related_objects([item.person for item in found.ranked], "career")
    context = {
        "program": program,
        "found": found,
        "page": paginate(request, found.ranked, CARDS_PER_PAGE),
        **role_words(program),
    }
    return render(request, "matching/offers.html", context)


@login_required
@require_POST
def offer(request: HttpRequest, slug: str) -> HttpResponse:
    user = current_user(request)
    program = access_helper_program(user, slug)
    seeker = _person(request, "seeker")
    if seeker is None:
        messages.error(
            request,
            _("Choose a mentee from the list.")
            if program.is_mentoring
            else _("Choose a coachee from the list."),
        )
        return redirect("matching:offers", slug=slug)
    try:
        relationship = offer_create(
            program=program, helper=user, seeker=seeker, note=request.POST.get("note", "")
        )
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("matching:offers", slug=slug)
    messages.success(
        request,
        _("Your offer is with %(name)s; you will hear when they answer.") % {"name": seeker},
    )
    return redirect("matching:proposal", kind=program.kind, pk=relationship.pk)


@login_required
def proposal(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Why this pair was proposed, for the two people and the program's managers."""
    user = current_user(request)
    relationship = access_proposal(user, kind, pk)
    stored, breakdown = proposal_breakdown(relationship)
    is_party = user.pk in (relationship.helper_id_value, relationship.seeker_id_value)
    can_fit_check = (
        is_party
        and relationship.status in (Status.ACTIVE, Status.PAUSED)
        and not FitCheck.objects.filter(kind=kind, relationship_id=pk).exists()
    )
    helper = getattr(relationship, relationship.HELPER_FIELD)
    seeker = getattr(relationship, relationship.SEEKER_FIELD)
    waiting_for = [
        person
        for person, said_yes in (
            (helper, relationship.helper_accepted_at),
            (seeker, relationship.seeker_accepted_at),
        )
        if said_yes is None
    ]
    context = {
        "relationship": relationship,
        "kind": kind,
        "waiting_for": waiting_for,
        "is_party": is_party,
        "stored": stored,
        "breakdown": breakdown,
        "helper": helper,
        "seeker": seeker,
        "can_fit_check": can_fit_check,
        "has_met": can_fit_check and has_met(relationship),
        "form": FitCheckForm(),
    }
    return render(request, "matching/proposal.html", context)


@login_required
@require_POST
def fit_check(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    user = current_user(request)
    relationship = access_proposal(user, kind, pk)
    form = FitCheckForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        fit_check_request(relationship=relationship, user=user, reason=reason)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _(
                "Your program's managers know you would like a re-match; the two of you will not "
                "be proposed to each other again here."
            ),
        )
    return redirect("matching:proposal", kind=kind, pk=pk)

"""The welcome wizard: who you are, your zone, a photo, and what brings you here (seekers)
or the paths you have walked (mentors and coaches). Every step can be skipped; the
wizard resumes where the person left it, from the home page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from ithaca.accounts import profiles
from ithaca.accounts.http import current_user
from ithaca.accounts.interface_language import remember_language
from ithaca.accounts.languages import shown_languages
from ithaca.accounts.models import CareerEntry, Profile, User
from ithaca.core.errors import DomainError
from ithaca.people import services
from ithaca.people.forms import BasicsForm, BringsYouForm, CareerForm, PhotoForm
from ithaca.people.selectors import tag_suggestions
from ithaca.people.views import _helper_roles, _profile
from ithaca.people.zone import remember_zone
from ithaca.programs.models import Participation

TITLES = {
    "basics": _("About you"),
    "photo": _("A photo"),
    "career": _("The paths you have walked"),
    "seeker": _("What brings you here"),
}


def steps_for(user: User) -> list[str]:
    roles = set(
        Participation.objects.filter(user=user)
        .exclude(state__in=[Participation.State.DECLINED, Participation.State.LEFT])
        .values_list("role", flat=True)
    )
    # Everyone has walked some path; mentors and coaches also say how many people they take.
    steps = ["basics", "photo", "career"]
    if not roles & set(Participation.HELPER_ROLES) or Participation.Role.SEEKER in roles:
        steps.append("seeker")
    return steps


def _current(profile: Profile, steps: list[str], asked: str | None) -> str:
    if asked in steps:
        return asked
    return profile.welcome_step if profile.welcome_step in steps else steps[0]


def _next(steps: list[str], step: str) -> str | None:
    index = steps.index(step)
    return steps[index + 1] if index + 1 < len(steps) else None


@login_required
def welcome(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    profile = _profile(user)
    steps = steps_for(user)
    step = _current(profile, steps, request.POST.get("step") or request.GET.get("step"))
    if profile.welcome != Profile.Welcome.PENDING or profile.welcome_step != step:
        profiles.welcome_set(user=user, state=Profile.Welcome.PENDING, step=step)
    form: Any = None
    extra: dict[str, Any] = {}
    if request.method == "POST":
        done, form = _handle(request, user, step)
        if done:
            return _advance(request, user, steps, step)
    form = form or _blank(step, profile)
    if step == "career":
        extra = {
            "roles": _helper_roles(user),
            "career": list(CareerEntry.objects.filter(user=user)),
            "expertise": ", ".join(profile.expertise or []),
            "expertise_tags": tag_suggestions("expertise"),
        }
    context = {
        "step": step,
        "steps": [(s, TITLES[s]) for s in steps],
        "number": steps.index(step) + 1,
        "title": TITLES[step],
        "form": form,
        "profile": profile,
        "language_names": list(shown_languages().values()),
        **extra,
    }
    status = 400 if form is not None and getattr(form, "errors", None) else 200
    return render(request, "people/welcome.html", context, status=status)


def _blank(step: str, profile: Profile) -> Any:
    if step == "basics":
        return BasicsForm.for_profile(profile)
    if step == "photo":
        return PhotoForm()
    if step == "career":
        return CareerForm()
    return BringsYouForm()


def _handle(request: HttpRequest, user: User, step: str) -> tuple[bool, Any]:
    """Save the step; (True, None) when done, else (False, the form with its errors)."""
    if request.POST.get("skip_step"):
        return True, None
    form: Any
    if step == "basics":
        form = BasicsForm(request.POST)
        if form.is_valid():
            try:
                profile = profiles.profile_update(user=user, **form.changes())
            except DomainError as exc:
                form.add_domain_error(exc.field, exc.message)
            else:
                remember_zone(request, profile.time_zone)
                remember_language(request, profile.interface_language)
                return True, None
        return False, form
    if step == "photo":
        form = PhotoForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["photo"]
            try:
                profiles.profile_photo_set(user=user, upload=upload, size=upload.size)
            except DomainError as exc:
                form.add_domain_error("photo", exc.message)
            else:
                return True, None
        return False, form
    if step == "career":
        return _handle_career(request, user)
    form = BringsYouForm(request.POST)
    return form.is_valid(), form


def _handle_career(request: HttpRequest, user: User) -> tuple[bool, Any]:
    form = CareerForm(request.POST)
    wrote_career = any(request.POST.get(f) for f in ("role", "organization", "started_on"))
    try:
        if wrote_career:
            if not form.is_valid():
                return False, form
            profiles.career_entry_create(user=user, **form.cleaned_data)
        if "expertise" in request.POST:
            profiles.profile_update(user=user, expertise=request.POST["expertise"])
        for part in _helper_roles(user):
            raw = request.POST.get(f"capacity_{part.pk}", "")
            if raw.strip().isdigit() and int(raw) != part.capacity:
                services.availability_set(
                    participation=part, accepting=part.accepting,
                    capacity=int(raw), paused_until=part.paused_until,
                )  # fmt: skip
    except DomainError as exc:
        form.is_valid()
        form.add_domain_error(exc.field, exc.message)
        return False, form
    return True, None


def _advance(request: HttpRequest, user: User, steps: list[str], step: str) -> HttpResponse:
    following = _next(steps, step)
    if following is not None:
        profiles.welcome_set(user=user, state=Profile.Welcome.PENDING, step=following)
        return redirect(f"{reverse('people:welcome')}?step={following}")
    profiles.welcome_set(user=user, state=Profile.Welcome.DONE)
    if step == "seeker" and not request.POST.get("skip_step"):
        messages.success(
            request, gettext("Welcome. Say in your own words what you would like help with.")
        )
        return redirect("intake:new")
    messages.success(
        request, gettext("Welcome to Ithaca. You can change any of this on your profile.")
    )
    return redirect("home")


@login_required
@require_POST
def welcome_skip(request: HttpRequest) -> HttpResponse:
    """Leave the wizard for now; home offers to pick it up again."""
    user = current_user(request)
    profile = _profile(user)
    profiles.welcome_set(user=user, state=Profile.Welcome.SKIPPED, step=profile.welcome_step)
    messages.info(
        request,
        gettext("You can finish setting up your profile whenever you like, from home."),
    )
    return redirect("home")

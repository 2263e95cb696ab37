"""My profile (sections that save on their own, with htmx or without), the welcome
wizard, a person's card and photo, and a program's directory."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ithaca.accounts import profiles
from ithaca.accounts.http import current_user
from ithaca.accounts.interface_language import language_remembered, remember_language
from ithaca.accounts.languages import language_code, shown_languages
from ithaca.accounts.models import CareerEntry, Profile, User
from ithaca.core.errors import DomainError
from ithaca.matching.kinds import helper_plural, helper_word
from ithaca.people import services
from ithaca.people.access import access_directory, access_own_helper_role, access_person
from ithaca.people.forms import (
    AboutForm,
    AvailabilityForm,
    BasicsForm,
    CareerForm,
    PhotoForm,
)
from ithaca.people.selectors import (
    Filters,
    ask_in,
    directory_of,
    tag_suggestions,
    with_career,
)
from ithaca.people.zone import remember_zone
from ithaca.programs.models import Participation


def _htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


SECTIONS = ("basics", "about", "photo", "career", "availability")


def _profile(user: User) -> Profile:
    return Profile.objects.select_related("department", "line_manager").get_or_create(user=user)[0]


def _helper_roles(user: User) -> list[Participation]:
    return list(
        Participation.objects.filter(user=user, role__in=Participation.HELPER_ROLES)
        .exclude(state__in=[Participation.State.DECLINED, Participation.State.LEFT])
        .select_related("program")
        .order_by("program__name")
    )


def _context(user: User, **forms: Any) -> dict[str, Any]:
    profile = _profile(user)
    roles = _helper_roles(user)
    for part in roles:
        part.form = forms.get(f"availability_{part.pk}") or AvailabilityForm(  # type: ignore[attr-defined]
            initial={
                "accepting": "yes" if part.accepting else "no",
                "paused_until": part.paused_until,
                "capacity": part.capacity,
            },
            limit=part.program.max_capacity,
            prefix=f"p{part.pk}",
        )
    return {
        "profile": profile,
        "me": user,
        "basics_form": forms.get("basics") or BasicsForm.for_profile(profile),
        "about_form": forms.get("about") or AboutForm.for_profile(profile),
        "photo_form": forms.get("photo") or PhotoForm(),
        "career_form": forms.get("career") or CareerForm(),
        "career": list(CareerEntry.objects.filter(user=user)),
        "roles": roles,
        "language_names": list(shown_languages().values()),
        "expertise_tags": tag_suggestions("expertise"),
        "interest_tags": tag_suggestions("interests"),
    }


def _answer(request: HttpRequest, section: str, ok: bool, **forms: Any) -> HttpResponse:
    """htmx: the section again (400 with the messages beside the fields when not saved).
    Without JavaScript: back to the page on success (post/redirect/get), else the page."""
    user = current_user(request)
    status = 200 if ok else 400
    if _htmx(request):
        context = _context(user, **forms) | {"saved": ok}
        return render(request, f"people/profile/_{section}.html", context, status=status)
    if ok:
        return redirect(f"{reverse('people:profile')}#{section}")
    return render(request, "people/profile/page.html", _context(user, **forms), status=status)


@login_required
def my_profile(request: HttpRequest) -> HttpResponse:
    return render(request, "people/profile/page.html", _context(current_user(request)))


def _save_fields(request: HttpRequest, section: str, form_class: Any) -> HttpResponse:
    user = current_user(request)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            profile = profiles.profile_update(user=user, **form.changes())
        except DomainError as exc:
            form.add_domain_error(exc.field, exc.message)
        else:
            if "time_zone" in form.cleaned_data:
                remember_zone(request, profile.time_zone)
            language_changed = False
            if "interface_language" in form.cleaned_data:
                language_changed = language_remembered(request) != profile.interface_language
                remember_language(request, profile.interface_language)
            if not _htmx(request):
                messages.success(request, _("Saved."))
            response = _answer(request, section, True)
            if language_changed and _htmx(request):
                response["HX-Refresh"] = "true"  # the whole page again, in the new language
            return response
    return _answer(request, section, False, **{section: form})


@login_required
@require_POST
def save_basics(request: HttpRequest) -> HttpResponse:
    return _save_fields(request, "basics", BasicsForm)


@login_required
@require_POST
def save_about(request: HttpRequest) -> HttpResponse:
    return _save_fields(request, "about", AboutForm)


@login_required
@require_POST
def save_photo(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["photo"]
        try:
            profiles.profile_photo_set(user=user, upload=upload, size=upload.size)
        except DomainError as exc:
            form.add_domain_error("photo", exc.message)
        else:
            if not _htmx(request):
                messages.success(request, _("Your photo is saved."))
            return _answer(request, "photo", True)
    return _answer(request, "photo", False, photo=form)


@login_required
@require_POST
def remove_photo(request: HttpRequest) -> HttpResponse:
    profiles.profile_photo_remove(user=current_user(request))
    if not _htmx(request):
        messages.success(request, _("Your photo is removed; people see your initials."))
    return _answer(request, "photo", True)


def _own_entry(user: User, pk: int) -> CareerEntry:
    """Only the person edits their own career; anyone else's entry is a 404."""
    return get_object_or_404(CareerEntry, pk=pk, user=user)


def _career_save(request: HttpRequest, form: CareerForm, entry: CareerEntry | None) -> bool:
    if not form.is_valid():
        return False
    data = form.cleaned_data
    try:
        if entry is None:
            profiles.career_entry_create(user=current_user(request), **data)
        else:
            profiles.career_entry_update(entry=entry, **data)
    except DomainError as exc:
        form.add_domain_error(exc.field, exc.message)
        return False
    return True


@login_required
@require_POST
def career_add(request: HttpRequest) -> HttpResponse:
    form = CareerForm(request.POST)
    ok = _career_save(request, form, None)
    return _answer(request, "career", ok, **({} if ok else {"career": form}))


@login_required
def career_edit(request: HttpRequest, pk: int) -> HttpResponse:
    entry = _own_entry(current_user(request), pk)
    form = CareerForm(request.POST) if request.method == "POST" else CareerForm.for_entry(entry)
    if request.method == "POST" and _career_save(request, form, entry):
        return _answer(request, "career", True)
    status = 400 if form.errors else 200
    template = (
        "people/profile/_career_edit.html" if _htmx(request) else "people/profile/career_edit.html"
    )
    return render(request, template, {"entry": entry, "form": form}, status=status)


@login_required
@require_POST
def career_delete(request: HttpRequest, pk: int) -> HttpResponse:
    profiles.career_entry_delete(entry=_own_entry(current_user(request), pk))
    return _answer(request, "career", True)


@login_required
@require_POST
def career_move(request: HttpRequest, pk: int, direction: str) -> HttpResponse:
    if direction not in ("up", "down"):
        raise Http404(_("Up or down."))
    profiles.career_entry_move(entry=_own_entry(current_user(request), pk), up=direction == "up")
    return _answer(request, "career", True)


@login_required
@require_POST
def save_availability(request: HttpRequest, slug: str) -> HttpResponse:
    part = access_own_helper_role(current_user(request), slug)
    form = AvailabilityForm(request.POST, limit=part.program.max_capacity, prefix=f"p{part.pk}")
    if form.is_valid():
        try:
            services.availability_set(participation=part, **form.cleaned_data)
        except DomainError as exc:
            form.add_domain_error(exc.field, exc.message)
        else:
            if not _htmx(request):
                messages.success(
                    request,
                    _("Your availability in %(program)s is saved.") % {"program": part.program},
                )
            return _answer(request, "availability", True)
    return _answer(request, "availability", False, **{f"availability_{part.pk}": form})


# --- Cards and photos -------------------------------------------------------------


@login_required
def card(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    person = access_person(user, pk)
    with_career([person])
    return render(request, "people/card.html", {"person": person, "ask_in": ask_in(user, person)})


@login_required
def photo(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The photo, for those who may see the card; 404 for everyone else and for no photo."""
    person = access_person(current_user(request), pk)
    profile = getattr(person, "profile", None)
    if profile is None or not profile.photo:
        raise Http404(_("No photo."))
    try:
        handle = profile.photo.storage.open(profile.photo.name, "rb")
    except (FileNotFoundError, OSError):
        raise Http404(_("No photo.")) from None
    response = FileResponse(handle, content_type="image/jpeg")
    # Private: a shared cache must not hand one person's permitted photo to another.
    response["Cache-Control"] = "private, max-age=86400"
    return response


# --- Directory --------------------------------------------------------------------


@login_required
def directory(request: HttpRequest, slug: str) -> HttpResponse:
    user = current_user(request)
    program = access_directory(user, slug)
    language = language_code(request.GET.get("language", "")) or ""
    filters = Filters(
        q=request.GET.get("q", "")[:200],
        language=language,
        available=request.GET.get("available") == "on",
    )
    found = directory_of(program, user, filters, request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "program": program,
        "found": found,
        "filters": filters,
        "query": query.urlencode(),
        "languages": shown_languages(),
        "helper_word": helper_word(program),
        "helper_plural": helper_plural(program),
    }
    template = "people/_directory_results.html" if _htmx(request) else "people/directory.html"
    return render(request, template, context)


@login_required
def profile_card_redirect(request: HttpRequest) -> HttpResponse:
    """Your own card, as others see it."""
    return redirect("people:card", pk=current_user(request).pk)


__all__ = ["SECTIONS"]

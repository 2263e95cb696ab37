"""Events: list, create (program managers), sign up, and say whom you'd like to continue with."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ithaca.accounts.http import current_user
from ithaca.accounts.models import User
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.mentoring import services
from ithaca.mentoring.access import access_event, visible_events
from ithaca.mentoring.forms import EventCancelForm, EventForm, add_domain_error
from ithaca.mentoring.models import EventSignup, MentoringEvent
from ithaca.mentoring.selectors import event_view, events_with_counts
from ithaca.mentoring.views.base import error_status, finish, in_user_zone, page_of
from ithaca.programs.access import access_program, is_program_manager
from ithaca.programs.models import Program


def _managed_mentoring_programs(user: User) -> list[Program]:
    programs = Program.objects.filter(kind="mentoring")
    if not user.is_staff:
        programs = programs.filter(managers=user)
    return list(programs.order_by("name"))


@login_required
@in_user_zone
def event_list(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    now = timezone.now()
    events = events_with_counts(visible_events(user))
    context = {
        "upcoming": list(events.filter(ends_at__gte=now).order_by("starts_at", "pk")[:50]),
        "past_page": page_of(
            request, events.filter(ends_at__lt=now).order_by("-starts_at"), "page", 20
        ),
        "can_create": bool(_managed_mentoring_programs(user)),
    }
    return render(request, "mentoring/events/list.html", context)


@login_required
@in_user_zone
def event_new(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    programs = _managed_mentoring_programs(user)
    if not programs:
        raise Http404(gettext("You manage no mentoring program."))
    slug = request.POST.get("program") or request.GET.get("program") or programs[0].slug
    program = access_program(user, slug)
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(program=program, user=user, **form.cleaned_data)
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            return finish(request, reverse("mentoring:event", args=[event.pk]), _("Event created."))
    context = {"form": form, "programs": programs, "program": program}
    return render(request, "mentoring/events/new.html", context, status=400 if form.errors else 200)


def _event_page(
    request: HttpRequest,
    event: MentoringEvent,
    *,
    error: str = "",
    status: int = 200,
    **extra: object,
) -> HttpResponse:
    user = current_user(request)
    now = timezone.now()
    manages = is_program_manager(user, event.program)
    context = {
        "event": event,
        "view": event_view(event, user),
        "started": event.starts_at <= now,
        "ended": event.ends_at <= now,
        "manages": manages,
        "signups": (
            list(EventSignup.objects.filter(event=event).select_related("person"))
            if manages
            else []
        ),
        "cancel_form": EventCancelForm(),
        "error": error,
        **extra,
    }
    return render(request, "mentoring/events/detail.html", context, status=status)


def _managed_event(request: HttpRequest, pk: int) -> MentoringEvent:
    user = current_user(request)
    event = access_event(user, pk)
    if not is_program_manager(user, event.program):
        raise PermissionDenied(_("Only this program's managers can change its events."))
    return event


@login_required
@in_user_zone
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change an event before it starts; everyone signed up gets the new invite."""
    event = _managed_event(request, pk)
    initial = {
        name: getattr(event, name)
        for name in ("kind", "title", "description", "starts_at", "ends_at", "capacity", "location")
    }
    form = EventForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_update(event=event, user=current_user(request), **form.cleaned_data)
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            url = reverse("mentoring:event", args=[event.pk])
            return finish(request, url, _("Event changed; everyone signed up has been told."))
    context = {"form": form, "event": event}
    return render(
        request, "mentoring/events/edit.html", context, status=400 if form.errors else 200
    )


@login_required
@require_POST
@in_user_zone
def event_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    event = _managed_event(request, pk)
    form = EventCancelForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.event_cancel(event=event, user=current_user(request), reason=reason)
    except DomainError as exc:
        return _event_page(request, event, error=exc.message, status=error_status(exc))
    url = reverse("mentoring:event", args=[event.pk])
    return finish(request, url, _("Event cancelled; everyone signed up has been told."))


@login_required
@require_POST
@in_user_zone
def event_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    event = _managed_event(request, pk)
    present = [raw for raw in request.POST.getlist("attended") if raw.isdigit()]
    try:
        services.attendance_record(
            event=event, user=current_user(request), attended_ids=[int(raw) for raw in present]
        )
    except DomainError as exc:
        return _event_page(request, event, error=exc.message, status=error_status(exc))
    return finish(request, reverse("mentoring:event", args=[event.pk]), _("Attendance saved."))


@login_required
@in_user_zone
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _event_page(request, access_event(current_user(request), pk))


def _marked(request: HttpRequest) -> User:
    raw = request.POST.get("person", "")
    person = User.objects.filter(pk=int(raw)).first() if raw.isdigit() else None
    if person is None:
        raise DomainError(_("Choose someone who was at the event."))
    return person


@login_required
@require_POST
@in_user_zone
def event_op(request: HttpRequest, pk: int, op: str) -> HttpResponse:
    user = current_user(request)
    event = access_event(user, pk)
    ops: dict[str, tuple[Callable[[], object], str]] = {
        "signup": (lambda: services.event_signup(event=event, user=user), _("You are signed up.")),
        "leave": (lambda: services.event_leave(event=event, user=user), _("Your place is free.")),
        "mark": (
            lambda: services.mark_add(event=event, user=user, marked=_marked(request)),
            _("Noted. They will only know if they said the same about you."),
        ),
        "unmark": (
            lambda: services.mark_remove(event=event, user=user, marked=_marked(request)),
            _("Removed."),
        ),
    }
    if op not in ops:
        raise Http404(gettext("Unknown action."))
    call, success = ops[op]
    try:
        call()
    except DomainError as exc:
        return _event_page(request, event, error=exc.message, status=error_status(exc))
    return finish(request, reverse("mentoring:event", args=[event.pk]), success)

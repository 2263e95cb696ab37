"""Sessions: the list and booking form, one session with its notes, and its changes."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ithaca.accounts.http import current_user
from ithaca.coaching import rules, selectors, services
from ithaca.coaching.access import (
    access_session,
    engagement_role,
    notes_read_by,
    visible_notes,
    visible_sessions,
)
from ithaca.coaching.forms import AgendaForm, CancelForm, NoteForm, RescheduleForm, SessionForm
from ithaca.coaching.invites import session_invite
from ithaca.coaching.models import CoachingSession
from ithaca.coaching.views._common import (
    attempt,
    done,
    open_engagement,
    refused,
    render_tab,
    workspace_view,
)
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.core.pagination import paginate


def _session_defaults(engagement: Any) -> dict[str, Any]:
    governing = selectors.governing_agreement(engagement)
    return {"minutes": governing.session_length_minutes if governing else 60}


@workspace_view
def sessions(request: HttpRequest, pk: int) -> HttpResponse:
    """Sessions newest first; the pair books or records them here."""
    user, engagement, role = open_engagement(request, pk)
    if not rules.can_see_session(role, three_way=True):
        raise PermissionDenied(_("Sessions are seen by the coach and the coachee only."))
    form = None
    if rules.is_party(role):
        form = SessionForm(
            request.POST or None, engagement=engagement, initial=_session_defaults(engagement)
        )
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("Only the coach and the coachee book sessions."))
        if form.is_valid() and _book(form, engagement, user):
            return done(request, _("The session is in the calendar."), "coaching:sessions", pk)
    page = paginate(request, visible_sessions(engagement, role).order_by("-starts_at"), 10)
    context = {"page": page, "form": form, "usage": selectors.session_usage(engagement)}
    status = 400 if request.method == "POST" else 200
    return render_tab(
        request, engagement, role, "sessions", "coaching/_sessions.html", context, status
    )


def _book(form: SessionForm, engagement: Any, user: Any) -> Any:
    data = form.cleaned_data
    return attempt(
        form,
        lambda: services.session_schedule(
            engagement=engagement,
            user=user,
            kind=data["kind"],
            starts_at=data["starts_at"],
            ends_at=form.ends_at(),
            location=data["location"],
            agenda=data["agenda"],
            held=data["held"],
        ),
    )


def _session_page(
    request: HttpRequest, session: CoachingSession, forms: dict[str, Any], status: int = 200
) -> HttpResponse:
    user = current_user(request)
    engagement = session.engagement
    role = engagement_role(user, engagement)
    allowed = rules.writable_visibilities(role, three_way=session.is_three_way)
    context: dict[str, Any] = {
        "session": session,
        "notes": notes_read_by(user, visible_notes(session, role, user)),
        "show_agenda": rules.is_party(role) or session.is_three_way,
        "note_form": forms.get("note") or (NoteForm(allowed=allowed) if allowed else None),
        "agenda_form": forms.get("agenda")
        or (AgendaForm(initial={"agenda": session.agenda}) if rules.is_party(role) else None),
        "reschedule_form": forms.get("reschedule")
        or (RescheduleForm(initial={"minutes": session.minutes}) if rules.is_party(role) else None),
    }
    return render_tab(
        request, engagement, role, "sessions", "coaching/_session.html", context, status
    )


@workspace_view
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = access_session(current_user(request), pk)
    return _session_page(request, session, {})


def _party_session(request: HttpRequest, pk: int) -> tuple[Any, CoachingSession]:
    user = current_user(request)
    session = access_session(user, pk)
    if not rules.is_party(engagement_role(user, session.engagement)):
        raise PermissionDenied(_("Only the coach and the coachee change a session."))
    return user, session


@workspace_view
@require_POST
def session_note(request: HttpRequest, pk: int) -> HttpResponse:
    user, session = _party_session(request, pk)
    role = engagement_role(user, session.engagement)
    form = NoteForm(
        request.POST, allowed=rules.writable_visibilities(role, three_way=session.is_three_way)
    )
    if form.is_valid() and attempt(
        form,
        lambda: services.note_add(
            session=session,
            user=user,
            visibility=form.cleaned_data["visibility"],
            text=form.cleaned_data["text"],
            grow=form.grow(),
        ),
    ):
        return done(request, _("Note saved."), "coaching:session", pk)
    return _session_page(request, session, {"note": form}, status=400)


@workspace_view
@require_POST
def session_agenda(request: HttpRequest, pk: int) -> HttpResponse:
    user, session = _party_session(request, pk)
    form = AgendaForm(request.POST)
    if form.is_valid() and attempt(
        form,
        lambda: services.session_set_agenda(
            session=session, user=user, agenda=form.cleaned_data["agenda"]
        ),
    ):
        return done(request, _("Agenda saved."), "coaching:session", pk)
    return _session_page(request, session, {"agenda": form}, status=400)


@workspace_view
@require_POST
def session_reschedule(request: HttpRequest, pk: int) -> HttpResponse:
    user, session = _party_session(request, pk)
    form = RescheduleForm(request.POST)
    if form.is_valid() and attempt(
        form,
        lambda: services.session_reschedule(
            session=session,
            user=user,
            starts_at=form.cleaned_data["starts_at"],
            ends_at=form.ends_at(),
            location=form.cleaned_data["location"],
            reason=form.cleaned_data["reason"],
        ),
    ):
        return done(
            request, _("Moved; everyone gets an updated invitation."), "coaching:session", pk
        )
    return _session_page(request, session, {"reschedule": form}, status=400)


@workspace_view
def session_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    """Asks for a reason and a confirmation before cancelling (works without JavaScript)."""
    user, session = _party_session(request, pk)
    form = CancelForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(
            form,
            lambda: services.session_cancel(
                session=session, user=user, reason=form.cleaned_data["reason"]
            ),
        )
    ):
        return done(
            request, _("Cancelled; everyone's calendar is updated."), "coaching:session", pk
        )
    governing = selectors.governing_agreement(session.engagement)
    context = {"session": session, "form": form, "governing": governing}
    status = 400 if request.method == "POST" else 200
    return render_tab(
        request,
        session.engagement,
        engagement_role(user, session.engagement),
        "sessions",
        "coaching/_cancel.html",
        context,
        status,
    )


@workspace_view
@require_POST
def session_held(request: HttpRequest, pk: int) -> HttpResponse:
    user, session = _party_session(request, pk)
    try:
        services.session_mark_held(session=session, user=user)
    except PermissionDenied:
        raise
    except DomainError as exc:
        return refused(request, exc, "coaching:session", pk)
    return done(request, _("Marked as held."), "coaching:session", pk)


@workspace_view
def session_ics(request: HttpRequest, pk: int) -> HttpResponse:
    """The session's calendar file, for anyone who attends it."""
    session = access_session(current_user(request), pk)
    response = HttpResponse(session_invite(session), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="coaching-session-{session.pk}.ics"'
    return response

"""Edit or withdraw your own session notes and actions; anyone else's answers 404."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ithaca.accounts.http import current_user
from ithaca.coaching import services
from ithaca.coaching.access import access_own_action, access_own_note, engagement_role
from ithaca.coaching.forms import ActionEditForm, NoteForm
from ithaca.coaching.models import ActionItem, SessionNote
from ithaca.coaching.services.sessions import GROW_KEYS
from ithaca.coaching.views._common import attempt, done, refused, render_tab, workspace_view
from ithaca.core.errors import DomainError


def _my_note(request: HttpRequest, pk: int) -> tuple[Any, SessionNote]:
    user = current_user(request)
    return user, access_own_note(user, pk)


def _my_action(request: HttpRequest, pk: int) -> tuple[Any, ActionItem]:
    user = current_user(request)
    return user, access_own_action(user, pk)


@workspace_view
def note_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user, note = _my_note(request, pk)
    initial = {"visibility": note.visibility, "text": note.text}
    initial.update({f"grow_{key}": getattr(note, f"grow_{key}") for key in GROW_KEYS})
    form = NoteForm(request.POST or None, initial=initial, allowed=[note.visibility])
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        call = lambda: services.session_note_edit(  # noqa: E731
            note=note, user=user, text=data["text"], grow=form.grow()
        )
        if attempt(form, call):
            return done(request, _("Your note is changed."), "coaching:session", note.session_id)
    return _edit_page(request, note.session.engagement, user, form, "note", note)


@workspace_view
def action_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user, action = _my_action(request, pk)
    form = ActionEditForm(
        request.POST or None, initial={"title": action.title, "due_on": action.due_on}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        call = lambda: services.action_edit(  # noqa: E731
            action=action, user=user, title=data["title"], due_on=data["due_on"]
        )
        if attempt(form, call):
            return done(
                request, _("Your action is changed."), "coaching:actions", action.engagement_id
            )
    return _edit_page(request, action.engagement, user, form, "action", action)


def _edit_page(
    request: HttpRequest, engagement: Any, user: Any, form: Any, label: str, obj: Any
) -> HttpResponse:
    role = engagement_role(user, engagement)
    tab = "sessions" if label == "note" else "actions"
    context = {"form": form, "label": label, "obj": obj}
    status = 400 if form.errors else 200
    return render_tab(request, engagement, role, tab, "coaching/_edit.html", context, status)


@workspace_view
@require_POST
def note_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    user, note = _my_note(request, pk)
    try:
        services.session_note_withdraw(note=note, user=user)
    except DomainError as exc:
        return refused(request, exc, "coaching:session", note.session_id)
    return done(request, _("Your note is withdrawn."), "coaching:session", note.session_id)


@workspace_view
@require_POST
def action_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    user, action = _my_action(request, pk)
    try:
        services.action_withdraw(action=action, user=user)
    except DomainError as exc:
        return refused(request, exc, "coaching:actions", action.engagement_id)
    return done(request, _("Your action is withdrawn."), "coaching:actions", action.engagement_id)

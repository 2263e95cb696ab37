"""Edit or withdraw what you wrote in a workspace: topics, goals, progress and meeting notes.

One table says, for each kind of record, how to find the reader's own copy
(anyone else's answers 404), which form edits it and which services change it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from ithaca.accounts.http import current_user
from ithaca.core.errors import DomainError
from ithaca.mentoring import services
from ithaca.mentoring.access import access_workspace
from ithaca.mentoring.forms import GoalForm, GoalNoteForm, NoteForm, TopicForm, add_domain_error
from ithaca.mentoring.models import AgendaTopic, Goal, GoalNote, MeetingNote
from ithaca.mentoring.services import corrections
from ithaca.mentoring.views.base import error_status, finish, in_user_zone, workspace_url
from ithaca.mentoring.views.sections import render_workspace
from ithaca.mentoring.workspace import Workspace

StrOrPromise = str | Promise


@dataclass(frozen=True)
class Editable:
    title: StrOrPromise  # the edit page's heading
    changed: StrOrPromise  # said after saving
    withdrawn: StrOrPromise  # said after withdrawing
    section: str
    form: type[forms.Form]
    fields: tuple[str, ...]
    own: Callable[[Workspace, int], Model]
    edit: Callable[..., object]
    withdraw: Callable[..., object]
    arg: str


def _mine(queryset: Any, author: str) -> Callable[[Workspace, int], Model]:
    def find(ws: Workspace, pk: int) -> Model:
        if not ws.started:
            raise Http404(gettext("This workspace opens once both of you have accepted."))
        found: Model | None = queryset(ws).filter(pk=pk, **{author: ws.user}).first()
        if found is None:
            raise Http404(gettext("Nothing of yours here to change."))
        return found

    return find


KINDS: dict[str, Editable] = {
    "topic": Editable(
        _("Change your topic"),
        _("Your topic is changed."),
        _("Your topic is withdrawn."),
        "agenda",
        TopicForm,
        ("title", "detail"),
        _mine(lambda ws: AgendaTopic.objects.filter(ws.space()), "added_by"),
        corrections.topic_edit,
        corrections.topic_withdraw,
        "topic",
    ),
    "goal": Editable(
        _("Change your goal"),
        _("Your goal is changed."),
        _("Your goal is withdrawn."),
        "goals",
        GoalForm,
        ("area", "title"),
        _mine(lambda ws: Goal.objects.filter(relationship=ws.relationship), "created_by"),
        corrections.goal_edit,
        corrections.goal_withdraw,
        "goal",
    ),
    "goal-note": Editable(
        _("Change your progress note"),
        _("Your progress note is changed."),
        _("Your progress note is withdrawn."),
        "goals",
        GoalNoteForm,
        ("body",),
        _mine(lambda ws: GoalNote.objects.filter(goal__relationship=ws.relationship), "author"),
        corrections.goal_note_edit,
        corrections.goal_note_withdraw,
        "note",
    ),
    "note": Editable(
        _("Change your meeting note"),
        _("Your meeting note is changed."),
        _("Your meeting note is withdrawn."),
        "meetings",
        NoteForm,
        ("body",),
        _mine(lambda ws: MeetingNote.objects.filter(ws.space("meeting__relationship")), "author"),
        services.note_edit,
        corrections.meeting_note_withdraw,
        "note",
    ),
}


def _kind(name: str) -> Editable:
    if name not in KINDS:
        raise Http404(gettext("Nothing of that kind can be changed."))
    return KINDS[name]


@login_required
@in_user_zone
def record_edit(request: HttpRequest, pk: int, kind: str, obj_pk: int) -> HttpResponse:
    """A form to change your own record; saving returns to its section."""
    ws = access_workspace(current_user(request), pk)
    spec = _kind(kind)
    obj = spec.own(ws, obj_pk)
    initial = {name: getattr(obj, name) for name in spec.fields}
    form = spec.form(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            spec.edit(
                relationship=ws.relationship, user=ws.user, **{spec.arg: obj}, **form.cleaned_data
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            return finish(request, workspace_url(ws, spec.section), str(spec.changed))
    context = {"ws": ws, "item": ws.relationship, "spec": spec, "form": form, "obj": obj}
    status = 400 if form.errors else 200
    return render(request, "mentoring/edit.html", context, status=status)


@login_required
@require_POST
@in_user_zone
def record_withdraw(request: HttpRequest, pk: int, kind: str, obj_pk: int) -> HttpResponse:
    ws = access_workspace(current_user(request), pk)
    spec = _kind(kind)
    obj = spec.own(ws, obj_pk)
    try:
        spec.withdraw(relationship=ws.relationship, user=ws.user, **{spec.arg: obj})
    except DomainError as exc:
        return render_workspace(
            request,
            ws,
            tab=spec.section,
            status=error_status(exc),
            errors={spec.section: exc.message},
        )
    return finish(request, workspace_url(ws, spec.section), str(spec.withdrawn))

"""The relationship workspace: the page, its lifecycle buttons, agenda and meetings."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from ithaca.accounts.http import current_user
from ithaca.core.errors import DomainError
from ithaca.core.htmx import is_htmx, swaps
from ithaca.mentoring import services
from ithaca.mentoring.access import (
    access_meeting,
    access_meeting_note,
    access_relationship,
    access_topic,
    access_workspace,
)
from ithaca.mentoring.forms import LogMeetingForm, MeetingForm, TopicForm, add_domain_error
from ithaca.mentoring.models import AgendaTopic
from ithaca.mentoring.selectors import contact_of, meeting_notes
from ithaca.mentoring.views.base import finish, in_user_zone
from ithaca.mentoring.views.sections import (
    SECTIONS,
    action_post,
    form_post,
    open_topics,
    render_section,
    render_workspace,
)
from ithaca.mentoring.workspace import IN_PROGRESS, workspace_of
from ithaca.programs.relationships import side_of
from ithaca.programs.transitions import run_transition


@login_required
@in_user_zone
def relationship_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The workspace for the two people; status and health only for program managers."""
    user = current_user(request)
    relationship = access_relationship(user, pk)
    if side_of(relationship, user) is None:
        context = {"item": relationship, "side": "manager", "contact": contact_of(relationship)}
        return render(request, "mentoring/detail.html", context)
    return render_workspace(request, workspace_of(relationship, user))


@login_required
@require_POST
def relationship_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    relationship = access_relationship(current_user(request), pk)
    if action == "conclude" and relationship.status in IN_PROGRESS:
        # Concluding goes through the closing page: a confirmation, a reflection, a survey.
        url = reverse("mentoring:close", args=[relationship.pk])
        return HttpResponseClientRedirect(url) if is_htmx(request) else redirect(url)
    user = current_user(request)

    def render_in_workspace(changed: Any, notice: str, error: str) -> HttpResponse:
        ws = workspace_of(changed, user)
        status = 400 if error else 200
        return render_workspace(request, ws, status=status, notice=notice, error=error)

    return run_transition(
        request,
        relationship,
        action,
        card="mentoring/_card.html",
        render_htmx=render_in_workspace if swaps(request, "workspace") else None,
    )


@login_required
@require_GET
@in_user_zone
def section(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    if name not in SECTIONS:
        raise Http404(gettext("No such section."))
    return render_section(request, access_workspace(current_user(request), pk), name)


@login_required
@require_POST
@in_user_zone
def agenda_add(request: HttpRequest, pk: int) -> HttpResponse:
    ws = access_workspace(current_user(request), pk)
    success = _("Added to the agenda.") if ws.owns_agenda else _("Suggested; the mentee decides.")
    return form_post(
        request,
        ws,
        "agenda",
        TopicForm(request.POST),
        "topic_form",
        lambda data: services.topic_add(relationship=ws.relationship, user=ws.user, **data),
        success,
    )


TOPIC_OPS: dict[str, tuple[Callable[..., object], Any]] = {
    "accept": (services.topic_accept, gettext_lazy("Taken up.")),
    "decline": (services.topic_decline, gettext_lazy("Left aside.")),
    "close": (services.topic_close, gettext_lazy("Closed.")),
    "reopen": (services.topic_reopen, pgettext_lazy("topic", "Reopened.")),
}


@login_required
@require_POST
@in_user_zone
def topic_op(request: HttpRequest, pk: int, topic_pk: int, op: str) -> HttpResponse:
    ws = access_workspace(current_user(request), pk)
    topic: AgendaTopic = access_topic(ws, topic_pk)
    kwargs: dict[str, Any] = {"relationship": ws.relationship, "user": ws.user, "topic": topic}
    if op in ("up", "down"):
        call = partial(services.topic_move, **kwargs, up=op == "up")
        return action_post(request, ws, "agenda", call, _("Moved."))
    if op not in TOPIC_OPS:
        raise Http404(gettext("Unknown action."))
    service, success = TOPIC_OPS[op]
    return action_post(request, ws, "agenda", lambda: service(**kwargs), str(success))


def _meeting_data(data: dict[str, Any]) -> dict[str, Any]:
    fields = {key: data[key] for key in ("starts_at", "ends_at", "location")}
    fields["topic_ids"] = data.get("topics") or []
    return fields


@login_required
@require_POST
@in_user_zone
def meeting_propose(request: HttpRequest, pk: int) -> HttpResponse:
    ws = access_workspace(current_user(request), pk)
    form = MeetingForm(request.POST, topics=open_topics(ws))
    return form_post(
        request,
        ws,
        "meetings",
        form,
        "meeting_form",
        lambda data: services.meeting_propose(
            relationship=ws.relationship, user=ws.user, **_meeting_data(data)
        ),
        _("Proposed; the other side will answer."),
    )


@login_required
@require_POST
@in_user_zone
def meeting_log(request: HttpRequest, pk: int) -> HttpResponse:
    ws = access_workspace(current_user(request), pk)
    form = LogMeetingForm(request.POST, topics=open_topics(ws))
    return form_post(
        request,
        ws,
        "meetings",
        form,
        "log_form",
        lambda data: services.meeting_log(
            relationship=ws.relationship,
            user=ws.user,
            note=data.get("note", ""),
            **_meeting_data(data),
        ),
        _("Meeting logged."),
    )


MEETING_OPS: dict[str, tuple[Callable[..., object], Any]] = {
    "accept": (
        services.meeting_accept,
        gettext_lazy("Accepted: the invitation is on its way to you both."),
    ),
    "decline": (services.meeting_decline, gettext_lazy("Declined.")),
    "cancel": (services.meeting_cancel, gettext_lazy("Called off.")),
}


@login_required
@require_POST
@in_user_zone
def meeting_op(request: HttpRequest, pk: int, meeting_pk: int, op: str) -> HttpResponse:
    ws = access_workspace(current_user(request), pk)
    meeting = access_meeting(ws, meeting_pk)
    if op not in MEETING_OPS:
        raise Http404(gettext("Unknown action."))
    service, success = MEETING_OPS[op]
    call = partial(service, relationship=ws.relationship, user=ws.user, meeting=meeting)
    return action_post(request, ws, "meetings", call, str(success))


@login_required
@in_user_zone
def meeting_detail(request: HttpRequest, pk: int, meeting_pk: int) -> HttpResponse:
    """One meeting with its shared notes; reschedule it while it is still to come."""
    ws = access_workspace(current_user(request), pk)
    meeting = access_meeting(ws, meeting_pk)
    form = MeetingForm(request.POST or None, topics=[])
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_reschedule(
                relationship=ws.relationship,
                user=ws.user,
                meeting=meeting,
                starts_at=form.cleaned_data["starts_at"],
                ends_at=form.cleaned_data["ends_at"],
                location=form.cleaned_data["location"],
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            return finish(
                request,
                reverse("mentoring:detail", args=[pk]) + "#meetings",
                _("New time proposed; the other side will answer."),
            )
    notes = meeting_notes(ws).filter(meeting=meeting)
    context = {"ws": ws, "item": ws.relationship, "meeting": meeting, "notes": notes, "form": form}
    return render(request, "mentoring/meeting.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
@in_user_zone
def note_add(request: HttpRequest, pk: int, meeting_pk: int) -> HttpResponse:
    ws = access_workspace(current_user(request), pk)
    meeting = access_meeting(ws, meeting_pk)
    call = partial(
        services.note_add,
        relationship=ws.relationship,
        user=ws.user,
        meeting=meeting,
        body=request.POST.get("body", "")[:6000],
    )
    return action_post(request, ws, "meetings", call, _("Note added for you both."))


@login_required
@require_POST
@in_user_zone
def note_edit(request: HttpRequest, pk: int, note_pk: int) -> HttpResponse:
    ws = access_workspace(current_user(request), pk)
    note = access_meeting_note(ws, note_pk)
    call = partial(
        services.note_edit,
        relationship=ws.relationship,
        user=ws.user,
        note=note,
        body=request.POST.get("body", "")[:6000],
    )
    return action_post(request, ws, "meetings", call, _("Note updated."))

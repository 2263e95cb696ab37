"""The workspace's sections: each one's context, and the page or partial they make."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ithaca.core.errors import DomainError
from ithaca.core.htmx import is_htmx, swaps
from ithaca.mentoring import selectors
from ithaca.mentoring.access import journal_of
from ithaca.mentoring.forms import (
    GoalForm,
    IntroductionForm,
    JournalForm,
    LogMeetingForm,
    MeetingForm,
    TopicForm,
    add_domain_error,
)
from ithaca.mentoring.models import AgendaTopic
from ithaca.mentoring.views.base import error_status, finish, page_of, workspace_url
from ithaca.mentoring.workspace import Workspace
from ithaca.programs.conversations import conversation_panel
from ithaca.programs.lifecycle import Status

Context = dict[str, Any]
# Every list a pair can grow is shown a page at a time: a long relationship (or a
# group) gathers hundreds of topics, meetings and goals, and a tab that rendered
# them all took half a second and most of a megabyte.
TOPICS_PER_PAGE = 25
MEETINGS_PER_PAGE = 10
GOALS_PER_PAGE = 10
INTRODUCTIONS_PER_PAGE = 20
# Topics offered when proposing or logging a meeting: the next ones on the agenda.
MEETING_TOPIC_CHOICES = 50
SUGGESTIONS_ON_OVERVIEW = 10


def open_topics(ws: Workspace) -> list[AgendaTopic]:
    """The open topics a meeting may take up, in agenda order, at most MEETING_TOPIC_CHOICES."""
    topics = selectors.live_topics(ws).filter(status=AgendaTopic.Status.OPEN)
    return list(topics[:MEETING_TOPIC_CHOICES])


def agenda(request: HttpRequest, ws: Workspace) -> Context:
    return {
        "live_topics": page_of(request, selectors.live_topics(ws), "topics_page", TOPICS_PER_PAGE),
        "closed_topics": list(selectors.closed_topics(ws)[:10]),
        "topic_form": TopicForm(),
    }


def meetings(request: HttpRequest, ws: Workspace) -> Context:
    now = timezone.now()
    topics = open_topics(ws)
    upcoming = selectors.upcoming_meetings(ws, now)
    return {
        "upcoming": page_of(request, upcoming, "upcoming_page", MEETINGS_PER_PAGE),
        "past_page": page_of(
            request, selectors.past_meetings(ws, now), "meetings_page", MEETINGS_PER_PAGE
        ),
        "meeting_form": MeetingForm(topics=topics),
        "log_form": LogMeetingForm(topics=topics),
    }


def goals(request: HttpRequest, ws: Workspace) -> Context:
    return {
        "goals": page_of(request, selectors.goals_of(ws), "goals_page", GOALS_PER_PAGE),
        "goal_form": GoalForm(),
    }


def introductions(request: HttpRequest, ws: Workspace) -> Context:
    items = selectors.introductions_of(ws)
    return {
        "introductions": page_of(request, items, "introductions_page", INTRODUCTIONS_PER_PAGE),
        "introduction_form": IntroductionForm(),
    }


def journal(request: HttpRequest, ws: Workspace) -> Context:
    return {
        "journal_page": page_of(request, journal_of(ws), "journal_page"),
        "journal_form": JournalForm(),
    }


def messages(request: HttpRequest, ws: Workspace) -> Context:
    """The private conversation of the pair (or of the group), inside the workspace."""
    relationship = ws.relationship
    kind, pk = (
        ("group", relationship.group_id)
        if relationship.group_id
        else ("mentoring", relationship.pk)
    )
    return {
        "conversation": conversation_panel(
            request, kind=kind, pk=pk, back=workspace_url(ws, "messages")
        )
    }


def overview(request: HttpRequest, ws: Workspace) -> Context:
    """Who, status, what needs you now, the next meeting, health and goals at a glance."""
    relationship = ws.relationship
    context: Context = {}
    if not ws.started:
        return context
    now = timezone.now()
    upcoming = list(selectors.upcoming_meetings(ws, now)[:5])
    context["contact"] = selectors.contact_of(relationship)
    review = selectors.open_review(relationship) if ws.active else None
    context["review"] = review
    context["review_answered"] = bool(review and review.decision_of(ws.side))
    context["next_meeting"] = next((m for m in upcoming if m.status == "confirmed"), None)
    context["meetings_to_answer"] = [
        m for m in upcoming if m.status == "proposed" and m.proposed_by_id != ws.user.pk
    ]
    suggested = selectors.live_topics(ws).filter(status=AgendaTopic.Status.SUGGESTED)
    context["suggested_topics"] = (
        list(suggested[:SUGGESTIONS_ON_OVERVIEW]) if ws.owns_agenda else []
    )
    context["goals"] = list(selectors.goals_of(ws)[:5])
    if relationship.status == Status.CONCLUDED:
        context["ending"] = selectors.ending_of(ws)
    return context


SECTIONS: dict[str, Callable[[HttpRequest, Workspace], Context]] = {
    "agenda": agenda,
    "meetings": meetings,
    "goals": goals,
    "introductions": introductions,
    "journal": journal,
    "messages": messages,
}
# The workspace's tabs, in order: (name, label). Each has its own URL.
TABS: list[tuple[str, str | Promise]] = [
    ("overview", gettext_lazy("Overview")),
    ("agenda", gettext_lazy("Agenda")),
    ("meetings", gettext_lazy("Meetings")),
    ("goals", gettext_lazy("Goals")),
    ("introductions", gettext_lazy("Introductions")),
    ("journal", gettext_lazy("Your journal")),
    ("messages", gettext_lazy("Messages")),
]


def heading(ws: Workspace) -> str:
    """The workspace's title, from the reader's side: the other person, named once."""
    relationship = ws.relationship
    if ws.format.is_group:
        if ws.side == "mentor":
            return _("Your mentoring group")
        return _("Mentoring group with %(mentor)s") % {"mentor": relationship.mentor}
    other = relationship.mentee if ws.side == "mentor" else relationship.mentor
    if ws.format.is_peer:
        return _("Peer mentoring with %(other)s") % {"other": other}
    return _("Mentoring with %(other)s") % {"other": other}


def base_context(ws: Workspace, tab: str) -> Context:
    return {
        "ws": ws,
        "item": ws.relationship,
        "fmt": ws.format,
        "errors": {},
        "notices": {},
        "tab": tab,
        "tabs": TABS if ws.started else TABS[:1],
        "heading": heading(ws),
        "panel": (
            "mentoring/workspace/_overview.html"
            if tab == "overview"
            else f"mentoring/workspace/_{tab}.html"
        ),
    }


def tab_context(request: HttpRequest, ws: Workspace, tab: str) -> Context:
    context = base_context(ws, tab)
    build = overview if tab == "overview" else SECTIONS[tab]
    context.update(build(request, ws))
    return context


def render_workspace(
    request: HttpRequest,
    ws: Workspace,
    *,
    tab: str = "overview",
    status: int = 200,
    **overrides: Any,
) -> HttpResponse:
    """One tab of the workspace: the whole page, or (for a tab chosen through htmx)
    the tab bar and the panel."""
    if not ws.started:
        tab = "overview"
    context = tab_context(request, ws, tab)
    context.update(overrides)
    template = "mentoring/workspace.html"
    if swaps(request, "workspace"):
        template = "mentoring/workspace/_tabbed.html"
    return render(request, template, context, status=status)


def render_section(
    request: HttpRequest, ws: Workspace, name: str, *, status: int = 200, **overrides: Any
) -> HttpResponse:
    """The section alone when htmx swaps it in place, else its tab of the workspace."""
    if not is_htmx(request) or not ws.started or swaps(request, "workspace"):
        return render_workspace(request, ws, tab=name, status=status, **overrides)
    context = tab_context(request, ws, name)
    context.update(overrides)
    return render(request, f"mentoring/workspace/_{name}.html", context, status=status)


def section_done(request: HttpRequest, ws: Workspace, name: str, message: str) -> HttpResponse:
    if is_htmx(request):
        return render_section(request, ws, name, notices={name: message})
    return finish(request, workspace_url(ws, name), message)


def section_failed(
    request: HttpRequest, ws: Workspace, name: str, message: str, status: int = 400
) -> HttpResponse:
    return render_section(request, ws, name, status=status, errors={name: message})


def form_post(
    request: HttpRequest,
    ws: Workspace,
    name: str,
    form: Any,
    key: str,
    call: Callable[[dict[str, Any]], object],
    success: str,
) -> HttpResponse:
    """Validate, call the service, then answer with the section (400 with errors inline)."""
    if form.is_valid():
        try:
            call(form.cleaned_data)
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            return section_done(request, ws, name, success)
    return render_section(request, ws, name, status=400, **{key: form})


def action_post(
    request: HttpRequest, ws: Workspace, name: str, call: Callable[[], object], success: str
) -> HttpResponse:
    try:
        call()
    except DomainError as exc:
        return section_failed(request, ws, name, exc.message, error_status(exc))
    return section_done(request, ws, name, success)

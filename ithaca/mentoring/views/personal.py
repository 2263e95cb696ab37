"""Journal, goals, introductions, review and closing pages."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ithaca.accounts.http import current_user
from ithaca.core.errors import DomainError
from ithaca.mentoring import services
from ithaca.mentoring.access import (
    access_goal,
    access_introduction,
    access_journal_entry,
    access_workspace,
    introductions_for,
)
from ithaca.mentoring.forms import (
    CloseForm,
    ClosingForm,
    GoalForm,
    GoalNoteForm,
    GoalStatusForm,
    IntroductionForm,
    JournalForm,
    ReviewForm,
    add_domain_error,
)
from ithaca.mentoring.selectors import ending_of, open_review
from ithaca.mentoring.views.base import error_status, finish, in_user_zone, page_of
from ithaca.mentoring.views.sections import action_post, form_post
from ithaca.programs.lifecycle import Status


@login_required
@require_POST
@in_user_zone
def journal_write(request: HttpRequest, pk: int) -> HttpResponse:
    ws = access_workspace(current_user(request), pk)
    return form_post(
        request,
        ws,
        "journal",
        JournalForm(request.POST),
        "journal_form",
        lambda data: services.journal_write(relationship=ws.relationship, user=ws.user, **data),
        _("Saved in your journal. Only you can read it."),
    )


@login_required
@require_POST
@in_user_zone
def journal_edit(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    ws = access_workspace(current_user(request), pk)
    entry = access_journal_entry(ws, entry_pk)
    call = partial(
        services.journal_edit,
        relationship=ws.relationship,
        user=ws.user,
        entry=entry,
        body=request.POST.get("body", "")[:11000],
    )
    return action_post(request, ws, "journal", call, _("Entry updated."))


@login_required
@in_user_zone
def journal_delete(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    """GET asks to confirm (for browsers without JavaScript); POST deletes."""
    ws = access_workspace(current_user(request), pk)
    entry = access_journal_entry(ws, entry_pk)
    if request.method != "POST":
        return render(request, "mentoring/journal_delete.html", {"ws": ws, "entry": entry})
    call = partial(services.journal_delete, relationship=ws.relationship, user=ws.user, entry=entry)
    return action_post(request, ws, "journal", call, _("Entry deleted."))


@login_required
@require_POST
@in_user_zone
def goal_add(request: HttpRequest, pk: int) -> HttpResponse:
    ws = access_workspace(current_user(request), pk)
    return form_post(
        request,
        ws,
        "goals",
        GoalForm(request.POST),
        "goal_form",
        lambda data: services.goal_add(relationship=ws.relationship, user=ws.user, **data),
        _("Goal added."),
    )


@login_required
@require_POST
@in_user_zone
def goal_update(request: HttpRequest, pk: int, goal_pk: int, what: str) -> HttpResponse:
    """`status`: the owner changes where a goal stands; `notes`: either side writes progress."""
    ws = access_workspace(current_user(request), pk)
    goal = access_goal(ws, goal_pk)
    base: dict[str, Any] = {"relationship": ws.relationship, "user": ws.user, "goal": goal}
    call: Callable[[], object]
    if what == "status":
        form = GoalStatusForm(request.POST)
        status = form.cleaned_data["status"] if form.is_valid() else ""
        call = partial(services.goal_set_status, **base, status=status)
    elif what == "notes":
        note_form = GoalNoteForm(request.POST)
        body = note_form.cleaned_data["body"] if note_form.is_valid() else ""
        call = partial(services.goal_note_add, **base, body=body)
    else:
        raise Http404(gettext("Unknown action."))
    return action_post(request, ws, "goals", call, _("Saved."))


@login_required
@require_POST
@in_user_zone
def introduction_propose(request: HttpRequest, pk: int) -> HttpResponse:
    ws = access_workspace(current_user(request), pk)
    return form_post(
        request,
        ws,
        "introductions",
        IntroductionForm(request.POST),
        "introduction_form",
        lambda data: services.introduction_propose(
            relationship=ws.relationship, user=ws.user, **data
        ),
        _("Asked; they decide whether to meet."),
    )


@login_required
@in_user_zone
def introductions(request: HttpRequest) -> HttpResponse:
    """Introductions you are asked to agree to, and those made for or by you."""
    user = current_user(request)
    items = introductions_for(user).order_by("-created_at", "-pk")
    page = page_of(request, items, "page", per_page=20)
    return render(request, "mentoring/introductions.html", {"page": page})


@login_required
@require_POST
def introduction_answer(request: HttpRequest, pk: int, answer: str) -> HttpResponse:
    user = current_user(request)
    introduction = access_introduction(user, pk)
    if answer not in ("accept", "decline", "withdraw"):
        raise Http404(gettext("Unknown answer."))
    url = reverse("mentoring:introductions")
    try:
        if answer == "withdraw":
            introduction = services.introduction_withdraw(introduction=introduction, user=user)
        else:
            introduction = services.introduction_answer(
                introduction=introduction, user=user, accept=answer == "accept"
            )
    except DomainError as exc:
        items = introductions_for(user).order_by("-created_at", "-pk")
        context = {"page": page_of(request, items, "page", 20), "error": exc.message}
        return render(request, "mentoring/introductions.html", context, status=error_status(exc))
    return finish(request, url, str(INTRODUCTION_MESSAGES[introduction.status]))


INTRODUCTION_MESSAGES = {
    "proposed": gettext_lazy(
        "You agreed: they are asked now, and nothing is shared unless they agree too."
    ),
    "not_wanted": gettext_lazy("Understood: they will not be asked."),
    "accepted": gettext_lazy("You agreed: you will both get an e-mail."),
    "declined": gettext_lazy("Declined."),
    "withdrawn": gettext_lazy("Withdrawn: whoever was asked has been told."),
}


@login_required
@in_user_zone
def review(request: HttpRequest, pk: int) -> HttpResponse:
    ws = access_workspace(current_user(request), pk)
    current = open_review(ws.relationship) if ws.started else None
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.review_answer(
                relationship=ws.relationship, user=ws.user, decision=form.cleaned_data["decision"]
            )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            return finish(request, _after_review(ws.relationship.pk, result.outcome), _said(result))
    context = {"ws": ws, "item": ws.relationship, "review": current, "form": form}
    return render(request, "mentoring/review.html", context, status=400 if form.errors else 200)


def _after_review(pk: int, outcome: str) -> str:
    return reverse("mentoring:close" if outcome == "conclude" else "mentoring:detail", args=[pk])


def _said(result: object) -> str:
    outcome = getattr(result, "outcome", "")
    if outcome == "conclude":
        return _("Concluded. Please write your closing reflection.")
    if outcome == "continue":
        return _("You both chose to continue: a new period starts today.")
    return _("Thank you; waiting for the other person's answer.")


@login_required
@in_user_zone
def close(request: HttpRequest, pk: int) -> HttpResponse:
    """Conclude with a reflection and survey (the confirmation step), or, once concluded,
    write the reflection and survey you have not written yet."""
    ws = access_workspace(current_user(request), pk)
    concluded = ws.relationship.status == Status.CONCLUDED
    if not concluded and ws.relationship.status not in (Status.ACTIVE, Status.PAUSED):
        raise Http404(gettext("Only a running relationship can be concluded."))
    ending = ending_of(ws) if concluded else None
    form_class = ClosingForm if concluded else CloseForm
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid() and not (ending and ending.mine):
        data = dict(form.cleaned_data)
        survey = services.Survey(
            **{k: data.pop(k) for k in ("growth", "career_clarity", "belonging", "would_recommend")}
        )
        try:
            if concluded:
                services.closing_record(
                    relationship=ws.relationship, user=ws.user, survey=survey, **data
                )
            else:
                services.relationship_close(
                    relationship=ws.relationship, user=ws.user, survey=survey, **data
                )
        except DomainError as exc:
            add_domain_error(form, exc)
        else:
            url = reverse("mentoring:detail", args=[pk])
            return finish(request, url, _("Thank you. Your reflection is saved."))
    context = {
        "ws": ws,
        "item": ws.relationship,
        "form": form,
        "ending": ending,
        "concluded": concluded,
    }
    status = 400 if form.errors else 200
    return render(request, "mentoring/close.html", context, status=status)

"""The one view helper that runs a lifecycle action for mentoring and coaching pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext, gettext_lazy

from ithaca.core.errors import DomainError
from ithaca.programs import relationships as lifecycle
from ithaca.programs.models import HelpingRelationship

ACTIONS: dict[str, tuple[Callable[..., Any], Any, bool]] = {
    # action: (service, message on success, takes a reason)
    "accept": (lifecycle.relationship_accept, gettext_lazy("You accepted."), False),
    "decline": (lifecycle.relationship_decline, gettext_lazy("You declined."), True),
    "withdraw": (
        lifecycle.relationship_withdraw,
        gettext_lazy("The proposal was withdrawn."),
        True,
    ),
    "pause": (lifecycle.relationship_pause, gettext_lazy("Paused."), True),
    "resume": (lifecycle.relationship_resume, gettext_lazy("Resumed."), False),
    "conclude": (lifecycle.relationship_conclude, gettext_lazy("Concluded."), True),
}


Render = Callable[[HelpingRelationship, str, str], HttpResponse]


def run_transition(
    request: HttpRequest,
    relationship: HelpingRelationship,
    action: str,
    *,
    card: str,
    render_htmx: Render | None = None,
) -> HttpResponse:
    """Apply `action`, then re-render the card (htmx) or go back to the page it came from.

    `render_htmx(relationship, notice, error)`, when given, answers htmx instead of
    the card: a workspace re-renders everything the new state changes.
    """
    if action not in ACTIONS:
        raise Http404(gettext("Unknown action."))
    service, lazy_success, takes_reason = ACTIONS[action]
    success = str(lazy_success)
    kwargs: dict[str, Any] = {"user": request.user}
    if takes_reason:
        kwargs["reason"] = request.POST.get("reason", "")[:2000]
    error = ""
    try:
        relationship = service(relationship, **kwargs)
    except DomainError as exc:
        error = exc.message
    if request.htmx and render_htmx is not None:  # type: ignore[attr-defined]
        return render_htmx(relationship, "" if error else success, error)
    if request.htmx:  # type: ignore[attr-defined]
        context = {"item": relationship, "error": error, "notice": "" if error else success}
        return render(request, card, context, status=400 if error else 200)
    messages.add_message(request, messages.ERROR if error else messages.SUCCESS, error or success)
    return redirect(_safe_next(request))


def _safe_next(request: HttpRequest) -> str:
    """The form's `next` when it points into this site; home otherwise (no open redirect)."""
    target = request.POST.get("next", "")
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and allowed else reverse("home")

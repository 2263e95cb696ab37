"""Your conversations, and one conversation: read it (which marks it read) and write.

A conversation is also a tab of its workspace: `thread_panel` renders the same
partial there (registered with `programs.conversations`), and writing from the
tab without JavaScript comes back to the tab through the form's `next`.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import SafeString
from django.views.decorators.http import require_http_methods

from ithaca.accounts.http import current_user
from ithaca.accounts.models import User
from ithaca.core.errors import DomainError
from ithaca.messaging import services
from ithaca.messaging.access import Conversation, access_conversation, conversations_for
from ithaca.messaging.models import MAX_LENGTH, Message
from ithaca.notifications.services import notifications_read_at, zone_of

SHOWN = 100


@login_required
@require_http_methods(["GET"])
def conversations(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    found = conversations_for(user)
    unread = services.unread_counts(user, found)
    rows = [(c, unread.get((c.kind, c.pk), 0)) for c in found]
    return render(request, "messaging/conversations.html", {"rows": rows})


def _safe_next(request: HttpRequest) -> str:
    """The form's `next` when it is a page of this site, else ""."""
    target = request.POST.get("next", "") or request.GET.get("next", "")
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and allowed else ""


def _read(request: HttpRequest, user: User, conversation: Conversation, back: str) -> dict:
    """Mark the conversation read, and the context of its partial (the latest messages)."""
    services.conversation_read(conversation=conversation, user=user)
    notifications_read_at(user=user, path=conversation.url)
    thread = list(
        Message.objects.filter(thread=conversation.kind, thread_id=conversation.pk)
        .select_related("author")
        .order_by("-created_at", "-pk")[:SHOWN]
    )[::-1]
    return {
        "conversation": conversation, "thread": thread, "error": "", "body": "",
        "zone": zone_of(user), "max_length": MAX_LENGTH, "back": back,
    }  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def thread(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    user = current_user(request)
    conversation = access_conversation(user, kind, pk)
    back = _safe_next(request)
    error = ""
    if request.method == "POST":
        try:
            services.message_send(
                conversation=conversation, author=user, body=request.POST.get("body", "")
            )
        except DomainError as exc:
            error = exc.message
        else:
            if not request.htmx:  # type: ignore[attr-defined]
                return redirect(back or conversation.url)
    context = _read(request, user, conversation, back)
    if error:
        context.update(error=error, body=request.POST.get("body", ""))
    template = "messaging/_thread.html" if request.htmx else "messaging/thread.html"  # type: ignore[attr-defined]
    return render(request, template, context, status=400 if error else 200)


def thread_panel(request: HttpRequest, kind: str, pk: int, back: str) -> SafeString | None:
    """The conversation as a workspace tab shows it; None if the reader may not see it."""
    user = current_user(request)
    try:
        conversation = access_conversation(user, kind, pk)
    except Http404:
        return None
    context = _read(request, user, conversation, back)
    return render_to_string("messaging/_thread.html", context, request=request)

"""Your conversations, and one conversation: read it (which marks it read) and write."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from ithaca.accounts.http import current_user
from ithaca.core.errors import DomainError
from ithaca.messaging import services
from ithaca.messaging.access import access_conversation, conversations_for
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


@login_required
@require_http_methods(["GET", "POST"])
def thread(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    user = current_user(request)
    conversation = access_conversation(user, kind, pk)
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
                return redirect(conversation.url)
    services.conversation_read(conversation=conversation, user=user)
    notifications_read_at(user=user, path=conversation.url)
    thread = list(
        Message.objects.filter(thread=conversation.kind, thread_id=conversation.pk)
        .select_related("author")
        .order_by("-created_at", "-pk")[:SHOWN]
    )[::-1]
    context = {
        "conversation": conversation, "thread": thread, "error": error,
        "zone": zone_of(user), "max_length": MAX_LENGTH,
        "body": request.POST.get("body", "") if error else "",
    }  # fmt: skip
    template = "messaging/_thread.html" if request.htmx else "messaging/thread.html"  # type: ignore[attr-defined]
    return render(request, template, context, status=400 if error else 200)

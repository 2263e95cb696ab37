"""Writing and reading messages. Each message tells the other members through
notify_burst: a burst of messages is one notification and at most one e-mail,
until they read it. The notification says who wrote, never what."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.core.errors import DomainError
from ithaca.messaging.access import Conversation
from ithaca.messaging.models import MAX_LENGTH, Message, ReadMark
from ithaca.notifications.services import notify_burst


@transaction.atomic
def message_send(*, conversation: Conversation, author: User, body: str) -> Message:
    if author.pk not in {m.pk for m in conversation.members}:
        raise DomainError(_("Only the people in this conversation can write in it."))
    if not conversation.writable:
        raise DomainError(
            _("This relationship has ended; its conversation can be read, not added to.")
        )
    text = (body or "").strip()
    if not text:
        raise DomainError(_("Write something before sending."), field="body")
    if len(text) > MAX_LENGTH:
        raise DomainError(
            _("Keep a message under %(limit)d characters (this one has %(length)d).")
            % {"limit": MAX_LENGTH, "length": len(text)},
            field="body",
        )
    message = Message.objects.create(
        thread=conversation.kind, thread_id=conversation.pk, author=author, body=text
    )
    conversation_read(conversation=conversation, user=author)
    for person in conversation.others(author):
        notify_burst(
            recipient=person, kind="message.received", subject=conversation.subject,
            actor=author, url=conversation.url, event=message.pk,
        )  # fmt: skip
    return message


def conversation_read(*, conversation: Conversation, user: User) -> None:
    """Everything up to now is read by this person."""
    ReadMark.objects.update_or_create(
        user=user, thread=conversation.kind, thread_id=conversation.pk,
        defaults={"read_at": timezone.now()},
    )  # fmt: skip


def unread_counts(user: User, conversations: list[Conversation]) -> dict[tuple[str, int], int]:
    """Messages by others since the person last read, per conversation: one query."""
    if not conversations:
        return {}
    marks = dict(
        ((kind, pk), at)
        for kind, pk, at in ReadMark.objects.filter(user=user).values_list(
            "thread", "thread_id", "read_at"
        )
    )
    counts: dict[tuple[str, int], int] = {}
    condition = Q()
    for c in conversations:
        since = marks.get((c.kind, c.pk))
        part = Q(thread=c.kind, thread_id=c.pk)
        condition |= part & Q(created_at__gt=since) if since else part
    rows = (
        Message.objects.filter(condition, erased_at__isnull=True)
        .exclude(author=user)
        .values("thread", "thread_id")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        counts[(row["thread"], row["thread_id"])] = row["n"]
    return counts


def messages_erase_author(*, user: User) -> int:
    """Erasure: the person's messages lose their words and their name."""
    return Message.objects.filter(author=user).update(
        body="", author=None, erased_at=timezone.now()
    )

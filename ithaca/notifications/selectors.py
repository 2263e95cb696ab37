"""Reads of a person's notifications."""

from __future__ import annotations

from django.db.models import QuerySet

from ithaca.accounts.models import User
from ithaca.notifications.models import Notification


def unread_count(user: User) -> int:
    """One query on the partial index of unread notifications."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


INBOX_FIELDS = (
    *("pk", "kind", "category", "text", "params", "url", "created_at", "read_at", "count"),
    *("actor__id", "actor__first_name", "actor__last_name", "actor__email"),
)


def inbox(user: User) -> QuerySet[Notification]:
    """Newest first, with the actor in the same query."""
    return (
        Notification.objects.filter(recipient=user)
        .select_related("actor")
        .only(*INBOX_FIELDS)
        .order_by("-created_at", "-pk")
    )

"""The secret token behind each person's calendar feed: made on first use, replaced on
request (which revokes the old address), and looked up without signing in."""

from __future__ import annotations

import secrets

from django.db import transaction
from django.urls import reverse

from ithaca.accounts.models import User
from ithaca.notifications.models import CalendarFeed
from ithaca.notifications.services import notify


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def feed_token(user: User) -> str:
    feed, _ = CalendarFeed.objects.get_or_create(user=user, defaults={"token": _new_token()})
    return feed.token


@transaction.atomic
def feed_regenerate(*, user: User) -> str:
    """A new secret address; calendars subscribed to the old one stop updating."""
    feed, created = CalendarFeed.objects.select_for_update().get_or_create(
        user=user, defaults={"token": _new_token()}
    )
    if not created:
        feed.token = _new_token()
        feed.save(update_fields=["token", "created_at"])
    notify(
        recipient=user,
        kind="account.calendar_feed_reset",
        subject=feed,
        url=reverse("calendar"),
        event=feed.token[:8],
    )
    return feed.token


def feed_owner(token: str) -> User | None:
    """The person whose feed this is, or None for an unknown or revoked token."""
    if not token or len(token) > 64:
        return None
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        return None
    return feed.user

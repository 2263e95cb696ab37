"""Sending a notification's e-mail, once, with retries; and the daily and weekly digests.

A queued notification is sent under a row lock and stamped in the same
transaction, so a second run finds it sent. A failure is recorded and retried
with a growing pause (see `retry_due`), up to MAX_ATTEMPTS.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from ithaca.accounts.interface_language import in_language_of
from ithaca.accounts.models import User
from ithaca.core.email import render_text, send_email
from ithaca.notifications.models import Digest, Notification

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 6
BATCH = 500


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def open_link(notification: Notification) -> str:
    """The e-mail's link: opening it marks the notification read, then shows the object."""
    return absolute(reverse("notifications:open", args=[notification.pk]))


def _body(notification: Notification) -> str:
    return render_text(
        "notifications/email/notice.txt",
        {
            "notification": notification,
            "person": notification.recipient,
            "link": open_link(notification) if notification.url else "",
            "settings_link": absolute(reverse("notifications:settings")),
        },
    )


def backoff(attempts: int) -> dt.timedelta:
    return dt.timedelta(minutes=2**attempts)


def deliver_one(notification_id: int) -> bool:
    """Send one queued notification's e-mail; False when already sent or not due."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("recipient")
            .filter(pk=notification_id, email=Notification.Email.QUEUED)
            .first()
        )
        if notification is None:
            return False
        now = timezone.now()
        if notification.next_attempt_at and notification.next_attempt_at > now:
            return False
        if notification.ics and _superseded(notification):
            notification.email = Notification.Email.NONE
            notification.save(update_fields=["email"])
            return False
        try:
            with in_language_of(notification.recipient):
                subject, body = notification.message, _body(notification)
            send_email(
                to=[notification.recipient.email],
                subject=subject,
                body=body,
                ics=notification.ics.encode() if notification.ics else None,
                ics_method=notification.ics_method or "REQUEST",
            )
        except Exception as error:
            log.warning("notification %s not sent: %s", notification.pk, error)
            notification.attempts += 1
            notification.last_error = str(error)[:300]
            if notification.attempts >= MAX_ATTEMPTS:
                notification.email = Notification.Email.FAILED
            else:
                notification.next_attempt_at = now + backoff(notification.attempts)
            notification.save(update_fields=["attempts", "last_error", "email", "next_attempt_at"])
            return False
        notification.email = Notification.Email.SENT
        notification.emailed_at = now
        notification.save(update_fields=["email", "emailed_at"])
    return True


def _superseded(notification: Notification) -> bool:
    """A calendar invitation replaced by a newer one for the same meeting before it
    was sent: the newer one alone is worth sending."""
    _, label, pk, _ = [*notification.key.split(":", 3), "", "", ""][:4]
    return (
        Notification.objects.filter(
            recipient_id=notification.recipient_id,
            key__contains=f":{label}:{pk}:",
            pk__gt=notification.pk,
        )
        .exclude(ics="")
        .exists()
    )


def deliver_key(key: str) -> int:
    """Send every queued e-mail of one event (a fan-out), each once."""
    ids = Notification.objects.filter(key=key, email=Notification.Email.QUEUED).values_list(
        "pk", flat=True
    )
    return sum(1 for pk in list(ids) if deliver_one(pk))


def retry_due(*, now: dt.datetime) -> list[int]:
    """Queued e-mails whose retry time has come, or whose task was lost long ago."""
    lost = now - dt.timedelta(minutes=15)
    due = Notification.objects.filter(email=Notification.Email.QUEUED).filter(
        next_attempt_at__lte=now
    ) | Notification.objects.filter(
        email=Notification.Email.QUEUED, next_attempt_at__isnull=True, updated_at__lt=lost
    )
    return list(due.values_list("pk", flat=True)[:BATCH])


# --- Digests ----------------------------------------------------------------


def day_start(now: dt.datetime) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(timezone.localdate(now), dt.time.min))


def week_start(now: dt.datetime) -> dt.datetime:
    today = timezone.localdate(now)
    monday = today - dt.timedelta(days=today.weekday())
    return timezone.make_aware(dt.datetime.combine(monday, dt.time.min))


def iso_week(now: dt.datetime) -> str:
    year, week, _ = timezone.localdate(now).isocalendar()
    return f"{year}-W{week:02d}"


def _send_digest(user_id: int, held: str, period: str, before: dt.datetime) -> bool:
    """Claim one person's digest for a period and send it; False if already sent."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                digest = Digest.objects.create(user_id=user_id, period=period)
        except IntegrityError:
            return False
        notices = list(
            Notification.objects.select_for_update()
            .filter(recipient_id=user_id, email=held, created_at__lt=before)
            .order_by("created_at", "pk")
        )
        if not notices:
            transaction.set_rollback(True)  # leave no empty digest behind
            return False
        user = User.objects.get(pk=user_id)
        with in_language_of(user):
            subject, body = _digest_text(user, notices, held)
        send_email(to=[user.email], subject=subject, body=body)
        now = timezone.now()
        Notification.objects.filter(pk__in=[n.pk for n in notices]).update(
            digest=digest, email=Notification.Email.SENT, emailed_at=now
        )
        digest.sent_at = now
        digest.save(update_fields=["sent_at"])
    return True


def _digest_text(user: User, notices: list[Notification], held: str) -> tuple[str, str]:
    """A digest's subject and body, in the language active (the recipient's)."""
    weekly = held == Notification.Email.WEEKLY
    body = render_text(
        "notifications/email/digest.txt",
        {
            "person": user,
            "notices": [(n, open_link(n) if n.url else "") for n in notices],
            "inbox_link": absolute(reverse("notifications:inbox")),
            "settings_link": absolute(reverse("notifications:settings")),
            "weekly": weekly,
        },
    )
    count = len(notices)
    if weekly:
        subject = ngettext(
            "Your weekly Ithaca digest: %(count)d update",
            "Your weekly Ithaca digest: %(count)d updates",
            count,
        )
    else:
        subject = ngettext(
            "Your daily Ithaca digest: %(count)d update",
            "Your daily Ithaca digest: %(count)d updates",
            count,
        )
    return subject % {"count": count}, body


def digests_send(*, now: dt.datetime, limit: int | None = BATCH) -> dict[str, int]:
    """Send today's daily digests and (from Monday) this week's weekly digests to
    everyone with notifications held from before the period began."""
    sent = {}
    for held, period, before in (
        (Notification.Email.DAILY, f"{timezone.localdate(now)}", day_start(now)),
        (Notification.Email.WEEKLY, iso_week(now), week_start(now)),
    ):
        waiting = (
            Notification.objects.filter(email=held, created_at__lt=before)
            .exclude(recipient__in=Digest.objects.filter(period=period).values("user_id"))
            .values_list("recipient_id", flat=True)
            .distinct()
            .order_by()
        )
        ids = list(waiting if limit is None else waiting[:limit])
        sent[f"{held}_digests"] = sum(1 for uid in ids if _send_digest(uid, held, period, before))
    return sent

"""The weekly digest: notices held back for people who asked for one, sent together.

At the first periodic run of each week (from Monday 00:00 in the site's time
zone) each person gets one digest of the notices held for them before that
Monday; anything held during the week waits for the next one. The Digest row is
unique per person and week, and the notices are attached to it in the same
transaction as the e-mail is handed over, so running the job twice sends nothing
twice.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from ithaca.accounts.models import User
from ithaca.analytics.models import Digest, NotificationPreference, PendingNotice
from ithaca.core.email import send_notice
from ithaca.core.errors import DomainError

BATCH = 500


@transaction.atomic
def preference_set(*, user: User, mode: str) -> NotificationPreference:
    """A person chooses single e-mails or a weekly digest."""
    if mode not in NotificationPreference.Mode.values:
        raise DomainError("Choose single e-mails or a weekly digest.", field="mode")
    preference, _ = NotificationPreference.objects.update_or_create(
        user=user, defaults={"mode": mode}
    )
    return preference


def preference_of(user: User) -> str:
    mode = NotificationPreference.objects.filter(user=user).values_list("mode", flat=True).first()
    return mode or NotificationPreference.Mode.IMMEDIATE


def iso_week(now: dt.datetime) -> str:
    year, week, _ = timezone.localdate(now).isocalendar()
    return f"{year}-W{week:02d}"


def week_start(now: dt.datetime) -> dt.datetime:
    today = timezone.localdate(now)
    monday = today - dt.timedelta(days=today.weekday())
    return timezone.make_aware(dt.datetime.combine(monday, dt.time.min))


def _send_one(user_id: int, week: str, before: dt.datetime) -> bool:
    """Claim this week's digest for one person and send it; False if already sent."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                digest = Digest.objects.create(user_id=user_id, week=week)
        except IntegrityError:
            return False
        notices = list(
            PendingNotice.objects.select_for_update().filter(
                user_id=user_id, digest__isnull=True, created_at__lt=before
            )
        )
        if not notices:
            transaction.set_rollback(True)  # leave no empty digest behind
            return False
        user = User.objects.get(pk=user_id)
        send_notice(
            to=[user.email],
            subject=f"Your weekly Ithaca digest: {len(notices)} update(s)",
            template="analytics/email/digest.txt",
            context={"user": user, "notices": notices, "link": _settings_link()},
            immediate=True,
        )
        PendingNotice.objects.filter(pk__in=[n.pk for n in notices]).update(digest=digest)
        digest.sent_at = timezone.now()
        digest.save(update_fields=["sent_at"])
    return True


def _settings_link() -> str:
    return settings.SITE_URL + reverse("analytics:notifications")


def digests_send(*, now: dt.datetime) -> dict[str, int]:
    """Send this week's digest to everyone with notices waiting who has not had one."""
    week, before = iso_week(now), week_start(now)
    waiting = (
        PendingNotice.objects.filter(digest__isnull=True, created_at__lt=before)
        .exclude(user__in=Digest.objects.filter(week=week).values("user_id"))
        .values_list("user_id", flat=True)
        .distinct()
        .order_by()
    )
    sent = sum(1 for user_id in list(waiting[:BATCH]) if _send_one(user_id, week, before))
    return {"digests": sent}

"""Sending a notification's e-mail, once, with retries; and the daily and weekly digests.

A queued notification is sent under a row lock and stamped in the same
transaction, so a second run finds it sent. A failure is recorded and retried
with a growing pause (see `retry_due`), up to MAX_ATTEMPTS.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection, transaction
from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from ithaca.accounts.interface_language import chosen_languages
from ithaca.accounts.models import User
from ithaca.core.email import render_text, send_email
from ithaca.notifications.models import Digest, Notification

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 6
BATCH = 500
# E-mails sent, and people given their digest, in one transaction. A crash between
# sending and the commit can send a batch again, so it is kept small.
SEND_BATCH = 200
# What a digest line needs of a notification.
DIGEST_FIELDS = ("pk", "recipient_id", "kind", "params", "text", "url", "created_at")


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
    return _deliver_batch([notification_id]) == 1


def _deliver_batch(ids: list[int]) -> int:
    """Send the queued e-mails among `ids` under their row locks, stamping them in the
    same transaction: a few queries for the batch (the rows with their recipients,
    the recipients' languages, one stamp), one SMTP session. A failure is recorded
    on its notification and retried later; the others are still sent."""
    with transaction.atomic():
        notifications = list(
            Notification.objects.select_for_update(of=("self",))
            .select_related("recipient")
            .filter(pk__in=ids, email=Notification.Email.QUEUED)
            .order_by("pk")
        )
        if not notifications:
            return 0
        now = timezone.now()
        languages = chosen_languages({n.recipient_id for n in notifications})
        sent: list[int] = []
        mail = get_connection()
        opened = False
        for notification in notifications:
            if notification.next_attempt_at and notification.next_attempt_at > now:
                continue
            if notification.ics and _superseded(notification):
                notification.email = Notification.Email.NONE
                notification.save(update_fields=["email"])
                continue
            try:
                if not opened:
                    mail.open()
                    opened = True
                language = languages.get(notification.recipient_id) or settings.LANGUAGE_CODE
                with translation.override(language):
                    subject, body = notification.message, _body(notification)
                send_email(
                    to=[notification.recipient.email],
                    subject=subject,
                    body=body,
                    ics=notification.ics.encode() if notification.ics else None,
                    ics_method=notification.ics_method or "REQUEST",
                    connection=mail,
                )
            except Exception as error:
                log.warning("notification %s not sent: %s", notification.pk, error)
                _close_quietly(mail)  # the next e-mail starts a fresh session
                opened = False
                notification.attempts += 1
                notification.last_error = str(error)[:300]
                if notification.attempts >= MAX_ATTEMPTS:
                    notification.email = Notification.Email.FAILED
                else:
                    notification.next_attempt_at = now + backoff(notification.attempts)
                notification.save(
                    update_fields=["attempts", "last_error", "email", "next_attempt_at"]
                )
                continue
            sent.append(notification.pk)
        if opened:
            _close_quietly(mail)
        if sent:
            Notification.objects.filter(pk__in=sent).update(
                email=Notification.Email.SENT, emailed_at=now
            )
    return len(sent)


def _close_quietly(mail: BaseEmailBackend) -> None:
    try:
        mail.close()
    except Exception as error:  # a session that broke cannot be closed cleanly
        log.warning("mail connection not closed: %s", error)


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
    """Send every queued e-mail of one event (a fan-out), each once, SEND_BATCH at a
    time: a few queries and one commit per batch, whatever the crowd's size."""
    sent, after = 0, 0
    while True:
        ids = list(
            Notification.objects.filter(key=key, email=Notification.Email.QUEUED, pk__gt=after)
            .order_by("pk")
            .values_list("pk", flat=True)[:SEND_BATCH]
        )
        if not ids:
            return sent
        after = ids[-1]
        sent += _deliver_batch(ids)


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


def _claim(user_ids: list[int], period: str) -> dict[int, int]:
    """Claim these people's digests for a period in one statement: {person: digest}
    for those nobody claimed before. The unique (person, period) makes a second or
    concurrent run claim nothing (it waits for the first run's commit)."""
    if not user_ids:
        return {}
    quote = connection.ops.quote_name
    table = quote(Digest._meta.db_table)
    user, period_, created = (quote(c) for c in ("user_id", "period", "created_at"))
    created_at = connection.ops.adapt_datetimefield_value(timezone.now())
    rows = ", ".join(["(%s, %s, %s)"] * len(user_ids))
    sql = (
        f"INSERT INTO {table} ({user}, {period_}, {created}) VALUES {rows} "
        f"ON CONFLICT ({user}, {period_}) DO NOTHING RETURNING {user}, id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [v for pk in user_ids for v in (pk, period, created_at)])
        return dict(cursor.fetchall())


def _send_digests(user_ids: list[int], held: str, period: str, before: dt.datetime) -> int:
    """Claim a batch of people's digests for a period and send them; returns how many
    were sent (none to someone already sent this period's, or with nothing held).

    One transaction and a fixed number of queries for the batch: the claim, the
    held notifications under their row locks, the people, their languages, and the
    stamps. An e-mail that fails stops the run as a single failure would: those
    sent before it are stamped and committed, the rest of the batch is unclaimed
    and keeps its notifications held for the next run, and the error is raised."""
    failure: Exception | None = None
    with transaction.atomic():
        claimed = _claim(user_ids, period)
        if not claimed:
            return 0
        held_notices: dict[int, list[Notification]] = {}
        for notice in (
            Notification.objects.select_for_update()
            .filter(recipient_id__in=list(claimed), email=held, created_at__lt=before)
            .only(*DIGEST_FIELDS)
            .order_by("recipient_id", "created_at", "pk")
        ):
            held_notices.setdefault(notice.recipient_id, []).append(notice)
        people = User.objects.in_bulk(list(held_notices))
        languages = chosen_languages(list(held_notices))
        sent: list[int] = []
        mail = get_connection()
        try:
            if held_notices:
                mail.open()
            for user_id, notices in held_notices.items():
                user = people[user_id]
                with translation.override(languages.get(user_id) or settings.LANGUAGE_CODE):
                    subject, body = _digest_text(user, notices, held)
                send_email(to=[user.email], subject=subject, body=body, connection=mail)
                sent.append(user_id)
        except Exception as error:
            failure = error
        finally:
            _close_quietly(mail)
        # Nothing held, or not reached: leave no digest behind, as if never claimed.
        done = set(sent)
        unsent = [digest for user_id, digest in claimed.items() if user_id not in done]
        if unsent:
            Digest.objects.filter(pk__in=unsent).delete()
        if sent:
            now = timezone.now()
            mine = Digest.objects.filter(user_id=OuterRef("recipient_id"), period=period)
            Notification.objects.filter(
                pk__in=[n.pk for user_id in sent for n in held_notices[user_id]]
            ).update(
                digest=Subquery(mine.values("pk")[:1]),
                email=Notification.Email.SENT,
                emailed_at=now,
            )
            Digest.objects.filter(pk__in=[claimed[user_id] for user_id in sent]).update(sent_at=now)
    if failure is not None:
        raise failure
    return len(sent)


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
    everyone with notifications held from before the period began (at most `limit`
    people of each; None: everyone).

    People are taken SEND_BATCH at a time in the order of their ids, so the run's
    memory and each transaction stay the same size whatever the number of people."""
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
            .order_by("recipient_id")
        )
        count, seen, after = 0, 0, 0
        while limit is None or seen < limit:
            size = SEND_BATCH if limit is None else min(SEND_BATCH, limit - seen)
            ids = list(waiting.filter(recipient_id__gt=after)[:size])
            if not ids:
                break
            seen, after = seen + len(ids), ids[-1]
            count += _send_digests(ids, held, period, before)
        sent[f"{held}_digests"] = count
    return sent

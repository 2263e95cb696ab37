"""Periodic notification work: digests, and retries of e-mails that failed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ithaca.core.tasks import enqueue_on_commit
from ithaca.notifications import delivery, webhooks
from ithaca.notifications.tasks import deliver, deliver_webhook


def send_digests(*, now: dt.datetime) -> Mapping[str, int]:
    return delivery.digests_send(now=now)


def retry_failed_emails(*, now: dt.datetime) -> Mapping[str, int]:
    due = delivery.retry_due(now=now)
    for pk in due:
        enqueue_on_commit(deliver, pk)
    return {"retried": len(due)}


def retry_webhooks(*, now: dt.datetime) -> Mapping[str, int]:
    due = webhooks.retry_due(now=now)
    for pk in due:
        enqueue_on_commit(deliver_webhook, pk)
    return {"retried": len(due)}


JOBS = (send_digests, retry_failed_emails, retry_webhooks)

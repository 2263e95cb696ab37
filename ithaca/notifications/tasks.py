"""Background delivery of notification e-mails. Tasks take ids (or an event key) and
are safe to run twice: a sent notification is stamped under its row lock."""

from __future__ import annotations

from django_tasks import task

from ithaca.notifications import delivery


@task()
def deliver(notification_id: int) -> bool:
    return delivery.deliver_one(notification_id)


@task()
def deliver_event(key: str) -> int:
    return delivery.deliver_key(key)


@task()
def deliver_webhook(delivery_id: int) -> bool:
    from ithaca.notifications.webhooks import deliver

    return deliver(delivery_id)

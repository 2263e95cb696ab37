"""Digests and fan-out e-mails cost a few queries per batch, not per person; the API's
lists cost the same for few or many notifications."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from ithaca.accounts.tests.factories import UserFactory
from ithaca.notifications import delivery, services
from ithaca.notifications.models import Digest, Notification
from ithaca.programs.tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def _held(people, each=2, mode="weekly"):
    """`each` notifications per person, held for their digest since last week."""
    for person in people:
        services.preferences_set(user=person, modes={"programs": mode})
        for n in range(each):
            services.notify(
                recipient=person, kind="application.decided", subject=ProgramFactory(),
                context={"program": "Nurses' network", "approved": True}, url="/programs/",
                event=n,
            )  # fmt: skip
    Notification.objects.update(created_at=timezone.now() - dt.timedelta(days=8))


def _digest_queries(count):
    _held(UserFactory.create_batch(count))
    with CaptureQueriesContext(connection) as queries:
        sent = delivery.digests_send(now=timezone.now(), limit=None)
    assert sent == {"daily_digests": 0, "weekly_digests": count}
    return len(queries.captured_queries)


def test_a_digest_run_costs_the_same_queries_for_three_or_thirty_people():
    few = _digest_queries(3)
    Notification.objects.all().delete()
    Digest.objects.all().delete()
    mail.outbox = []
    assert _digest_queries(30) == few
    # The waiting people of each period (twice: the batch, then none left) and for
    # the batch: a savepoint, the claim, the locked notices, the people, their
    # languages, the stamps of notices and digests, the savepoint's release.
    assert few <= 13
    assert len(mail.outbox) == 30


def test_the_digest_batch_is_smaller_than_the_crowd(monkeypatch):
    monkeypatch.setattr(delivery, "SEND_BATCH", 2)
    people = UserFactory.create_batch(5)
    _held(people)
    assert delivery.digests_send(now=timezone.now(), limit=None)["weekly_digests"] == 5
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert Digest.objects.filter(sent_at__isnull=False).count() == 5
    for person in people:  # each notice went in its own person's digest
        digest = Digest.objects.get(user=person)
        assert set(digest.notifications.values_list("recipient_id", flat=True)) == {person.pk}
    assert delivery.digests_send(now=timezone.now(), limit=None)["weekly_digests"] == 0
    assert len(mail.outbox) == 5


def test_a_limited_run_sends_that_many_and_the_next_run_the_rest(monkeypatch):
    monkeypatch.setattr(delivery, "SEND_BATCH", 2)
    _held(UserFactory.create_batch(5))
    assert delivery.digests_send(now=timezone.now(), limit=3)["weekly_digests"] == 3
    assert delivery.digests_send(now=timezone.now(), limit=3)["weekly_digests"] == 2
    assert len(mail.outbox) == 5


def test_a_failed_digest_stops_the_run_and_loses_nothing():
    people = sorted(UserFactory.create_batch(3), key=lambda p: p.pk)
    _held(people)
    real = delivery.send_email

    def second_fails(**kwargs):
        if kwargs["to"] == [people[1].email]:
            raise OSError("SMTP down")
        return real(**kwargs)

    with (
        mock.patch.object(delivery, "send_email", side_effect=second_fails),
        pytest.raises(OSError),
    ):
        delivery.digests_send(now=timezone.now(), limit=None)
    assert [m.to for m in mail.outbox] == [[people[0].email]]
    assert list(Digest.objects.values_list("user_id", flat=True)) == [people[0].pk]
    held = Notification.objects.filter(email="weekly")
    assert set(held.values_list("recipient_id", flat=True)) == {people[1].pk, people[2].pk}
    # Once mail works again, the others get theirs and the first nothing twice.
    assert delivery.digests_send(now=timezone.now(), limit=None)["weekly_digests"] == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)


def _fan_out_queries(count):
    program = ProgramFactory()
    told = services.notify_many(
        recipients=UserFactory.create_batch(count), kind="event.cancelled", subject=program,
        context={"event": "Spring mixer", "when": "Mon"}, url="/x/",
    )  # fmt: skip
    assert told == count
    key = services.event_key("event.cancelled", program)
    with CaptureQueriesContext(connection) as sending:
        assert delivery.deliver_key(key) == count
    return len(sending.captured_queries)


def test_a_fan_outs_emails_cost_the_same_queries_for_three_or_thirty():
    few = _fan_out_queries(3)
    assert _fan_out_queries(30) == few
    # The batch's ids and the next (none); a savepoint, the locked rows with their
    # recipients, their languages, the stamp, the release.
    assert few <= 7
    assert len(mail.outbox) == 33
    assert not Notification.objects.filter(email="queued").exists()


def test_a_fan_out_email_that_fails_is_retried_alone():
    program = ProgramFactory()
    people = sorted(UserFactory.create_batch(3), key=lambda p: p.pk)
    services.notify_many(recipients=people, kind="event.cancelled", subject=program)
    real = delivery.send_email

    def first_fails(**kwargs):
        if kwargs["to"] == [people[0].email]:
            raise OSError("SMTP down")
        return real(**kwargs)

    with mock.patch.object(delivery, "send_email", side_effect=first_fails):
        assert delivery.deliver_key(services.event_key("event.cancelled", program)) == 2
    failed = Notification.objects.get(recipient=people[0])
    assert failed.email == "queued" and failed.attempts == 1 and failed.next_attempt_at
    assert "SMTP down" in failed.last_error
    assert sorted(m.to[0] for m in mail.outbox) == sorted([people[1].email, people[2].email])


def _api_queries(path, person):
    client = APIClient()
    client.force_authenticate(person)
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries.captured_queries)


@pytest.mark.parametrize("path", ["/api/v1/notifications/", "/api/v1/notifications/unread-count/"])
def test_the_apis_lists_cost_the_same_for_five_or_fifty(path):
    person, actor = UserFactory(), UserFactory()
    for n in range(5):
        services.notify(
            recipient=person,
            kind="message.received",
            subject=ProgramFactory(),
            actor=actor,
            event=n,
        )
    few = _api_queries(path, person)
    for n in range(45):
        services.notify(
            recipient=person,
            kind="message.received",
            subject=ProgramFactory(),
            actor=actor,
            event=n,
        )
    assert _api_queries(path, person) == few
    assert few <= 6

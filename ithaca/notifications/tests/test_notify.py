"""notify(): recorded once per event and person, e-mailed by preference, retried."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from ithaca.accounts.tests.factories import UserFactory
from ithaca.core.calendar import build_invite
from ithaca.notifications import delivery, services
from ithaca.notifications.kinds import KINDS, LOCKED, Category
from ithaca.notifications.models import Notification, Preference
from ithaca.notifications.periodic import retry_failed_emails, send_digests
from ithaca.programs.tests.factories import ProgramFactory

pytestmark = pytest.mark.django_db


def _tell(person, kind="application.decided", subject=None, capture=None, **extra):
    subject = subject or ProgramFactory()
    extra.setdefault("context", {"program": "Nurses' network", "approved": True})
    return services.notify(recipient=person, kind=kind, subject=subject, url="/programs/", **extra)


def test_it_records_a_notification_and_emails_it_on_commit(django_capture_on_commit_callbacks):
    person = UserFactory(first_name="Siobhan", last_name="O'Connor")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notification = _tell(person)
        assert mail.outbox == []  # nothing leaves before the commit
    assert len(callbacks) == 1
    (message,) = mail.outbox
    assert message.to == [person.email]
    assert message.subject == "Your application to Nurses' network was approved."
    assert "Siobhan" in message.body and "&#x27;" not in message.body
    assert f"/notifications/{notification.pk}/open/" in message.body
    notification.refresh_from_db()
    assert notification.email == "sent" and notification.read_at is None


def test_it_tells_nobody_twice_about_the_same_event(django_capture_on_commit_callbacks):
    person, program = UserFactory(), ProgramFactory()
    with django_capture_on_commit_callbacks(execute=True):
        assert _tell(person, subject=program) is not None
        assert _tell(person, subject=program) is None
    assert Notification.objects.count() == 1 and len(mail.outbox) == 1


def test_it_does_not_tell_people_of_their_own_action_nor_inactive_accounts():
    person = UserFactory()
    assert _tell(person, actor=person) is None
    assert _tell(UserFactory(is_active=False)) is None
    assert not Notification.objects.exists()


def test_a_rolled_back_write_sends_nothing(django_capture_on_commit_callbacks):
    from django.db import transaction

    person = UserFactory()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        _tell(person)
        raise RuntimeError
    assert mail.outbox == [] and not Notification.objects.exists()


@pytest.mark.parametrize(
    ("mode", "email"),
    [("immediate", "queued"), ("daily", "daily"), ("weekly", "weekly"), ("never", "none")],
)
def test_the_category_preference_decides_the_email(mode, email):
    person = UserFactory()
    services.preferences_set(user=person, modes={"programs": mode})
    assert _tell(person).email == email


def test_account_notices_cannot_be_turned_off():
    person = UserFactory()
    assert {Category.ACCOUNT} == LOCKED
    with pytest.raises(services.DomainError, match="always sent at once"):
        services.preferences_set(user=person, modes={"account": "never"})
    assert not Preference.objects.exists()
    services.preferences_set(
        user=person, modes={c: "never" for c in Category.values if c != "account"}
    )
    told = services.notify(
        recipient=person, kind="account.notice", subject=None, context={"text": "Hi"}
    )
    assert told.email == "queued"


def test_a_calendar_invitation_is_not_held_for_a_digest():
    person = UserFactory()
    services.preferences_set(user=person, modes={"meetings": "weekly"})
    start = timezone.now() + dt.timedelta(days=2)
    ics = build_invite(
        uid="x@y", start=start, end=start + dt.timedelta(hours=1), summary="M", attendees=[]
    )
    told = services.notify(
        recipient=person, kind="meeting.accepted", subject=None, context={"when": "soon"},
        ics=ics, ics_method="REQUEST",
    )  # fmt: skip
    assert told.email == "queued"


def test_a_cancellation_says_cancel_in_the_mime_part_and_the_body(
    django_capture_on_commit_callbacks,
):
    person = UserFactory()
    start = timezone.now() + dt.timedelta(days=2)
    ics = build_invite(
        uid="x@y", start=start, end=start + dt.timedelta(hours=1), summary="M", attendees=[],
        cancelled=True,
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(
            recipient=person, kind="meeting.cancelled", subject=None, context={"when": "x"},
            ics=ics, ics_method="CANCEL",
        )  # fmt: skip
    _, content, mimetype = mail.outbox[0].attachments[0]
    assert mimetype.startswith("text/calendar; method=CANCEL")
    assert "METHOD:CANCEL" in (content if isinstance(content, str) else content.decode())


def test_a_failed_email_is_retried_with_backoff_then_given_up(django_capture_on_commit_callbacks):
    person = UserFactory()
    with mock.patch.object(delivery, "send_email", side_effect=OSError("SMTP down")):
        with django_capture_on_commit_callbacks(execute=True):
            notification = _tell(person)
        notification.refresh_from_db()
        assert (notification.email, notification.attempts) == ("queued", 1)
        assert notification.last_error == "SMTP down"
        # Not due yet: the retry job leaves it alone.
        assert retry_failed_emails(now=timezone.now()) == {"retried": 0}
        for _ in range(2, delivery.MAX_ATTEMPTS + 1):
            Notification.objects.filter(pk=notification.pk).update(next_attempt_at=timezone.now())
            with django_capture_on_commit_callbacks(execute=True):
                assert retry_failed_emails(now=timezone.now()) == {"retried": 1}
    notification.refresh_from_db()
    assert notification.email == "failed" and notification.attempts == delivery.MAX_ATTEMPTS
    assert mail.outbox == []


def test_a_retry_after_recovery_sends_once(django_capture_on_commit_callbacks):
    person = UserFactory()
    with (
        mock.patch.object(delivery, "send_email", side_effect=OSError("SMTP down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        notification = _tell(person)
    Notification.objects.filter(pk=notification.pk).update(next_attempt_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        retry_failed_emails(now=timezone.now())
        retry_failed_emails(now=timezone.now())
    assert len(mail.outbox) == 1


def test_daily_and_weekly_digests_gather_held_notifications_once():
    daily, weekly = UserFactory(), UserFactory()
    services.preferences_set(user=daily, modes={"programs": "daily"})
    services.preferences_set(user=weekly, modes={"programs": "weekly"})
    for _ in range(3):
        _tell(daily)
        _tell(weekly)
    last_week = timezone.now() - dt.timedelta(days=8)
    Notification.objects.update(created_at=last_week)
    assert send_digests(now=timezone.now()) == {"daily_digests": 1, "weekly_digests": 1}
    assert send_digests(now=timezone.now()) == {"daily_digests": 0, "weekly_digests": 0}
    bodies = {m.to[0]: m for m in mail.outbox}
    assert "3 updates" in bodies[daily.email].subject and "daily" in bodies[daily.email].subject
    assert bodies[weekly.email].body.count("was approved") == 3
    assert not Notification.objects.filter(email__in=["daily", "weekly"]).exists()


def test_notifications_of_today_wait_for_tomorrows_digest():
    person = UserFactory()
    services.preferences_set(user=person, modes={"programs": "daily"})
    _tell(person)
    assert send_digests(now=timezone.now()) == {"daily_digests": 0, "weekly_digests": 0}


def test_a_burst_of_messages_is_one_notification_and_one_email(django_capture_on_commit_callbacks):
    reader, writer, program = UserFactory(), UserFactory(), ProgramFactory()
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(5):
            services.notify_burst(
                recipient=reader, kind="message.received", subject=program, actor=writer,
                event=n,
            )  # fmt: skip
    (notification,) = Notification.objects.all()
    assert notification.count == 5 and notification.text.startswith("5 new messages")
    assert len(mail.outbox) == 1
    services.notification_read(notification=notification)
    services.notify_burst(
        recipient=reader, kind="message.received", subject=program, actor=writer, event=9
    )
    assert Notification.objects.count() == 2


def test_a_crowd_is_told_in_a_few_queries(
    django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    people = UserFactory.create_batch(40)
    program = ProgramFactory()
    services.preferences_set(user=people[0], modes={"programs": "never"})
    # Preferences, the count before and after, the insert, the webhook endpoints.
    with django_assert_max_num_queries(7):
        told = services.notify_many(
            recipients=people, kind="event.cancelled", subject=program,
            context={"event": "Spring mixer", "when": "Mon"}, url="/x/",
        )  # fmt: skip
    assert told == 40
    with django_capture_on_commit_callbacks(execute=True):
        assert services.notify_many(recipients=people, kind="event.cancelled", subject=program) == 0
    assert Notification.objects.filter(email="none").count() == 1


def test_every_kind_renders_a_sentence_without_context():
    for kind, spec in KINDS.items():
        assert spec.category in Category.values, kind
        services.render_sentence(spec.sentence, {"actor": "Ana", "count": 1})

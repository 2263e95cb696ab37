"""The weekly digest: notices held back for people who chose it, sent once a week."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from ithaca.analytics import services
from ithaca.analytics.models import Digest, PendingNotice
from ithaca.analytics.services.digests import week_start
from ithaca.analytics.tests.factories import person
from ithaca.core.email import send_notice

pytestmark = pytest.mark.django_db
TEMPLATE = "analytics/email/pulse_survey.txt"


def _notice(*addresses: str, **extra: object) -> int:
    context = {"person": None, "invitation": None, "link": "https://example.org"}
    return send_notice(to=list(addresses), subject="A notice", template=TEMPLATE,
                       context=context, **extra)  # type: ignore[arg-type]  # fmt: skip


def test_without_a_preference_a_notice_is_sent_at_once() -> None:
    someone = person()
    assert _notice(someone.email) == 1
    assert len(mail.outbox) == 1 and not PendingNotice.objects.exists()


def test_a_digest_reader_gets_the_notice_held_and_the_others_get_it_now() -> None:
    reader, other = person(), person()
    services.preference_set(user=reader, mode="weekly_digest")
    assert _notice(reader.email, other.email) == 1
    assert mail.outbox[0].to == [other.email]
    assert PendingNotice.objects.get().user == reader


def test_calendar_invites_and_immediate_notices_are_never_held() -> None:
    reader = person()
    services.preference_set(user=reader, mode="weekly_digest")
    _notice(reader.email, ics=b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    _notice(reader.email, immediate=True)
    assert len(mail.outbox) == 2 and not PendingNotice.objects.exists()


def test_the_router_is_optional(settings) -> None:
    settings.ITHACA_NOTICE_ROUTER = ""
    reader = person()
    services.preference_set(user=reader, mode="weekly_digest")
    _notice(reader.email)
    assert len(mail.outbox) == 1


def test_an_unknown_preference_is_refused() -> None:
    from ithaca.core.errors import DomainError

    with pytest.raises(DomainError):
        services.preference_set(user=person(), mode="hourly")


def _held_last_week(reader) -> None:
    _notice(reader.email)
    last_week = week_start(timezone.now()) - dt.timedelta(days=2)
    PendingNotice.objects.update(created_at=last_week)


def test_the_weekly_digest_goes_once_with_everything_held() -> None:
    reader = person()
    services.preference_set(user=reader, mode="weekly_digest")
    _held_last_week(reader)
    _notice(reader.email)  # held this week
    now = timezone.now()
    assert services.digests_send(now=now) == {"digests": 1}
    assert services.digests_send(now=now) == {"digests": 0}
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [reader.email]
    assert "A notice" in mail.outbox[0].body
    digest = Digest.objects.get()
    assert digest.sent_at is not None and digest.notices.count() == 1
    # This week's notice waits for next week's digest.
    assert PendingNotice.objects.filter(digest__isnull=True).count() == 1


def test_the_notifications_page_saves_the_choice() -> None:
    reader = person()
    client = Client()
    client.force_login(reader)
    assert client.get("/analytics/notifications/").status_code == 200
    assert client.post("/analytics/notifications/", {"mode": "weekly_digest"}).status_code == 302
    assert reader.notice_preference.mode == "weekly_digest"

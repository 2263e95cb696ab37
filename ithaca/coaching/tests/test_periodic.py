"""Periodic jobs: reminders, overdue digests, stalled notices, follow-up surveys; never twice."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from ithaca.accounts.tests.factories import UserFactory
from ithaca.coaching import periodic, services
from ithaca.coaching.tests.factories import ActionFactory, SessionFactory, active_engagement

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def run_job(job, now=None):
        with django_capture_on_commit_callbacks(execute=True):
            return job(now=now or timezone.now())

    return run_job


def test_an_action_due_soon_is_reminded_once(run) -> None:
    engagement = active_engagement()
    today = timezone.localdate()
    due = ActionFactory(engagement=engagement, due_on=today + dt.timedelta(days=1))
    ActionFactory(engagement=engagement, due_on=today + dt.timedelta(days=9))
    ActionFactory(engagement=engagement, due_on=today, done_at=timezone.now())
    assert run(periodic.remind_actions_due) == {"reminders": 1}
    assert run(periodic.remind_actions_due) == {"reminders": 0}
    (message,) = mail.outbox
    assert message.to == [engagement.coachee.email] and f"{due.due_on:%-d %b}" in message.body
    assert due.title not in message.body  # e-mails say what happened, not what was written


def test_overdue_items_make_one_digest_a_day_per_person(run) -> None:
    engagement = active_engagement()
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    for _ in range(2):
        ActionFactory(engagement=engagement, due_on=yesterday)
    ActionFactory(engagement=engagement, owner=engagement.coach, due_on=yesterday)
    assert run(periodic.send_overdue_digests) == {"digests": 2}
    assert run(periodic.send_overdue_digests) == {"digests": 0}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [engagement.coachee.email, engagement.coach.email]
    )
    coachee_mail = next(m for m in mail.outbox if m.to == [engagement.coachee.email])
    assert "2 overdue coaching actions" in coachee_mail.subject
    tomorrow = timezone.now() + dt.timedelta(days=1)
    assert run(periodic.send_overdue_digests, tomorrow) == {"digests": 2}


def test_a_stalled_engagement_notifies_coach_coachee_and_managers_once(run) -> None:
    engagement = active_engagement()
    manager = UserFactory()
    engagement.program.managers.add(manager)
    engagement.started_at = timezone.now() - dt.timedelta(days=60)
    engagement.save()
    SessionFactory(engagement=engagement, starts_at=timezone.now() - dt.timedelta(days=40))
    assert run(periodic.flag_stalled_engagements) == {"stalled": 1, "notices": 3}
    assert run(periodic.flag_stalled_engagements) == {"stalled": 1, "notices": 0}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [engagement.coach.email, engagement.coachee.email, manager.email]
    )
    assert engagement.sponsor.email not in [m.to[0] for m in mail.outbox]
    # A session held later restarts the clock; a later stall is a new episode.
    SessionFactory(engagement=engagement, starts_at=timezone.now() - dt.timedelta(days=1))
    assert run(periodic.flag_stalled_engagements) == {"stalled": 0, "notices": 0}
    later = timezone.now() + dt.timedelta(days=30)
    assert run(periodic.flag_stalled_engagements, later) == {"stalled": 1, "notices": 3}


def test_the_follow_up_survey_goes_out_once_when_due(run) -> None:
    engagement = active_engagement(session_count=1)
    SessionFactory(engagement=engagement)
    evaluation = services.engagement_close_out(engagement=engagement, user=engagement.coach)
    assert run(periodic.send_follow_up_surveys) == {"surveys": 0}
    in_three_months = timezone.now() + dt.timedelta(days=91)
    assert run(periodic.send_follow_up_surveys, in_three_months) == {"surveys": 1}
    assert run(periodic.send_follow_up_surveys, in_three_months) == {"surveys": 0}
    (message,) = mail.outbox
    assert message.to == [engagement.coachee.email]
    evaluation.follow_up.refresh_from_db()
    assert evaluation.follow_up.sent_at is not None


def test_running_the_periodic_command_twice_sends_nothing_twice(
    django_capture_on_commit_callbacks,
) -> None:
    engagement = active_engagement()
    engagement.started_at = timezone.now() - dt.timedelta(days=60)
    engagement.save()
    ActionFactory(engagement=engagement, due_on=timezone.localdate() - dt.timedelta(days=2))
    ActionFactory(engagement=engagement, due_on=timezone.localdate() + dt.timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("periodic", stdout=open("/dev/null", "w"))  # noqa: SIM115
    first = len(mail.outbox)
    assert first >= 4  # a reminder, a digest, and the stalled notice to coach and coachee
    with django_capture_on_commit_callbacks(execute=True):
        call_command("periodic", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == first

"""Periodic jobs: nudges after silence and reviews at the period's end, never twice."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from ithaca.mentoring.models import Meeting, Nudge, Review
from ithaca.mentoring.periodic import ask_for_reviews, nudge_silent_relationships
from ithaca.mentoring.tests.factories import (
    MeetingFactory,
    active_relationship,
    group_of,
    soon,
    started_days_ago,
)
from ithaca.programs import relationships as lifecycle

pytestmark = pytest.mark.django_db


def _run(capture, job=nudge_silent_relationships, now=None):
    with capture(execute=True):
        return job(now=now or timezone.now())


def test_a_silent_relationship_is_nudged_once(django_capture_on_commit_callbacks) -> None:
    rel = started_days_ago(active_relationship(), 31)
    assert _run(django_capture_on_commit_callbacks) == {"nudged": 1}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([rel.mentor.email, rel.mentee.email])
    assert _run(django_capture_on_commit_callbacks) == {"nudged": 0}
    assert len(mail.outbox) == 2 and Nudge.objects.get().sent_at is not None


def test_running_the_periodic_command_twice_sends_nothing_twice(
    django_capture_on_commit_callbacks,
) -> None:
    started_days_ago(active_relationship(review_period_days=30), 40)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("periodic", stdout=open("/dev/null", "w"))  # noqa: SIM115
    sent = len(mail.outbox)
    # Other apps' jobs (e.g. pulse surveys) may write too; mentoring's are these two.
    subjects = [
        m.subject
        for m in mail.outbox
        if "catch up" in m.subject or "continue or conclude" in m.subject
    ]
    # One nudge and one review request to each of the two people.
    assert len(subjects) == 4
    assert sum("It has been 40 days" in subject for subject in subjects) == 2
    with django_capture_on_commit_callbacks(execute=True):
        call_command("periodic", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == sent


def test_a_recent_meeting_means_no_nudge(django_capture_on_commit_callbacks) -> None:
    rel = started_days_ago(active_relationship(), 90)
    MeetingFactory(relationship=rel, starts_at=timezone.now() - dt.timedelta(days=5))
    assert _run(django_capture_on_commit_callbacks) == {"nudged": 0}


def test_the_programs_silence_sets_the_threshold(django_capture_on_commit_callbacks) -> None:
    started_days_ago(active_relationship(nudge_after_days=60), 45)
    assert _run(django_capture_on_commit_callbacks) == {"nudged": 0}
    started_days_ago(active_relationship(nudge_after_days=14), 15)
    assert _run(django_capture_on_commit_callbacks) == {"nudged": 1}


def test_a_new_silence_after_a_meeting_is_nudged_again(django_capture_on_commit_callbacks):
    rel = started_days_ago(active_relationship(), 100)
    _run(django_capture_on_commit_callbacks)
    MeetingFactory(relationship=rel, starts_at=timezone.now() - dt.timedelta(days=40))
    assert _run(django_capture_on_commit_callbacks) == {"nudged": 1}
    assert Nudge.objects.filter(relationship=rel).count() == 2


def test_a_meeting_ahead_means_no_nudge(django_capture_on_commit_callbacks) -> None:
    rel = started_days_ago(active_relationship(), 45)
    MeetingFactory(
        relationship=rel, starts_at=soon(2), status=Meeting.Status.CONFIRMED,
        responded_by=rel.mentor,
    )  # fmt: skip
    assert _run(django_capture_on_commit_callbacks) == {"nudged": 0}


def test_paused_and_concluded_relationships_are_not_nudged(
    django_capture_on_commit_callbacks,
) -> None:
    paused = started_days_ago(active_relationship(), 60)
    lifecycle.relationship_pause(paused, user=paused.mentee)
    ended = started_days_ago(active_relationship(), 60)
    lifecycle.relationship_conclude(ended, user=ended.mentee)
    assert _run(django_capture_on_commit_callbacks) == {"nudged": 0}


def test_a_group_meeting_counts_as_contact_for_every_mentee(
    django_capture_on_commit_callbacks,
) -> None:
    first, _second = (started_days_ago(rel, 60) for rel in group_of(2))
    MeetingFactory(relationship=first, starts_at=timezone.now() - dt.timedelta(days=3))
    assert _run(django_capture_on_commit_callbacks) == {"nudged": 0}


def test_a_review_is_asked_at_the_end_of_the_period_once(
    django_capture_on_commit_callbacks,
) -> None:
    rel = started_days_ago(active_relationship(review_period_days=182), 183)
    MeetingFactory(relationship=rel, starts_at=timezone.now() - dt.timedelta(days=2))
    assert _run(django_capture_on_commit_callbacks, ask_for_reviews) == {"asked": 1}
    assert "continue or conclude" in mail.outbox[0].subject
    assert _run(django_capture_on_commit_callbacks, ask_for_reviews) == {"asked": 0}
    review = Review.objects.get(relationship=rel)
    assert review.period == 1 and review.due_at == rel.started_at + dt.timedelta(days=182)


def test_continuing_renews_the_period(django_capture_on_commit_callbacks) -> None:
    from ithaca.mentoring import services

    rel = started_days_ago(active_relationship(review_period_days=30), 31)
    _run(django_capture_on_commit_callbacks, ask_for_reviews)
    services.review_answer(relationship=rel, user=rel.mentee, decision="continue")
    services.review_answer(relationship=rel, user=rel.mentor, decision="continue")
    assert _run(django_capture_on_commit_callbacks, ask_for_reviews) == {"asked": 0}
    later = timezone.now() + dt.timedelta(days=31)
    assert _run(django_capture_on_commit_callbacks, ask_for_reviews, later) == {"asked": 1}
    assert Review.objects.filter(relationship=rel).order_by("period").last().period == 2


def test_a_young_relationship_is_not_reviewed(django_capture_on_commit_callbacks) -> None:
    started_days_ago(active_relationship(), 20)
    assert _run(django_capture_on_commit_callbacks, ask_for_reviews) == {"asked": 0}


def test_one_programs_failure_is_logged_and_the_other_programs_are_still_nudged(
    django_capture_on_commit_callbacks, monkeypatch, caplog
) -> None:
    from ithaca.mentoring.services import schedule

    broken = started_days_ago(active_relationship(), 31)
    fine = started_days_ago(active_relationship(), 31)
    real = schedule._nudge_program

    def nudge(program, now):
        if program.pk == broken.program_id:
            raise OverflowError("date value out of range")
        return real(program, now)

    monkeypatch.setattr(schedule, "_nudge_program", nudge)
    assert _run(django_capture_on_commit_callbacks) == {"nudged": 1}
    assert Nudge.objects.get().relationship_id == fine.pk
    assert "mentoring.nudges failed" in caplog.text and "OverflowError" in caplog.text

"""Sponsor reports and their approval gate; close-out and the follow-up."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from ithaca.coaching import services
from ithaca.coaching.access import access_report
from ithaca.coaching.models import CloseOutEvaluation, EvaluationAnswer, SponsorReport
from ithaca.coaching.tests.factories import (
    ActionFactory,
    GoalFactory,
    active_engagement,
    at,
    proposed_engagement,
    sign_all,
)
from ithaca.core.errors import DomainError, PermissionDenied

pytestmark = pytest.mark.django_db


def _with_content(engagement):
    session = services.session_schedule(
        engagement=engagement,
        user=engagement.coach,
        starts_at=at(-2),
        ends_at=at(-2, 11),
        location="Room 9",
        agenda="SECRET-AGENDA",
        held=True,
    )
    services.note_add(
        session=session, user=engagement.coach, visibility="shared", text="SECRET-NOTE"
    )
    goal = GoalFactory(engagement=engagement)
    services.checkin_record(goal=goal, user=engagement.coachee, value="3.5")
    ActionFactory(engagement=engagement, title="SECRET-ACTION")
    return goal


def test_a_report_holds_attendance_and_progress_and_never_notes_agendas_or_actions() -> None:
    engagement = active_engagement(sponsor_sees="attendance_and_progress")
    _with_content(engagement)
    report = services.report_generate(engagement=engagement, user=engagement.coach)
    text = json.dumps(report.content)
    assert report.content["attendance"] == {
        "agreed": 4,
        "held": 1,
        "scheduled": 0,
        "cancelled": 0,
        "late_cancelled": 0,
    }
    (goal,) = report.content["progress"]
    assert (goal["baseline"], goal["target"], goal["latest"], goal["attainment"]) == (
        "6",
        "1",
        "3.5",
        "0.5000",
    )
    assert "SECRET" not in text


def test_attendance_only_terms_leave_progress_out() -> None:
    engagement = active_engagement(sponsor_sees="attendance")
    _with_content(engagement)
    report = services.report_generate(engagement=engagement, user=engagement.coach)
    assert report.content["progress"] is None and report.content["attendance"]["held"] == 1


def test_no_report_when_the_terms_share_nothing_or_there_is_no_sponsor() -> None:
    for engagement in (active_engagement(sponsor_sees="nothing"), active_engagement(sponsor=False)):
        with pytest.raises(DomainError):
            services.report_generate(engagement=engagement, user=engagement.coach)
    assert not SponsorReport.objects.exists()


def test_only_the_coach_writes_reports() -> None:
    engagement = active_engagement()
    for person in (engagement.coachee, engagement.sponsor):
        with pytest.raises(PermissionDenied):
            services.report_generate(engagement=engagement, user=person)


def test_the_sponsor_reads_a_report_only_after_the_coachee_approves_it(
    django_capture_on_commit_callbacks,
) -> None:
    engagement = active_engagement()
    report = services.report_generate(engagement=engagement, user=engagement.coach)
    sponsor = engagement.sponsor
    with pytest.raises(Exception, match="No such report"):
        access_report(sponsor, report.pk)
    with django_capture_on_commit_callbacks(execute=True):
        report = services.report_submit(report=report, user=engagement.coach)
    assert mail.outbox[-1].to == [engagement.coachee.email]
    with pytest.raises(Exception, match="No such report"):
        access_report(sponsor, report.pk)
    with pytest.raises(PermissionDenied):
        services.report_approve(report=report, user=engagement.coach)
    with django_capture_on_commit_callbacks(execute=True):
        services.report_approve(report=report, user=engagement.coachee)
    assert mail.outbox[-1].to == [sponsor.email]
    assert access_report(sponsor, report.pk).status == "approved"


def test_the_coachee_can_send_a_report_back_with_a_reason() -> None:
    engagement = active_engagement()
    report = services.report_generate(engagement=engagement, user=engagement.coach)
    report = services.report_submit(report=report, user=engagement.coach)
    with pytest.raises(DomainError, match="what to change"):
        services.report_request_changes(report=report, user=engagement.coachee, comment="")
    report = services.report_request_changes(
        report=report, user=engagement.coachee, comment="Leave out the cancelled session"
    )
    assert report.status == "changes_requested"
    with pytest.raises(DomainError, match="not waiting"):
        services.report_approve(report=report, user=engagement.coachee)
    report = services.report_refresh(report=report, user=engagement.coach, summary="Revised")
    assert services.report_submit(report=report, user=engagement.coach).status == (
        "awaiting_coachee"
    )


def test_an_approved_report_cannot_be_edited() -> None:
    engagement = active_engagement()
    report = services.report_generate(engagement=engagement, user=engagement.coach)
    services.report_submit(report=report, user=engagement.coach)
    services.report_approve(report=report, user=engagement.coachee)
    with pytest.raises(DomainError):
        services.report_refresh(report=report, user=engagement.coach, summary="Sneaky edit")


def _used_up():
    engagement = active_engagement(session_count=1)
    services.session_schedule(
        engagement=engagement,
        user=engagement.coach,
        starts_at=at(-1),
        ends_at=at(-1, 11),
        location="Room",
        held=True,
    )
    return engagement


def test_close_out_waits_for_the_end_date_or_the_last_session() -> None:
    engagement = active_engagement(session_count=3)
    with pytest.raises(DomainError, match="end date"):
        services.engagement_close_out(engagement=engagement, user=engagement.coach)
    assert not CloseOutEvaluation.objects.exists()


def test_close_out_snapshots_attainment_concludes_and_schedules_the_follow_up() -> None:
    engagement = _used_up()
    goal = GoalFactory(engagement=engagement, baseline=Decimal(0), target=Decimal(10))
    services.checkin_record(goal=goal, user=engagement.coachee, value=4)
    with pytest.raises(PermissionDenied):
        services.engagement_close_out(engagement=engagement, user=engagement.coachee)
    evaluation = services.engagement_close_out(
        engagement=engagement, user=engagement.coach, reflection="I pushed too fast early on"
    )
    engagement.refresh_from_db()
    assert engagement.status == "concluded"
    assert evaluation.mean_attainment == Decimal("0.4") and evaluation.sessions_held == 1
    assert evaluation.minutes_used == 60
    assert evaluation.follow_up.due_on == timezone.localdate() + dt.timedelta(days=90)
    with pytest.raises(DomainError, match="already been closed out"):
        services.engagement_close_out(engagement=engagement, user=engagement.coach)


def test_close_out_is_allowed_at_the_end_date() -> None:
    engagement = proposed_engagement()
    today = timezone.localdate()
    sign_all(engagement, starts_on=today - dt.timedelta(days=90), ends_on=today)
    engagement.refresh_from_db()
    assert services.engagement_close_out(engagement=engagement, user=engagement.coach).pk


def test_the_coachee_answers_once_with_kirkpatrick_levels_kept() -> None:
    engagement = _used_up()
    evaluation = services.engagement_close_out(engagement=engagement, user=engagement.coach)
    with pytest.raises(DomainError, match="1 to 5"):
        services.evaluation_respond(
            evaluation=evaluation, user=engagement.coachee, satisfaction=9, answers={}
        )
    with pytest.raises(DomainError, match="1 to 5"):
        services.evaluation_respond(
            evaluation=evaluation,
            user=engagement.coachee,
            satisfaction=4,
            answers={"useful": "lots"},
        )
    assert not EvaluationAnswer.objects.exists()
    services.evaluation_respond(
        evaluation=evaluation,
        user=engagement.coachee,
        satisfaction="5",
        answers={"useful": "4", "learned": "To let go", "doing": ""},
    )
    levels = dict(EvaluationAnswer.objects.values_list("question", "level"))
    assert levels == {"useful": "reaction", "learned": "learning"}
    with pytest.raises(DomainError, match="already answered"):
        services.evaluation_respond(
            evaluation=evaluation, user=engagement.coachee, satisfaction=5, answers={}
        )


def test_the_follow_up_opens_on_its_due_date() -> None:
    engagement = _used_up()
    evaluation = services.engagement_close_out(engagement=engagement, user=engagement.coach)
    answers = {"lasting": "The weekly delegation meeting"}
    with pytest.raises(DomainError, match="opens on"):
        services.follow_up_respond(evaluation=evaluation, user=engagement.coachee, answers=answers)
    evaluation.follow_up.due_on = timezone.localdate()
    evaluation.follow_up.save()
    survey = services.follow_up_respond(
        evaluation=evaluation, user=engagement.coachee, answers=answers
    )
    assert survey.completed_at is not None
    assert EvaluationAnswer.objects.get(question="lasting").level == "behaviour"

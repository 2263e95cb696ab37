"""Demo goals, check-ins, actions, sponsor reports and close-out evaluations."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.utils import timezone

from ithaca.coaching import metrics, questions, rules
from ithaca.coaching.demo.story import (
    ACTIONS,
    BATCH,
    CANCELLED,
    GOALS,
    HELD,
    REFLECTIONS,
    SCHEDULED,
    STARTED,
    Story,
    at,
    backdate,
)
from ithaca.coaching.models import (
    ActionItem,
    CheckIn,
    CloseOutEvaluation,
    EvaluationAnswer,
    FollowUpSurvey,
    Goal,
    SponsorReport,
)
from ithaca.programs.lifecycle import Status


def _goal_rows(rng: random.Random, story: Story) -> list[Goal]:
    assert story.version is not None
    picks = rng.sample(GOALS, k=rng.choice((1, 2)))
    return [
        Goal(
            engagement=story.engagement,
            statement=statement,
            metric=metric,
            unit=unit,
            baseline=Decimal(baseline),
            target=Decimal(target),
            owner_id=story.engagement.coachee_id,
            due_on=story.version.ends_on,
        )
        for statement, metric, unit, baseline, target in picks
    ]


def _checkin_rows(rng: random.Random, story: Story) -> list[CheckIn]:
    assert story.version is not None
    rows = []
    for goal in story.goals:
        story.checkins[id(goal)] = []
        for index, session in enumerate(story.held):
            share = min(1.0, (index + 1) / story.version.session_count * rng.uniform(0.7, 1.25))
            value = goal.baseline + (goal.target - goal.baseline) * Decimal(str(round(share, 2)))
            checkin = CheckIn(
                goal=goal,
                value=value.quantize(Decimal("0.1")),
                recorded_on=session.starts_at.date(),
                recorded_by_id=story.engagement.coachee_id,
            )
            story.checkins[id(goal)].append(checkin)
            rows.append(checkin)
    return rows


def add_goals(rng: random.Random, stories: list[Story]) -> dict[str, int]:
    started = [s for s in stories if s.engagement.status in STARTED]
    for story in started:
        story.goals = _goal_rows(rng, story)
    Goal.objects.bulk_create([g for s in started for g in s.goals], batch_size=BATCH)
    backdate(
        Goal, {g.pk: at(s.version.starts_on, 9) for s in started if s.version for g in s.goals}
    )
    checkins = [row for story in started for row in _checkin_rows(rng, story)]
    CheckIn.objects.bulk_create(checkins, batch_size=BATCH)
    return {"goals": sum(len(s.goals) for s in started), "checkins": len(checkins)}


def _action_rows(rng: random.Random, story: Story, today: dt.date) -> list[ActionItem]:
    engagement = story.engagement
    goal = story.goals[0] if story.goals else None
    concluded = engagement.status == Status.CONCLUDED
    plans = [(-10, True), (-3, concluded), (5, False)]  # done, overdue (unless closed), open
    rows = []
    for offset, is_done in plans[: 2 if concluded else 3]:
        due = today + dt.timedelta(days=offset)
        rows.append(
            ActionItem(
                engagement=engagement,
                goal=goal,
                title=rng.choice(ACTIONS),
                owner_id=engagement.coachee_id if offset != 5 else engagement.coach_id,
                due_on=due,
                done_at=at(due - dt.timedelta(days=1), 18) if is_done else None,
                created_by_id=engagement.coach_id,
            )
        )
    return rows


def add_actions(rng: random.Random, stories: list[Story], today: dt.date) -> dict[str, int]:
    """Done, overdue and open actions for each story that has goals."""
    rows = [row for story in stories if story.goals for row in _action_rows(rng, story, today)]
    return {"actions": len(ActionItem.objects.bulk_create(rows, batch_size=BATCH))}


def _progress(story: Story) -> list[dict[str, Any]]:
    rows = []
    for goal in story.goals:
        checkins = story.checkins.get(id(goal), [])
        latest = checkins[-1].value if checkins else None
        attained = metrics.attainment(baseline=goal.baseline, target=goal.target, latest=latest)
        rows.append(
            {
                "goal": goal.pk,
                "statement": goal.statement,
                "metric": goal.metric,
                "unit": goal.unit,
                "baseline": str(goal.baseline.normalize()),
                "target": str(goal.target.normalize()),
                "latest": None if latest is None else str(latest.normalize()),
                "attainment": None if attained is None else str(attained),
                "due_on": goal.due_on.isoformat(),
            }
        )
    return rows


def _content(story: Story, today: dt.date) -> dict[str, Any]:
    version = story.version
    assert version is not None
    statuses = [s.status for s in story.sessions]
    return {
        "terms": version.sponsor_sees,
        "agreement_version": version.number,
        "attendance": {
            "agreed": version.session_count,
            "held": statuses.count(HELD),
            "scheduled": statuses.count(SCHEDULED),
            "cancelled": statuses.count(CANCELLED),
            "late_cancelled": 0,
        },
        "progress": _progress(story) if rules.sponsor_sees_progress(version.sponsor_sees) else None,
        "generated_on": today.isoformat(),
    }


def _report_rows(stories: list[Story], today: dt.date) -> list[SponsorReport]:
    rows, awaiting_done = [], False
    now = at(today, 8)
    for story in stories:
        version = story.version
        shared = version is not None and rules.sponsor_sees_reports(version.sponsor_sees)
        if version is None or not shared or not story.held:
            continue
        rows.append(
            SponsorReport(
                engagement=story.engagement,
                agreement=version,
                status="approved",
                content=_content(story, today),
                summary="Steady attendance and clear progress.",
                submitted_at=now - dt.timedelta(days=3),
                approved_at=now - dt.timedelta(days=2),
            )
        )
        if not awaiting_done and story.engagement.status == Status.ACTIVE:
            awaiting_done = True
            rows.append(
                SponsorReport(
                    engagement=story.engagement,
                    agreement=version,
                    status="awaiting_coachee",
                    content=_content(story, today),
                    summary="Mid-point update.",
                    submitted_at=now,
                )
            )
    return rows


def _evaluation(rng: random.Random, story: Story) -> CloseOutEvaluation:
    progress = _progress(story)
    mean = metrics.mean_attainment(
        Decimal(row["attainment"]) if row["attainment"] else None for row in progress
    )
    minutes = sum(session.minutes for session in story.held)
    return CloseOutEvaluation(
        engagement=story.engagement,
        attainment=progress,
        mean_attainment=mean,
        sessions_held=len(story.held),
        minutes_used=minutes,
        satisfaction=rng.randint(3, 5),
        coach_reflection=rng.choice(REFLECTIONS),
        closed_by_id=story.engagement.coach_id,
        coachee_submitted_at=story.engagement.ended_at,
    )


def _answers(rng: random.Random, evaluation: CloseOutEvaluation) -> list[EvaluationAnswer]:
    return [
        EvaluationAnswer(
            evaluation=evaluation,
            survey=q.survey,
            question=q.key,
            level=q.level,
            rating=rng.randint(3, 5) if q.rating else None,
            text="" if q.rating else "Handing work over early, and saying what I need.",
        )
        for q in questions.questions_for(questions.CLOSE_OUT)
    ]


def add_outcomes(rng: random.Random, stories: list[Story], today: dt.date) -> dict[str, int]:
    concluded = [s for s in stories if s.engagement.status == Status.CONCLUDED and s.version]
    evaluations = [_evaluation(rng, story) for story in concluded]
    CloseOutEvaluation.objects.bulk_create(evaluations, batch_size=BATCH)
    backdate(
        CloseOutEvaluation,
        {e.pk: e.engagement.ended_at for e in evaluations if e.engagement.ended_at},
    )
    EvaluationAnswer.objects.bulk_create(
        [answer for e in evaluations for answer in _answers(rng, e)], batch_size=BATCH
    )
    surveys = []
    for evaluation in evaluations:
        ended = evaluation.engagement.ended_at or timezone.now()
        due = ended.date() + dt.timedelta(days=questions.FOLLOW_UP_AFTER_DAYS)
        sent = at(due, 7) if due <= today else None
        surveys.append(FollowUpSurvey(evaluation=evaluation, due_on=due, sent_at=sent))
    FollowUpSurvey.objects.bulk_create(surveys, batch_size=BATCH)
    reports = SponsorReport.objects.bulk_create(_report_rows(stories, today), batch_size=BATCH)
    backdate(
        SponsorReport,
        {r.pk: r.submitted_at - dt.timedelta(days=1) for r in reports if r.submitted_at},
    )
    return {"reports": len(reports), "evaluations": len(evaluations)}

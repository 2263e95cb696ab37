"""Closing an engagement out: the final evaluation and the three-month follow-up.

The coach closes out at the end date or once every agreed session is used
(held or lost to late cancellation). Close-out snapshots each goal's
attainment, records the coach's private reflection, concludes the engagement
if it is still open, and schedules the behaviour follow-up survey for 90 days
later. The coachee then answers the close-out questions (satisfaction 1-5 and
the Kirkpatrick-tagged set), and the follow-up questions once it is due.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.coaching import metrics, notices, questions, rules
from ithaca.coaching.models import (
    CloseOutEvaluation,
    CoachingEngagement,
    EvaluationAnswer,
    FollowUpSurvey,
)
from ithaca.coaching.selectors import engagement_goals, governing_agreement, session_usage
from ithaca.coaching.services._base import locked, require_role
from ithaca.core.errors import DomainError
from ithaca.programs import reasons
from ithaca.programs.lifecycle import OPEN_STATUSES, Status
from ithaca.programs.relationships import relationship_conclude


def _check_due(engagement: CoachingEngagement, today: dt.date) -> None:
    if engagement.status == Status.CONCLUDED:
        return
    if engagement.status not in (Status.ACTIVE, Status.PAUSED):
        raise DomainError(_("Only an engagement that started can be closed out."))
    governing = governing_agreement(engagement)
    usage = session_usage(engagement)
    used_up = governing is not None and usage.held + usage.late_cancelled >= governing.session_count
    ended = engagement.ends_on is not None and today >= engagement.ends_on
    if not (used_up or ended):
        raise DomainError(
            _(
                "Close-out comes at the agreement's end date or once every agreed session is "
                "used; to stop earlier, conclude the engagement first."
            )
        )


@transaction.atomic
def engagement_close_out(
    *, engagement: CoachingEngagement, user: User, reflection: str = ""
) -> CloseOutEvaluation:
    """The coach closes the engagement with an attainment snapshot and a reflection."""
    engagement = locked(engagement.pk)
    require_role(engagement, user, [rules.COACH], _("Only the coach closes an engagement out."))
    if CloseOutEvaluation.objects.filter(engagement=engagement).exists():
        raise DomainError(_("This engagement has already been closed out."))
    today = timezone.localdate()
    _check_due(engagement, today)
    progress = engagement_goals(engagement)
    usage = session_usage(engagement)
    evaluation = CloseOutEvaluation.objects.create(
        engagement=engagement,
        attainment=[item.as_dict() for item in progress],
        mean_attainment=metrics.mean_attainment(item.attainment for item in progress),
        sessions_held=usage.held,
        minutes_used=usage.minutes_held,
        coach_reflection=reflection.strip()[:4000],
        closed_by=user,
    )
    FollowUpSurvey.objects.create(
        evaluation=evaluation, due_on=today + dt.timedelta(days=questions.FOLLOW_UP_AFTER_DAYS)
    )
    if engagement.status in OPEN_STATUSES:
        relationship_conclude(engagement, user=user, reason=reasons.CLOSED_OUT, tell=False)
    notices.tell_evaluation_due(engagement, actor=user)
    return evaluation


def _rating(value: object, *, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise DomainError(_("Give a rating from 1 to 5."), field=field)
    text = str(value).strip()
    if not text.isdigit() or not 1 <= int(text) <= 5:
        raise DomainError(_("Give a rating from 1 to 5."), field=field)
    return int(text)


def _answers(
    evaluation: CloseOutEvaluation, survey: str, answers: Mapping[str, object]
) -> list[EvaluationAnswer]:
    rows = []
    for question in questions.questions_for(survey):
        raw = answers.get(question.key)
        if raw in (None, ""):
            continue  # every question may be skipped
        rating = _rating(raw, field=question.key) if question.rating else None
        text = "" if question.rating else str(raw).strip()[:4000]
        rows.append(
            EvaluationAnswer(
                evaluation=evaluation,
                survey=survey,
                question=question.key,
                level=question.level,
                rating=rating,
                text=text,
            )
        )
    return rows


def _locked_evaluation(evaluation: CloseOutEvaluation, user: User) -> CloseOutEvaluation:
    engagement = locked(evaluation.engagement_id)
    require_role(engagement, user, [rules.COACHEE], _("Only the coachee answers the evaluation."))
    return CloseOutEvaluation.objects.select_for_update().get(pk=evaluation.pk)


@transaction.atomic
def evaluation_respond(
    *,
    evaluation: CloseOutEvaluation,
    user: User,
    satisfaction: object,
    answers: Mapping[str, object],
) -> CloseOutEvaluation:
    """The coachee's satisfaction (1-5) and answers to the close-out questions, once."""
    evaluation = _locked_evaluation(evaluation, user)
    if evaluation.coachee_submitted_at is not None:
        raise DomainError(_("You have already answered this evaluation."))
    evaluation.satisfaction = _rating(satisfaction, field="satisfaction")
    EvaluationAnswer.objects.bulk_create(_answers(evaluation, questions.CLOSE_OUT, answers))
    evaluation.coachee_submitted_at = timezone.now()
    evaluation.save(update_fields=["satisfaction", "coachee_submitted_at", "updated_at"])
    return evaluation


@transaction.atomic
def follow_up_respond(
    *, evaluation: CloseOutEvaluation, user: User, answers: Mapping[str, object]
) -> FollowUpSurvey:
    """The coachee's answers to the behaviour follow-up, from its due date on, once."""
    evaluation = _locked_evaluation(evaluation, user)
    survey = FollowUpSurvey.objects.select_for_update().get(evaluation=evaluation)
    if survey.completed_at is not None:
        raise DomainError(_("You have already answered the follow-up."))
    if timezone.localdate() < survey.due_on:
        raise DomainError(
            _("The follow-up opens on %(day)s.")
            % {"day": date_format(survey.due_on, "DATE_FORMAT")}
        )
    rows = _answers(evaluation, questions.FOLLOW_UP, answers)
    if not rows:
        raise DomainError(_("Answer at least one question."))
    EvaluationAnswer.objects.bulk_create(rows)
    survey.completed_at = timezone.now()
    survey.save(update_fields=["completed_at"])
    return survey

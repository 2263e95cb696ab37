"""Mentor training: taking a module's check, and recording who has completed it all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ithaca.accounts.models import User
from ithaca.core.errors import DomainError
from ithaca.mentoring.models import TrainingAttempt, TrainingCompletion, TrainingModule
from ithaca.programs.models import Participation


def _score(module: TrainingModule, answers: Sequence[object]) -> int:
    questions = module.questions
    if len(answers) != len(questions):
        raise DomainError(
            ngettext(
                "Answer all %(total)s questions (you answered %(given)s).",
                "Answer all %(total)s questions (you answered %(given)s).",
                len(questions),
            )
            % {"total": len(questions), "given": len(answers)},
            field="answers",
        )
    correct = 0
    for number, (answer, question) in enumerate(zip(answers, questions, strict=True), 1):
        if isinstance(answer, bool) or not isinstance(answer, int):
            raise DomainError(
                _("Choose one answer for question %(number)s.") % {"number": number},
                field="answers",
            )
        if not 0 <= answer < len(question["choices"]):
            raise DomainError(
                _("Choose one of the answers offered for question %(number)s.")
                % {"number": number},
                field="answers",
            )
        correct += answer == question["answer"]
    return correct


@transaction.atomic
def training_submit(
    *, user: User, module: TrainingModule, answers: Sequence[object]
) -> TrainingAttempt:
    """Score one try at a module's check; passing records the module as completed, and
    completing every module marks the person's mentor roles as trained."""
    correct = _score(module, answers)
    total = len(module.questions)
    passed = correct * 100 >= module.pass_mark * total
    attempt = TrainingAttempt.objects.create(
        user=user,
        module=module,
        answers=list(answers),
        correct=correct,
        total=total,
        passed=passed,
    )
    if passed:
        TrainingCompletion.objects.get_or_create(user=user, module=module)
        training_record(user=user, now=attempt.created_at)
    return attempt


def remaining_modules(user: User) -> list[TrainingModule]:
    done = TrainingCompletion.objects.filter(user=user).values("module_id")
    return list(TrainingModule.objects.exclude(pk__in=done))


def _fully_trained() -> QuerySet[Any]:
    total = TrainingModule.objects.count()
    return (
        TrainingCompletion.objects.values("user_id")
        .annotate(done=Count("module_id", distinct=True))
        .filter(done__gte=max(total, 1))
        .values("user_id")
    )


@transaction.atomic
def training_record(*, user: User, now: dt.datetime | None = None) -> int:
    """When the person has completed every module, set `training_completed_at` on each
    of their mentor roles that lacks it. Returns how many roles changed."""
    if remaining_modules(user):
        return 0
    return Participation.objects.filter(
        user=user, role=Participation.Role.MENTOR, training_completed_at__isnull=True
    ).update(training_completed_at=now or timezone.now())


@transaction.atomic
def training_sync(*, now: dt.datetime) -> int:
    """Mark mentor roles taken up after the person finished the training (periodic)."""
    return Participation.objects.filter(
        role=Participation.Role.MENTOR,
        training_completed_at__isnull=True,
        user_id__in=_fully_trained(),
    ).update(training_completed_at=now)

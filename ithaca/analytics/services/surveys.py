"""Pulse surveys, ratings after meetings and sessions, and each program's schedule.

Scheduling writes one row per person and point of the schedule (unique), so the
periodic job can run any number of times: the second run creates nothing and
the e-mail tasks, which check `sent_at` under a row lock, send nothing again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.analytics.models import (
    MeetingRating,
    ProgramSurveySettings,
    SurveyInvitation,
    SurveyResponse,
)
from ithaca.coaching.models import CoachingEngagement, CoachingSession
from ithaca.core.errors import DomainError
from ithaca.mentoring.models import Meeting, MentoringRelationship
from ithaca.notifications.services import notify
from ithaca.programs.lifecycle import Status
from ithaca.programs.models import Program
from ithaca.programs.modes import COACHING, MENTORING

BATCH = 1000
# An invitation or prompt not sent within this long (the job was down) is not sent late.
SEND_WITHIN = dt.timedelta(days=14)
RATE_WITHIN = dt.timedelta(days=7)
MODELS: dict[str, Any] = {MENTORING: MentoringRelationship, COACHING: CoachingEngagement}


def schedule_point(
    *, started_at: dt.datetime, now: dt.datetime, first: int, every: int
) -> tuple[int, dt.datetime] | None:
    """The latest point of the schedule reached by `now`: (sequence, due time), or None
    before the first. Points are `first` days after the start, then every `every` days."""
    first_due = started_at + dt.timedelta(days=first)
    if now < first_due:
        return None
    sequence = 1 + (now - first_due).days // every
    return sequence, first_due + dt.timedelta(days=every * (sequence - 1))


def _settings() -> dict[int, ProgramSurveySettings]:
    return {row.program_id: row for row in ProgramSurveySettings.objects.all()}


def _default_settings(program_id: int) -> ProgramSurveySettings:
    return ProgramSurveySettings(program_id=program_id)


def _invitations(kind: str, now: dt.datetime, settings: Mapping[int, Any]) -> list[Any]:
    model = MODELS[kind]
    rows = model.objects.filter(status=Status.ACTIVE, started_at__isnull=False).values_list(
        "pk", "program_id", "started_at", f"{model.HELPER_FIELD}_id", f"{model.SEEKER_FIELD}_id"
    )
    invitations = []
    for pk, program_id, started_at, helper_id, seeker_id in rows.iterator(chunk_size=BATCH):
        rules = settings.get(program_id) or _default_settings(program_id)
        if not rules.pulse_enabled:
            continue
        point = schedule_point(
            started_at=started_at, now=now, first=rules.first_after_days, every=rules.every_days
        )
        if point is None or now - point[1] > SEND_WITHIN:
            continue
        invitations += [
            SurveyInvitation(person_id=person, program_id=program_id, kind=kind,
                             relationship_id=pk, sequence=point[0], due_at=point[1])
            for person in (helper_id, seeker_id)
        ]  # fmt: skip
    return invitations


@transaction.atomic
def pulse_invitations_create(*, now: dt.datetime) -> dict[str, int]:
    """Invite both people of every active relationship at each point of its program's
    schedule, then e-mail the invitations that are due and not yet sent."""
    settings = _settings()
    before = SurveyInvitation.objects.count()
    for kind in (MENTORING, COACHING):
        SurveyInvitation.objects.bulk_create(
            _invitations(kind, now, settings), ignore_conflicts=True, batch_size=BATCH
        )
    created = SurveyInvitation.objects.count() - before
    due = SurveyInvitation.objects.filter(
        sent_at__isnull=True, answered_at__isnull=True, due_at__lte=now,
        due_at__gt=now - SEND_WITHIN,
    ).select_related("person")  # fmt: skip
    sent = sum(1 for invitation in due if _invite(invitation, now))
    return {"invited": created, "sent": sent}


def _invite(invitation: SurveyInvitation, now: dt.datetime) -> bool:
    """Tell one person a pulse survey is open, while their relationship is active."""
    model = MODELS[invitation.kind]
    if not model.objects.filter(pk=invitation.relationship_id, status=Status.ACTIVE).exists():
        return False
    notify(
        recipient=invitation.person,
        kind="survey.pulse",
        subject=invitation,
        context={"kind": invitation.kind},
        url=reverse("analytics:survey", args=[invitation.pk]),
    )
    SurveyInvitation.objects.filter(pk=invitation.pk).update(sent_at=now)
    return True


def _held_meetings(now: dt.datetime) -> Iterable[tuple[str, int, int, int, dt.datetime, list]]:
    """Meetings and sessions that ended in the last week: (kind, meeting, relationship,
    program, start, the two people)."""
    window = {"ends_at__lte": now, "ends_at__gt": now - RATE_WITHIN}
    meetings = Meeting.objects.filter(
        status__in=(Meeting.Status.CONFIRMED, Meeting.Status.HELD), **window
    ).values_list("pk", "relationship_id", "relationship__program_id", "starts_at",
                  "relationship__mentor_id", "relationship__mentee_id")  # fmt: skip
    for pk, rel, program, start, mentor, mentee in meetings:
        yield MENTORING, pk, rel, program, start, [mentor, mentee]
    sessions = CoachingSession.objects.filter(
        status=CoachingSession.Status.HELD, **window
    ).values_list("pk", "engagement_id", "engagement__program_id", "starts_at",
                  "engagement__coach_id", "engagement__coachee_id")  # fmt: skip
    for pk, rel, program, start, coach, coachee in sessions:
        yield COACHING, pk, rel, program, start, [coach, coachee]


@transaction.atomic
def rating_prompts_create(*, now: dt.datetime) -> dict[str, int]:
    """Ask both people to rate each meeting or session held in the last week, once:
    one e-mail per person listing everything they have not been asked about yet."""
    settings = _settings()
    prompts = [
        MeetingRating(person_id=person, program_id=program, kind=kind, relationship_id=rel,
                      meeting_id=pk, held_at=start)
        for kind, pk, rel, program, start, people in _held_meetings(now)
        if (settings.get(program) or _default_settings(program)).rate_meetings
        for person in people
    ]  # fmt: skip
    before = MeetingRating.objects.count()
    MeetingRating.objects.bulk_create(prompts, ignore_conflicts=True, batch_size=BATCH)
    created = MeetingRating.objects.count() - before
    waiting = MeetingRating.objects.filter(
        prompt_sent_at__isnull=True, rated_at__isnull=True, held_at__gt=now - RATE_WITHIN
    )
    counts: dict[int, list[int]] = {}
    for pk, person_id in waiting.values_list("pk", "person_id"):
        counts.setdefault(person_id, []).append(pk)
    for person in User.objects.filter(pk__in=list(counts)):
        notify(
            recipient=person,
            kind="rating.prompt",
            subject=None,
            context={"count": len(counts[person.pk])},
            url=reverse("analytics:surveys"),
            event=f"ratings:{person.pk}:{max(counts[person.pk])}",
        )
    MeetingRating.objects.filter(pk__in=[pk for pks in counts.values() for pk in pks]).update(
        prompt_sent_at=now
    )
    return {"asked": created, "e-mailed": len(counts)}


def _score(value: object, *, field: str) -> int:
    try:
        score = int(str(value))
    except (TypeError, ValueError):
        raise DomainError(_("Choose a number from 1 to 5."), field=field) from None
    if not 1 <= score <= 5:
        raise DomainError(_("Choose a number from 1 to 5."), field=field)
    return score


@transaction.atomic
def survey_answer(
    *, invitation: SurveyInvitation, user: User, answers: Mapping[str, object], comment: str = ""
) -> SurveyResponse:
    """The invited person answers every question once (1 to 5) and may add a comment."""
    locked = SurveyInvitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.person_id != user.pk:
        raise DomainError(_("This survey is someone else's."))
    if locked.answered_at is not None:
        raise DomainError(_("You have already answered this survey. Thank you!"))
    scores = {name: _score(answers.get(name), field=name) for name, _p in SurveyResponse.QUESTIONS}
    response = SurveyResponse.objects.create(
        invitation=locked, program_id=locked.program_id, kind=locked.kind,
        comment=comment.strip()[:2000], **scores,
    )  # fmt: skip
    locked.answered_at = timezone.now()
    locked.save(update_fields=["answered_at"])
    return response


@transaction.atomic
def meeting_rate(*, rating: MeetingRating, user: User, value: object) -> MeetingRating:
    """The person rates a meeting or session they took part in, once, from 1 to 5."""
    locked = MeetingRating.objects.select_for_update().get(pk=rating.pk)
    if locked.person_id != user.pk:
        raise DomainError(_("This rating is someone else's."))
    if locked.rated_at is not None:
        raise DomainError(_("You have already rated this one. Thank you!"))
    locked.rating = _score(value, field="rating")
    locked.rated_at = timezone.now()
    locked.save(update_fields=["rating", "rated_at"])
    return locked


@transaction.atomic
def survey_settings_set(
    *, program: Program, pulse_enabled: bool, first_after_days: int, every_days: int,
    rate_meetings: bool,
) -> ProgramSurveySettings:  # fmt: skip
    """A program manager sets when the program's pulse surveys go out."""
    if not 1 <= first_after_days <= 365:
        raise DomainError(_("The first survey goes 1 to 365 days after the start."),
                          field="first_after_days")  # fmt: skip
    if not 7 <= every_days <= 365:
        raise DomainError(_("Repeat every 7 to 365 days."), field="every_days")
    settings, _created = ProgramSurveySettings.objects.update_or_create(
        program=program,
        defaults={"pulse_enabled": pulse_enabled, "first_after_days": first_after_days,
                  "every_days": every_days, "rate_meetings": rate_meetings},
    )  # fmt: skip
    return settings

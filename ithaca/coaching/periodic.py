"""Coaching's periodic jobs, run by `manage.py periodic`. Each is idempotent: it
creates a Notice marker (unique kind and key) before enqueuing the e-mail, so a
second run the same day finds the marker and sends nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.db.models import Max, Q
from django.utils import timezone

from ithaca.coaching import tasks
from ithaca.coaching.models import ActionItem, CoachingEngagement, FollowUpSurvey, Notice
from ithaca.coaching.selectors import stalled
from ithaca.core.tasks import enqueue_on_commit
from ithaca.programs.lifecycle import OPEN_STATUSES, Status

REMIND_DAYS_BEFORE = 2
BATCH = 500


def _mark(kind: str, key: str, **refs: object) -> Notice | None:
    """The new marker, or None when this e-mail was already decided."""
    notice, created = Notice.objects.get_or_create(kind=kind, key=key, defaults=refs)
    return notice if created else None


def remind_actions_due(*, now: dt.datetime) -> Mapping[str, int]:
    """Remind an action's owner two days before it is due, once per action."""
    today = timezone.localdate(now)
    due = ActionItem.objects.filter(
        done_at__isnull=True,
        due_on__gte=today,
        due_on__lte=today + dt.timedelta(days=REMIND_DAYS_BEFORE),
        engagement__status__in=OPEN_STATUSES,
    ).values_list("pk", "owner_id", "engagement_id")
    sent = 0
    for action_id, owner_id, engagement_id in due[:BATCH]:
        notice = _mark(
            Notice.Kind.ACTION_DUE,
            f"{action_id}",
            recipient_id=owner_id,
            engagement_id=engagement_id,
        )
        if notice is not None:
            enqueue_on_commit(tasks.send_action_due, notice.pk, action_id)
            sent += 1
    return {"reminders": sent}


def send_overdue_digests(*, now: dt.datetime) -> Mapping[str, int]:
    """One digest a day to each person with overdue actions in open engagements."""
    today = timezone.localdate(now)
    owners = (
        ActionItem.objects.filter(
            done_at__isnull=True, due_on__lt=today, engagement__status__in=OPEN_STATUSES
        )
        .values_list("owner_id", flat=True)
        .distinct()
    )
    sent = 0
    for owner_id in owners[:BATCH]:
        notice = _mark(Notice.Kind.OVERDUE_DIGEST, f"{owner_id}:{today}", recipient_id=owner_id)
        if notice is not None:
            enqueue_on_commit(tasks.send_overdue_digest, notice.pk)
            sent += 1
    return {"digests": sent}


def _recipients(engagement: CoachingEngagement) -> list[int]:
    managers = [manager.pk for manager in engagement.program.managers.all()]
    return list(dict.fromkeys([engagement.coach_id, engagement.coachee_id, *managers]))


def flag_stalled_engagements(*, now: dt.datetime) -> Mapping[str, int]:
    """Tell the coach, the coachee and the program's managers, once per stall: the
    marker's key is the day the clock started, so a new session starts a new clock."""
    today = timezone.localdate(now)
    candidates = (
        CoachingEngagement.objects.filter(status=Status.ACTIVE)
        .select_related("program")
        .prefetch_related("program__managers")
        .annotate(last_held=Max("sessions__starts_at", filter=Q(sessions__status="held")))
    )
    flagged = sent = 0
    for engagement in candidates.iterator(chunk_size=BATCH):
        if not stalled(engagement, engagement.last_held, today):
            continue
        flagged += 1
        since = timezone.localdate(engagement.last_held) if engagement.last_held else "start"
        for person_id in _recipients(engagement):
            notice = _mark(
                Notice.Kind.STALLED,
                f"{engagement.pk}:{since}:{person_id}",
                engagement_id=engagement.pk,
                recipient_id=person_id,
            )
            if notice is not None:
                enqueue_on_commit(tasks.send_stalled_notice, notice.pk)
                sent += 1
    return {"stalled": flagged, "notices": sent}


def send_follow_up_surveys(*, now: dt.datetime) -> Mapping[str, int]:
    """Three months after close-out, the behaviour survey goes to the coachee."""
    due = FollowUpSurvey.objects.filter(
        sent_at__isnull=True, completed_at__isnull=True, due_on__lte=timezone.localdate(now)
    ).values_list("pk", flat=True)
    ids = list(due[:BATCH])
    for survey_id in ids:
        enqueue_on_commit(tasks.send_follow_up_survey, survey_id)
    return {"surveys": len(ids)}


JOBS = [remind_actions_due, send_overdue_digests, flag_stalled_engagements, send_follow_up_surveys]

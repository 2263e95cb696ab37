"""Coaching's periodic jobs, run by `manage.py periodic`. Each is idempotent: every
notification has a key per event and recipient (the action, the owner and day, the
stall's start), so a second run the same day tells nobody anything twice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone

from ithaca.accounts.models import User
from ithaca.coaching import notices
from ithaca.coaching.invites import attendees
from ithaca.coaching.models import ActionItem, CoachingEngagement, CoachingSession, FollowUpSurvey
from ithaca.coaching.selectors import stalled
from ithaca.notifications.services import local_time, notify
from ithaca.programs.lifecycle import OPEN_STATUSES, Status

REMIND_DAYS_BEFORE = 1
BATCH = 500


def remind_actions_due(*, now: dt.datetime) -> Mapping[str, int]:
    """Tell an action's owner the day before it is due (or on the day), once per action."""
    today = timezone.localdate(now)
    due = ActionItem.objects.filter(
        done_at__isnull=True,
        due_on__gte=today,
        due_on__lte=today + dt.timedelta(days=REMIND_DAYS_BEFORE),
        engagement__status__in=OPEN_STATUSES,
    ).select_related("owner")
    sent = 0
    for action in due[:BATCH]:
        told = notify(
            recipient=action.owner,
            kind="action.due",
            subject=action,
            context={"due": f"{action.due_on:%a %-d %b}"},
            url=reverse("coaching:actions", args=[action.engagement_id]),
        )
        sent += told is not None
    return {"reminders": sent}


def send_overdue_digests(*, now: dt.datetime) -> Mapping[str, int]:
    """One notification a day to each person with overdue actions in open engagements."""
    today = timezone.localdate(now)
    overdue = ActionItem.objects.filter(
        done_at__isnull=True, due_on__lt=today, engagement__status__in=OPEN_STATUSES
    )
    counts: dict[int, int] = {}
    for owner_id in overdue.values_list("owner_id", flat=True):
        counts[owner_id] = counts.get(owner_id, 0) + 1
    told = 0
    for owner in User.objects.filter(pk__in=list(counts)[:BATCH]):
        told += (
            notify(
                recipient=owner,
                kind="action.overdue",
                subject=None,
                context={"count": counts[owner.pk]},
                url=reverse("home"),
                event=f"{owner.pk}:{today}",
            )
            is not None
        )
    return {"digests": told}


def _recipients(engagement: CoachingEngagement) -> list[User]:
    people = {p.pk: p for p in (engagement.coach, engagement.coachee)}
    for manager in engagement.program.managers.all():
        people.setdefault(manager.pk, manager)
    return list(people.values())


def flag_stalled_engagements(*, now: dt.datetime) -> Mapping[str, int]:
    """Tell the coach, the coachee and the program's managers, once per stall: the
    key names the day the clock started, so a new session starts a new clock."""
    today = timezone.localdate(now)
    candidates = (
        CoachingEngagement.objects.filter(status=Status.ACTIVE)
        .select_related("program", "coach", "coachee")
        .prefetch_related("program__managers")
        .annotate(last_held=Max("sessions__starts_at", filter=Q(sessions__status="held")))
    )
    flagged = sent = 0
    for engagement in candidates.iterator(chunk_size=BATCH):
        if not stalled(engagement, engagement.last_held, today):
            continue
        flagged += 1
        since = timezone.localdate(engagement.last_held) if engagement.last_held else "start"
        for person in _recipients(engagement):
            with transaction.atomic():
                told = notify(
                    recipient=person,
                    kind="engagement.stalled",
                    subject=engagement,
                    context={"coachee": engagement.coachee.display_name},
                    url=reverse("coaching:detail", args=[engagement.pk]),
                    event=since,
                )
            sent += told is not None
    return {"stalled": flagged, "notices": sent}


def send_follow_up_surveys(*, now: dt.datetime) -> Mapping[str, int]:
    """Three months after close-out, the behaviour survey goes to the coachee."""
    due = FollowUpSurvey.objects.filter(
        sent_at__isnull=True, completed_at__isnull=True, due_on__lte=timezone.localdate(now)
    ).select_related("evaluation__engagement__coachee")
    sent = 0
    for survey in due[:BATCH]:
        with transaction.atomic():
            notices.tell_follow_up(survey)
            FollowUpSurvey.objects.filter(pk=survey.pk).update(sent_at=now)
        sent += 1
    return {"surveys": sent}


def remind_sessions(*, now: dt.datetime) -> Mapping[str, int]:
    """A reminder to every attendee of a session starting within ITHACA_REMINDER_HOURS,
    once per version of the session."""
    soon = now + dt.timedelta(hours=settings.ITHACA_REMINDER_HOURS)
    sessions = CoachingSession.objects.filter(
        status=CoachingSession.Status.SCHEDULED, starts_at__gt=now, starts_at__lte=soon
    ).select_related("engagement__coach", "engagement__coachee", "engagement__sponsor")
    told = 0
    for session in sessions[:BATCH]:
        for person in attendees(session):
            told += (
                notify(
                    recipient=person,
                    kind="session.reminder",
                    subject=session,
                    context={"when": local_time(person, session.starts_at)},
                    url=reverse("coaching:session", args=[session.pk]),
                    event=session.sequence,
                )
                is not None
            )
    return {"reminders": told}


JOBS = [
    remind_actions_due,
    send_overdue_digests,
    flag_stalled_engagements,
    send_follow_up_surveys,
    remind_sessions,
]

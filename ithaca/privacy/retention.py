"""Retention: the notes and journals of relationships that ended long ago are deleted.

A relationship concluded more than RETENTION_YEARS ago keeps its metadata
(who, which program, when, how it went in numbers) for the organization's
reports, but its notes and journals are deleted: mentoring meeting notes, goal
progress notes, journal entries and closing reflections, coaching session notes
and close-out reflections, and the two people's messages. Running it again deletes
nothing more.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet

from ithaca.audit.models import Action
from ithaca.audit.services import record
from ithaca.audit.summaries import counts as audit_counts
from ithaca.coaching.models import CloseOutEvaluation, CoachingEngagement, SessionNote
from ithaca.mentoring.models import (
    Closing,
    GoalNote,
    JournalEntry,
    MeetingNote,
    MentoringRelationship,
)
from ithaca.messaging.models import Message, Thread
from ithaca.programs.lifecycle import Status


def retention_cutoff(now: dt.datetime) -> dt.datetime:
    years = int(settings.ITHACA_RETENTION_YEARS)
    try:
        return now.replace(year=now.year - years)
    except ValueError:  # 29 February in a year that has none
        return now.replace(year=now.year - years, day=28)


@transaction.atomic
def notes_expire(*, now: dt.datetime) -> dict[str, int]:
    """Delete the notes and journals of relationships concluded before the cutoff."""
    cutoff = retention_cutoff(now)
    ended = {"status": Status.CONCLUDED, "ended_at__lt": cutoff}
    mentoring = MentoringRelationship.objects.filter(**ended).values("pk")
    coaching = CoachingEngagement.objects.filter(**ended).values("pk")
    counts = {
        "meeting notes": _delete(MeetingNote.objects.filter(meeting__relationship__in=mentoring)),
        "goal notes": _delete(GoalNote.objects.filter(goal__relationship__in=mentoring)),
        "journal entries": _delete(JournalEntry.objects.filter(relationship__in=mentoring)),
        "session notes": _delete(SessionNote.objects.filter(session__engagement__in=coaching)),
        "messages": _delete(
            Message.objects.filter(thread=Thread.MENTORING, thread_id__in=mentoring)
            | Message.objects.filter(thread=Thread.COACHING, thread_id__in=coaching)
        ),
        "closing reflections": Closing.objects.filter(relationship__in=mentoring)
        .exclude(reflection="")
        .update(reflection=""),
        "close-out reflections": CloseOutEvaluation.objects.filter(engagement__in=coaching)
        .exclude(coach_reflection="")
        .update(coach_reflection=""),
    }
    if any(counts.values()):
        record(
            action=Action.ERASURE,
            code="retention.deleted",
            params={"years": settings.ITHACA_RETENTION_YEARS, "done": audit_counts(counts)},
            object_type="privacy.retention",
            actor=None,
        )
    return counts


def _delete(queryset: QuerySet[Any]) -> int:
    return int(queryset.delete()[1].get(queryset.model._meta.label, 0))

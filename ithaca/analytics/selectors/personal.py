"""One person's own surveys and ratings still to answer."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from ithaca.accounts.models import User
from ithaca.analytics.models import MeetingRating, SurveyInvitation

# Old prompts drop off the list: a rating long after the meeting says little.
OPEN_FOR = dt.timedelta(days=30)


def pending_surveys(user: User, now: dt.datetime | None = None) -> QuerySet[SurveyInvitation]:
    now = now or timezone.now()
    return (
        SurveyInvitation.objects.filter(
            person=user, answered_at__isnull=True, due_at__lte=now, due_at__gt=now - OPEN_FOR * 2
        )
        .select_related("program")
        .order_by("-due_at", "-pk")
    )


def pending_ratings(user: User, now: dt.datetime | None = None) -> QuerySet[MeetingRating]:
    now = now or timezone.now()
    return (
        MeetingRating.objects.filter(person=user, rated_at__isnull=True, held_at__gt=now - OPEN_FOR)
        .select_related("program")
        .order_by("-held_at", "-pk")
    )

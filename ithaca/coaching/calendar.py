"""A person's coaching sessions as entries of their calendar feed: coach and coachee
see every session, a sponsor only the three-way ones. No agenda."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.coaching.invites import session_uid
from ithaca.coaching.models import CoachingSession
from ithaca.core.calendar import FeedEvent


def feed_events(user: User, *, since: dt.datetime | None = None) -> list[FeedEvent]:
    since = since or timezone.now() - dt.timedelta(days=90)
    three_way = ~Q(kind=CoachingSession.Kind.ONE_TO_ONE)
    sessions = CoachingSession.objects.filter(
        Q(engagement__coach=user)
        | Q(engagement__coachee=user)
        | (Q(engagement__sponsor=user) & three_way),
        starts_at__gte=since,
    ).select_related("engagement__coach", "engagement__coachee")
    return [
        FeedEvent(
            uid=session_uid(session),
            start=session.starts_at,
            end=session.ends_at,
            summary=_("Coaching: %(coachee)s with %(coach)s")
            % {
                "coachee": session.engagement.coachee.display_name,
                "coach": session.engagement.coach.display_name,
            },
            sequence=session.sequence,
            cancelled=session.status == CoachingSession.Status.CANCELLED,
            location=session.location,
            url=settings.SITE_URL + reverse("coaching:session", args=[session.pk]),
        )
        for session in sessions
    ]

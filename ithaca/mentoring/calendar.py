"""A person's mentoring meetings and events, as entries of their calendar feed."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from ithaca.accounts.models import User
from ithaca.core.calendar import FeedEvent
from ithaca.mentoring.models import EventSignup, Meeting, MentoringRelationship

SHOWN = (Meeting.Status.PROPOSED, Meeting.Status.CONFIRMED, Meeting.Status.HELD)


def _meetings(user: User, since: dt.datetime) -> list[Meeting]:
    """One's own relationships' meetings and, in group mentoring, the group's."""
    groups = MentoringRelationship.objects.filter(
        Q(mentor=user) | Q(mentee=user), group__isnull=False
    ).values("group_id")
    mine = (
        Q(relationship__mentor=user)
        | Q(relationship__mentee=user)
        | Q(relationship__group_id__in=groups)
    )
    calendars_had_it = Q(status=Meeting.Status.CANCELLED, invite_sent_sequence__gte=0)
    return list(
        Meeting.objects.filter(mine, starts_at__gte=since)
        .filter(Q(status__in=SHOWN) | calendars_had_it)
        .select_related("relationship__mentor", "relationship__mentee")
        .distinct()
    )


def _summary(meeting: Meeting) -> str:
    names = {
        "mentee": meeting.relationship.mentee.display_name,
        "mentor": meeting.relationship.mentor.display_name,
    }
    if meeting.status == Meeting.Status.PROPOSED:
        return gettext("(proposed) Mentoring: %(mentee)s and %(mentor)s") % names
    return gettext("Mentoring: %(mentee)s and %(mentor)s") % names


def feed_events(user: User, *, since: dt.datetime | None = None) -> list[FeedEvent]:
    since = since or timezone.now() - dt.timedelta(days=90)
    events = [
        FeedEvent(
            uid=meeting.uid,
            start=meeting.starts_at,
            end=meeting.ends_at,
            summary=_summary(meeting),
            sequence=meeting.sequence,
            cancelled=meeting.status == Meeting.Status.CANCELLED,
            location=meeting.location,
            url=settings.SITE_URL
            + reverse("mentoring:meeting", args=[meeting.relationship_id, meeting.pk]),
        )
        for meeting in _meetings(user, since)
    ]
    signups = EventSignup.objects.filter(person=user, event__ends_at__gte=since)
    events += [
        FeedEvent(
            uid=f"mentoring-event-{signup.event_id}@ithaca",
            start=signup.event.starts_at,
            end=signup.event.ends_at,
            summary=signup.event.title,
            location=signup.event.location,
            url=settings.SITE_URL + reverse("mentoring:event", args=[signup.event_id]),
        )
        for signup in signups.select_related("event")
    ]
    return events

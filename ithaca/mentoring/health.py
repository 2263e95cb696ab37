"""How a relationship is doing, from the time since the two people last met.

Last contact is the start of the latest meeting that took place (confirmed
and started, or logged), or the relationship's start when there is none. In
group mentoring a group meeting counts for every mentee of the group.

With N = the program's `nudge_after_days` (30 by default):
- green: fewer than N days since last contact;
- amber: N days or more, but fewer than 2N (both have been nudged);
- red:   2N days or more.

Paused, proposed and ended relationships have no colour. Program managers
see these colours and counts, never what is in the workspace.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Case, CharField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import pgettext_lazy

from ithaca.mentoring.models import Meeting, MentoringRelationship

GREEN, AMBER, RED = "green", "amber", "red"
COLOURS = (GREEN, AMBER, RED)
# What a reader sees for each colour (the colour codes stay in classes and URLs).
LABELS = {
    GREEN: pgettext_lazy("relationship health", "green"),
    AMBER: pgettext_lazy("relationship health", "amber"),
    RED: pgettext_lazy("relationship health", "red"),
}
TOOK_PLACE = (Meeting.Status.CONFIRMED, Meeting.Status.HELD)


def colour(days_silent: int, nudge_after_days: int) -> str:
    """The colour for this many whole days since last contact."""
    if days_silent < nudge_after_days:
        return GREEN
    return AMBER if days_silent < 2 * nudge_after_days else RED


def days_between(earlier: dt.datetime, later: dt.datetime) -> int:
    return max(0, (later - earlier).days)


def latest_meeting(now: dt.datetime) -> Case:
    """When the relationship's space last met, up to `now`.

    Two subqueries rather than one with an OR, so each can use an index: the
    relationship's own meetings, or (in group mentoring) the group's.
    """
    took_place = Meeting.objects.filter(status__in=TOOK_PLACE, starts_at__lte=now)
    own = took_place.filter(relationship_id=OuterRef("pk"))
    group = took_place.filter(relationship__group_id=OuterRef("group_id"))
    return Case(
        When(group_id__isnull=True, then=Subquery(_latest(own))),
        default=Subquery(_latest(group)),
    )


def _latest(meetings: QuerySet[Meeting]) -> QuerySet[Any]:
    return meetings.order_by("-starts_at").values("starts_at")[:1]


def with_last_contact(queryset: QuerySet[MentoringRelationship], now: dt.datetime) -> QuerySet[Any]:
    """Annotate `last_contact` on each relationship."""
    return queryset.annotate(last_contact=Coalesce(latest_meeting(now), "started_at", "created_at"))


def health_filters(now: dt.datetime, nudge_after_days: int) -> dict[str, Q]:
    """Each colour as a filter on `last_contact`, with the bounds of `with_health`.

    For counting: aggregating these over `with_last_contact` rows looks each last
    meeting up once, where grouping by `health` looked it up once per branch of
    the colour's CASE (about 50 ms for 5,600 active relationships).
    """
    green_after = now - dt.timedelta(days=nudge_after_days)
    amber_after = now - dt.timedelta(days=2 * nudge_after_days)
    return {
        GREEN: Q(last_contact__gt=green_after),
        AMBER: Q(last_contact__lte=green_after, last_contact__gt=amber_after),
        RED: Q(last_contact__lte=amber_after),
    }


def with_health(
    queryset: QuerySet[MentoringRelationship], now: dt.datetime, nudge_after_days: int
) -> QuerySet[Any]:
    """Annotate `last_contact` and `health` (green/amber/red, '' when not active)."""
    green_after = now - dt.timedelta(days=nudge_after_days)
    amber_after = now - dt.timedelta(days=2 * nudge_after_days)
    health: Any = Case(
        When(~Q(status="active"), then=Value("")),
        When(last_contact__gt=green_after, then=Value(GREEN)),
        When(last_contact__gt=amber_after, then=Value(AMBER)),
        default=Value(RED),
        output_field=CharField(),
    )
    return with_last_contact(queryset, now).annotate(health=health)

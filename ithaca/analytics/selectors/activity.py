"""How relationships are going: health now, meetings and sessions per month, goals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db.models import (
    Avg,
    Case,
    CharField,
    Count,
    F,
    FloatField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Greatest, Least, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ithaca.analytics.figures.data import Attainment, Month
from ithaca.analytics.selectors.scope import Scope, coaching, mentoring
from ithaca.coaching.models import CheckIn, CoachingSession, Goal
from ithaca.mentoring.health import COLOURS, health_filters, with_last_contact
from ithaca.mentoring.models import Meeting
from ithaca.programs.lifecycle import Status
from ithaca.programs.models import Program
from ithaca.programs.modes import MENTORING

TOOK_PLACE = (Meeting.Status.CONFIRMED, Meeting.Status.HELD)
ON_TRACK, STALLED = "on track", "stalled"
ATTAINMENT_BUCKETS = (
    ("reached", _("Target reached")),
    ("half", _("Half way or more")),
    ("some", _("Some progress")),
    ("none", _("No progress yet")),
)


def mentoring_health(scope: Scope, now: dt.datetime) -> dict[str, tuple[int, int]]:
    """Active mentoring relationships per colour now: (relationships, distinct mentees).
    One query per distinct silence threshold (programs mostly share the default).

    Relationships are grouped by mentee and last contact, then the groups counted per
    colour (as the managers' home does, mentoring.selectors.health_by_program): each
    last meeting is looked up once, where grouping by the colour's CASE looked it up
    once per branch."""
    result = dict.fromkeys(COLOURS, (0, 0))
    programs = Program.objects.filter(kind=MENTORING)
    if scope.program is not None:
        programs = programs.filter(pk=scope.program.pk)
    thresholds = programs.values_list("nudge_after_days", flat=True).distinct().order_by()
    for days in list(thresholds):
        active = mentoring(scope).filter(status=Status.ACTIVE, program__nudge_after_days=days)
        colours = health_filters(now, days)
        counted: dict[str, Any] = {}
        for name, where in colours.items():
            counted[f"{name}_n"] = Sum("n", filter=where)
            counted[f"{name}_people"] = Count("mentee_id", filter=where, distinct=True)
        groups = with_last_contact(active, now).values("mentee_id", "last_contact")
        totals = groups.annotate(n=Count("pk")).order_by().aggregate(**counted)
        for name in colours:
            before = result[name]
            result[name] = (
                before[0] + (totals[f"{name}_n"] or 0),
                before[1] + totals[f"{name}_people"],
            )
    return result


def _stalled_when(cadences: Iterable[int], today: dt.date) -> Q:
    """Stalled: more than twice the cadence since the last held session, or since the
    start when none was held (the rule of ithaca/coaching/metrics.is_stalled)."""
    condition = Q()
    for cadence in cadences:
        cutoff = today - dt.timedelta(days=2 * cadence)
        quiet = Q(last_held__date__lt=cutoff) | Q(
            Q(starts_on__isnull=True) | Q(starts_on__lt=cutoff),
            last_held__isnull=True,
            started_at__date__lt=cutoff,
        )
        condition |= Q(session_cadence_days=cadence) & quiet
    return condition


def coaching_health(scope: Scope, now: dt.datetime) -> dict[str, tuple[int, int]]:
    """Active engagements on track or stalled now: (engagements, distinct coachees).
    Two queries: the cadences in use, then one aggregate."""
    active = coaching(scope).filter(status=Status.ACTIVE)
    cadences = list(active.values_list("session_cadence_days", flat=True).distinct())
    if not cadences:
        return {ON_TRACK: (0, 0), STALLED: (0, 0)}
    held = CoachingSession.objects.filter(
        engagement_id=OuterRef("pk"), status=CoachingSession.Status.HELD
    ).order_by("-starts_at")
    stalled = _stalled_when(cadences, timezone.localdate(now))
    totals = active.annotate(last_held=Subquery(held.values("starts_at")[:1])).aggregate(
        n=Count("pk"),
        stalled=Count("pk", filter=stalled),
        stalled_people=Count("coachee_id", filter=stalled, distinct=True),
        on_track_people=Count("coachee_id", filter=~stalled, distinct=True),
    )
    return {
        ON_TRACK: (totals["n"] - totals["stalled"], totals["on_track_people"]),
        STALLED: (totals["stalled"], totals["stalled_people"]),
    }


def _per_month(queryset: Any, seeker: str) -> dict[dt.date, tuple[int, int]]:
    rows = (
        queryset.annotate(month=TruncMonth("starts_at"))
        .values("month")
        .annotate(n=Count("pk"), people=Count(seeker, distinct=True))
        .order_by()
    )
    return {_as_date(row["month"]): (row["n"], row["people"]) for row in rows}


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def activity_by_month(scope: Scope, now: dt.datetime) -> list[Month]:
    """Mentoring meetings that took place and coaching sessions held, per month of the
    period, with the distinct seekers (mentees, coachees) who met. Two queries."""
    period = scope.period
    window = Q(starts_at__gte=period.start_at, starts_at__lt=min(period.end_before, now))
    # The program is read on the same join as the seeker (not through an IN over the
    # program's relationships, which joined the relationships twice).
    meetings = Meeting.objects.filter(
        window, scope.programs("relationship__program"), status__in=TOOK_PLACE
    )
    sessions = CoachingSession.objects.filter(
        window, scope.programs("engagement__program"), status=CoachingSession.Status.HELD
    )
    met = _per_month(meetings, "relationship__mentee_id")
    held = _per_month(sessions, "engagement__coachee_id")
    return [
        Month(month, *met.get(month, (0, 0)), *held.get(month, (0, 0)))
        for month in months_between(period.start, period.end)
    ]


def months_between(start: dt.date, end: dt.date) -> list[dt.date]:
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return months


def _attainment_bucket() -> Case:
    return Case(
        When(progress__gte=1, then=Value("reached")),
        When(progress__gte=0.5, then=Value("half")),
        When(progress__gt=0, then=Value("some")),
        default=Value("none"),
        output_field=CharField(),
    )


def goal_attainment(scope: Scope) -> Attainment:
    """Coaching goals with a check-in in the period, by how far the latest check-in of
    the period has moved from baseline to target (clipped to 0..1). Two queries."""
    period = scope.period
    latest = CheckIn.objects.filter(
        goal_id=OuterRef("pk"),
        recorded_on__gte=period.start,
        recorded_on__lte=period.end,
        superseded_at__isnull=True,
    ).order_by("-recorded_on", "-created_at", "-pk")
    # As floats: SQLite would divide whole-number decimals as integers.
    ratio = Cast(F("latest") - F("baseline"), FloatField()) / Cast(
        F("target") - F("baseline"), FloatField()
    )
    goals = (
        Goal.objects.filter(engagement__in=coaching(scope).values("pk"))
        .annotate(latest=Subquery(latest.values("value")[:1]))
        .filter(latest__isnull=False)
        .annotate(progress=Least(Greatest(ratio, Value(0.0)), Value(1.0)))
    )
    buckets = {key: (0, 0) for key, _label in ATTAINMENT_BUCKETS}
    for row in (
        goals.annotate(bucket=_attainment_bucket())
        .values("bucket")
        .annotate(n=Count("pk"), people=Count("engagement__coachee_id", distinct=True))
        .order_by()
    ):
        buckets[row["bucket"]] = (row["n"], row["people"])
    totals = goals.aggregate(
        n=Count("pk"), people=Count("engagement__coachee_id", distinct=True), mean=Avg("progress")
    )
    mean = Decimal(str(totals["mean"])) if totals["mean"] is not None else None
    return Attainment(buckets=buckets, goals=totals["n"], people=totals["people"], mean=mean)

"""Reads for coaching: the governing agreement, session usage, goal progress, stalling.

Each function runs a fixed number of queries, whatever the size of the
engagement, so pages and endpoints can assert their query counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import (
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.utils import timezone

from ithaca.coaching import metrics
from ithaca.coaching.models import (
    AgreementSignature,
    AgreementVersion,
    CheckIn,
    CoachingEngagement,
    CoachingSession,
    Goal,
)
from ithaca.programs.calendar import Booking
from ithaca.programs.lifecycle import Status
from ithaca.programs.models import Participation

SCHEDULED, HELD, CANCELLED = (
    CoachingSession.Status.SCHEDULED,
    CoachingSession.Status.HELD,
    CoachingSession.Status.CANCELLED,
)
HELD_LENGTH = ExpressionWrapper(F("ends_at") - F("starts_at"), output_field=DurationField())


def current_parties(engagement: CoachingEngagement) -> dict[str, int]:
    """Who holds each signing role today: {"coach": id, "coachee": id[, "sponsor": id]}."""
    parties = {"coach": engagement.coach_id, "coachee": engagement.coachee_id}
    if engagement.sponsor_id is not None:
        parties["sponsor"] = engagement.sponsor_id
    return parties


def _signed_parties(engagement: CoachingEngagement) -> tuple[int, dict[str, int]] | None:
    """(version id, {party: signer id}) of the newest fully signed version, or None.

    One query, remembered on the engagement object for the rest of the request
    (access checks ask several times while a page is drawn); refresh_from_db()
    forgets it.
    """
    if "_signed_parties" in engagement.__dict__:
        return engagement.__dict__["_signed_parties"]
    newest = (
        AgreementVersion.objects.filter(engagement=engagement, signed_at__isnull=False)
        .order_by("-number")
        .values("pk")[:1]
    )
    rows = AgreementSignature.objects.filter(version_id=Subquery(newest)).values_list(
        "version_id", "party", "signer_id"
    )
    found: tuple[int, dict[str, int]] | None = None
    for version_id, party, signer_id in rows:
        found = found or (version_id, {})
        found[1][party] = signer_id
    engagement.__dict__["_signed_parties"] = found
    return found


def governing_agreement(engagement: CoachingEngagement) -> AgreementVersion | None:
    """The terms in force: the newest fully signed version, if the people who signed it
    are the engagement's parties today.

    Signatures are bound to the people: once a coach, coachee or sponsor changes
    (through a service, the admin or anything else) no version governs until every
    current party has signed a newer one, so nothing is shared on terms that the
    people now in the engagement never agreed to.
    """
    signed = _signed_parties(engagement)
    if signed is None or signed[1] != current_parties(engagement):
        return None
    return AgreementVersion.objects.filter(pk=signed[0]).first()


def admitted(engagement: CoachingEngagement, party: str, user_id: int) -> bool:
    """May the person who holds `party` today see the engagement's content?

    Before any version is signed there is no content, and every party drafts and
    signs. After that, only someone who signed the last signed version in this
    role is admitted; a newcomer (or someone removed and brought back) reads
    nothing but the version they are asked to sign until it is in force.
    """
    signed = _signed_parties(engagement)
    return signed is None or signed[1].get(party) == user_id


def current_agreement(engagement: CoachingEngagement) -> AgreementVersion | None:
    """The newest version, signed or not: the only one that may be signed."""
    return AgreementVersion.objects.filter(engagement=engagement).order_by("-number").first()


def required_parties(engagement: CoachingEngagement) -> list[str]:
    return ["coach", "coachee", *(["sponsor"] if engagement.sponsor_id else [])]


@dataclass(frozen=True)
class Usage:
    """How the agreed sessions are being used."""

    scheduled: int = 0
    held: int = 0
    cancelled: int = 0
    late_cancelled: int = 0
    minutes_held: int = 0
    last_held: dt.datetime | None = None

    @property
    def used(self) -> int:
        return metrics.sessions_used(
            booked_or_held=self.scheduled + self.held, late_cancelled=self.late_cancelled
        )

    @property
    def hours_used(self) -> Decimal:
        return metrics.hours(self.minutes_held)


def _minutes(duration: dt.timedelta | None) -> int:
    return int(duration.total_seconds() // 60) if duration else 0


def session_usage(engagement: CoachingEngagement) -> Usage:
    totals = CoachingSession.objects.filter(engagement=engagement).aggregate(
        scheduled=Count("pk", filter=Q(status=SCHEDULED)),
        held=Count("pk", filter=Q(status=HELD)),
        cancelled=Count("pk", filter=Q(status=CANCELLED)),
        late_cancelled=Count("pk", filter=Q(status=CANCELLED, late_cancellation=True)),
        held_length=Sum(HELD_LENGTH, filter=Q(status=HELD)),
        last_held=Max("starts_at", filter=Q(status=HELD)),
    )
    return Usage(
        scheduled=totals["scheduled"],
        held=totals["held"],
        cancelled=totals["cancelled"],
        late_cancelled=totals["late_cancelled"],
        minutes_held=_minutes(totals["held_length"]),
        last_held=totals["last_held"],
    )


def start_date(engagement: CoachingEngagement) -> dt.date | None:
    """When the clock for stalling starts: the later of activation and the contract start."""
    days = [day for day in (engagement.starts_on, _date(engagement.started_at)) if day]
    return max(days) if days else None


def _date(moment: dt.datetime | None) -> dt.date | None:
    return timezone.localdate(moment) if moment else None


def stalled(engagement: CoachingEngagement, last_held: dt.datetime | None, today: dt.date) -> bool:
    """Only an active engagement can stall; paused ones were paused on purpose."""
    started = start_date(engagement)
    if engagement.status != Status.ACTIVE or started is None:
        return False
    return metrics.is_stalled(
        last_held=_date(last_held),
        started=started,
        cadence_days=engagement.session_cadence_days,
        today=today,
    )


def is_external_coach(engagement: CoachingEngagement) -> bool:
    return Participation.objects.filter(
        program_id=engagement.program_id,
        user_id=engagement.coach_id,
        role=Participation.Role.COACH,
        coach_type=Participation.CoachType.EXTERNAL,
    ).exists()


@dataclass
class GoalProgress:
    """A goal with its check-ins (oldest first), latest value and attainment."""

    goal: Goal
    checkins: list[CheckIn] = field(default_factory=list)

    @property
    def latest(self) -> Decimal | None:
        return self.checkins[-1].value if self.checkins else None

    @property
    def attainment(self) -> Decimal | None:
        goal = self.goal
        return metrics.attainment(baseline=goal.baseline, target=goal.target, latest=self.latest)

    def as_dict(self) -> dict[str, Any]:
        """Numbers only, as strings: what a sponsor report or a close-out snapshot keeps."""
        goal, attained = self.goal, self.attainment
        return {
            "goal": goal.pk,
            "statement": goal.statement,
            "metric": goal.metric,
            "unit": goal.unit,
            "baseline": str(goal.baseline.normalize()),
            "target": str(goal.target.normalize()),
            "latest": None if self.latest is None else str(self.latest.normalize()),
            "attainment": None if attained is None else str(attained),
            "due_on": goal.due_on.isoformat(),
        }


def with_checkins(goals: QuerySet[Goal]) -> QuerySet[Goal]:
    """Goals with their owner and check-ins (oldest first), in two queries in all."""
    current = CheckIn.objects.filter(superseded_at__isnull=True)
    checkins = Prefetch("checkins", queryset=current.order_by("recorded_on", "pk"))
    return goals.select_related("owner").prefetch_related(checkins)


def corrected_checkins(goal: Goal) -> list[CheckIn]:
    """The goal's values that a correction replaced, with what replaced them."""
    return list(
        CheckIn.objects.filter(goal=goal, superseded_at__isnull=False)
        .select_related("replaced_by")
        .order_by("recorded_on", "pk")
    )


def corrected_after_approval(report: Any) -> dt.datetime | None:
    """When a figure behind an approved report was last corrected after its approval.

    The approved report keeps what the coachee approved; the page says so.
    """
    if report.approved_at is None:
        return None
    latest: dt.datetime | None = (
        CheckIn.objects.filter(
            goal__engagement_id=report.engagement_id,
            created_at__lte=report.approved_at,
            superseded_at__gt=report.approved_at,
        )
        .order_by("-superseded_at")
        .values_list("superseded_at", flat=True)
        .first()
    )
    return latest


def goals_with_checkins(engagement: CoachingEngagement) -> QuerySet[Goal]:
    return with_checkins(Goal.objects.filter(engagement=engagement).order_by("due_on", "pk"))


def goal_progress(goals: QuerySet[Goal] | list[Goal]) -> list[GoalProgress]:
    """Progress of goals fetched through with_checkins (a queryset is wrapped here)."""
    if isinstance(goals, QuerySet):
        goals = list(with_checkins(goals))
    return [GoalProgress(goal, list(goal.checkins.all())) for goal in goals]


def engagement_goals(engagement: CoachingEngagement) -> list[GoalProgress]:
    return goal_progress(list(goals_with_checkins(engagement)))


def managed_engagements(program_id: int) -> QuerySet[CoachingEngagement]:
    """A program's engagements with the counts its manager sees, in one query.

    Status, sessions held and agreed, hours, the stalled clock: never content.
    """
    governing = AgreementVersion.objects.filter(
        engagement=OuterRef("pk"), signed_at__isnull=False
    ).order_by("-number")
    return (
        CoachingEngagement.objects.filter(program_id=program_id)
        .select_related("coach", "coachee", "sponsor")
        .annotate(
            held_count=Count("sessions", filter=Q(sessions__status=HELD)),
            last_held=Max("sessions__starts_at", filter=Q(sessions__status=HELD)),
            held_length=Sum(
                ExpressionWrapper(
                    F("sessions__ends_at") - F("sessions__starts_at"),
                    output_field=DurationField(),
                ),
                filter=Q(sessions__status=HELD),
            ),
            length_agreed=Subquery(governing.values("session_length_minutes")[:1]),
            agreement_number=Subquery(governing.values("number")[:1]),
        )
        .order_by("status", "-created_at")
    )


def minutes_of(duration: dt.timedelta | None) -> int:
    return _minutes(duration)


def bookings(
    people: Collection[int], starts_at: dt.datetime, ends_at: dt.datetime
) -> list[Booking]:
    """Booked or held sessions of these coaches and coachees overlapping the window."""
    sessions = CoachingSession.objects.filter(
        Q(engagement__coach_id__in=people) | Q(engagement__coachee_id__in=people),
        status__in=(SCHEDULED, HELD),
        starts_at__lt=ends_at,
        ends_at__gt=starts_at,
    ).values_list("pk", "starts_at", "ends_at", "engagement__coach_id", "engagement__coachee_id")
    return [
        Booking("coaching-session", pk, person, start, end)
        for pk, start, end, *pair in sessions
        for person in pair
        if person in people
    ]

"""Reads for the console: participants with their stage, stuck people, program summaries.

Every list is one query (plus pagination's count): relationship counts come
from correlated subqueries, never from a query per row.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import (
    Case,
    Count,
    DateTimeField,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest

from ithaca.coaching.models import CoachingEngagement
from ithaca.console.stages import (
    APPLIED_STUCK_DAYS,
    WAITING_STUCK_DAYS,
    Relationships,
    Stage,
    participant_stage,
)
from ithaca.mentoring.models import MentoringRelationship
from ithaca.programs.lifecycle import Status
from ithaca.programs.models import HelpingRelationship, Participation, Program

SEEKER = Participation.Role.SEEKER
PENDING, ACTIVE = Participation.State.PENDING, Participation.State.ACTIVE
NOT_SPONSOR = ~Q(role=Participation.Role.SPONSOR)

# The stage rules of stages.participant_stage, as filters over the annotations below.
STAGE_FILTERS: dict[Stage, Q] = {
    Stage.APPLIED: Q(state=PENDING),
    Stage.DECLINED: Q(state=Participation.State.DECLINED),
    Stage.LEFT: Q(state=Participation.State.LEFT),
    Stage.SPONSOR: Q(state=ACTIVE, role=Participation.Role.SPONSOR),
    Stage.ACTIVE: Q(state=ACTIVE, n_active__gt=0) & NOT_SPONSOR,
    Stage.MATCHED: Q(state=ACTIVE, n_active=0, n_proposed__gt=0) & NOT_SPONSOR,
    Stage.CONCLUDED: Q(state=ACTIVE, n_active=0, n_proposed=0, n_concluded__gt=0) & NOT_SPONSOR,
    Stage.WAITING: Q(state=ACTIVE, n_active=0, n_proposed=0, n_concluded=0) & NOT_SPONSOR,
}


def relationship_model(program: Program) -> type[HelpingRelationship]:
    return MentoringRelationship if program.is_mentoring else CoachingEngagement


def _on_my_side(model: Any, expression: Any, statuses: list[str]) -> Any:
    """`expression` over the participant's relationships in the program, on their side."""

    def side(field: str) -> Subquery:
        rows = (
            model.objects.filter(
                program=OuterRef("program"), status__in=statuses, **{field: OuterRef("user")}
            )
            .order_by()
            .values(field)
            .annotate(value=expression)
            .values("value")
        )
        return Subquery(rows)

    return Case(
        When(role=SEEKER, then=side(model.SEEKER_FIELD)),
        default=side(model.HELPER_FIELD),
    )


def participants(program: Program) -> QuerySet[Any]:
    """The program's participations with relationship counts for stage and capacity."""
    model = relationship_model(program)

    def count(statuses: list[str]) -> Any:
        return Coalesce(
            _on_my_side(model, Count("pk"), statuses), Value(0), output_field=IntegerField()
        )

    last_ended = _on_my_side(model, Max("ended_at"), [str(s) for s in Status])
    return (
        Participation.objects.filter(program=program)
        .select_related("user")
        .annotate(
            n_active=count([Status.ACTIVE, Status.PAUSED]),
            n_proposed=count([Status.PROPOSED]),
            n_concluded=count([Status.CONCLUDED]),
            # Waiting since approval, or since the last relationship ended.
            waiting_since=Greatest(
                F("updated_at"),
                Coalesce(last_ended, F("updated_at"), output_field=DateTimeField()),
            ),
        )
    )


def stage_of(participation: Any) -> Stage:
    """The stage of a participation annotated by `participants`."""
    counts = Relationships(
        active=participation.n_active,
        proposed=participation.n_proposed,
        concluded=participation.n_concluded,
    )
    return participant_stage(participation.state, participation.role, counts)


def stage_counts(program: Program) -> dict[Stage, int]:
    """How many participants are at each stage, in three plain queries.

    Counting over `participants` ran six correlated subqueries per participant:
    a minute for a 20,000-person program on PostgreSQL. Here the relationships are
    counted once per person and side with GROUP BY, and the pure stage rule
    (`stages.participant_stage`, the same one STAGE_FILTERS expresses) is applied
    in Python to each participation's role and state.
    """
    model: Any = relationship_model(program)
    buckets = {
        Status.ACTIVE: "active",
        Status.PAUSED: "active",
        Status.PROPOSED: "proposed",
        Status.CONCLUDED: "concluded",
    }
    counts: dict[tuple[str, int], dict[str, int]] = {}
    rows = model.objects.filter(program=program, status__in=list(buckets)).order_by()
    for side, field in (("seeker", model.SEEKER_FIELD), ("helper", model.HELPER_FIELD)):
        grouped = rows.values(field, "status").annotate(n=Count("pk"))
        for row in grouped.values_list(field, "status", "n"):
            person, status, n = row
            per = counts.setdefault((side, person), {})
            per[buckets[status]] = per.get(buckets[status], 0) + n
    # In the order of `Stage`: pages render headings and numbers from this one
    # mapping, so the two can never come from two different orders.
    totals = dict.fromkeys(Stage, 0)
    people = Participation.objects.filter(program=program).order_by()
    for user_id, role, state in people.values_list("user_id", "role", "state"):
        side = "seeker" if role == SEEKER else "helper"
        mine = Relationships(**counts.get((side, user_id), {}))
        totals[participant_stage(state, role, mine)] += 1
    return totals


def stuck_applications(program: Program, now: dt.datetime) -> QuerySet[Participation]:
    cutoff = now - dt.timedelta(days=APPLIED_STUCK_DAYS)
    return (
        Participation.objects.filter(program=program, state=PENDING, created_at__lt=cutoff)
        .select_related("user")
        .order_by("created_at")
    )


def stuck_waiting(program: Program, now: dt.datetime) -> QuerySet[Any]:
    """Active seekers with no relationship that counts, waiting for over 30 days.

    Filtered with NOT EXISTS rather than on the counting annotations, which
    PostgreSQL estimated at one row and nested-looped over the users table for
    every participant; the annotations are computed only for the rows kept.
    Waiting since = the later of approval and the last relationship's end, so
    "since before the cutoff" means approved before it with nothing ended since.
    """
    model: Any = relationship_model(program)
    cutoff = now - dt.timedelta(days=WAITING_STUCK_DAYS)
    mine = model.objects.filter(
        program=OuterRef("program"), **{model.SEEKER_FIELD: OuterRef("user")}
    )
    counting = [Status.ACTIVE, Status.PAUSED, Status.PROPOSED, Status.CONCLUDED]
    return (
        participants(program)
        .filter(role=SEEKER, state=ACTIVE, updated_at__lt=cutoff)
        .filter(~Exists(mine.filter(status__in=counting)))
        .filter(~Exists(mine.filter(ended_at__gte=cutoff)))
        .order_by("waiting_since")
    )


def stuck_proposals(program: Program, now: dt.datetime) -> QuerySet[Any]:
    """Proposals nobody answered within the program's request expiry."""
    model: Any = relationship_model(program)
    cutoff = now - dt.timedelta(days=program.request_expiry_days)
    return (
        model.objects.filter(program=program, status=Status.PROPOSED, created_at__lt=cutoff)
        .select_related(model.HELPER_FIELD, model.SEEKER_FIELD)
        .order_by("created_at")
    )


def program_summaries(programs: QuerySet[Program]) -> QuerySet[Program]:
    """Programs with their pending applications and active participants counted."""
    return programs.annotate(
        pending_count=Count("participations", filter=Q(participations__state=PENDING)),
        active_count=Count("participations", filter=Q(participations__state=ACTIVE)),
    ).order_by("name")

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
    """How many participants are at each stage, in one query, in the order of `Stage`.

    Pages render headings and numbers from this one mapping, so the two can never
    come from two different orders.
    """
    totals = participants(program).aggregate(
        **{stage.value: Count("pk", filter=STAGE_FILTERS[stage]) for stage in Stage}
    )
    return {stage: totals[stage.value] or 0 for stage in Stage}


def stuck_applications(program: Program, now: dt.datetime) -> QuerySet[Participation]:
    cutoff = now - dt.timedelta(days=APPLIED_STUCK_DAYS)
    return (
        Participation.objects.filter(program=program, state=PENDING, created_at__lt=cutoff)
        .select_related("user")
        .order_by("created_at")
    )


def stuck_waiting(program: Program, now: dt.datetime) -> QuerySet[Any]:
    cutoff = now - dt.timedelta(days=WAITING_STUCK_DAYS)
    return (
        participants(program)
        .filter(STAGE_FILTERS[Stage.WAITING], role=SEEKER, waiting_since__lt=cutoff)
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

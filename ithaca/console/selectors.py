"""Reads for the console: participants with their stage, stuck people, program summaries.

Every list is one query (plus pagination's count): relationship counts come
from correlated subqueries, never from a query per row.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import connection
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
from ithaca.programs.selectors import participant_count

SEEKER = Participation.Role.SEEKER
PENDING, ACTIVE = Participation.State.PENDING, Participation.State.ACTIVE
NOT_SPONSOR = ~Q(role=Participation.Role.SPONSOR)
RELATIONSHIP_STAGE_STATUSES = [Status.ACTIVE, Status.PAUSED, Status.PROPOSED, Status.CONCLUDED]

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

    return (
        Participation.objects.filter(program=program)
        .select_related("user")
        .annotate(
            n_active=count([Status.ACTIVE, Status.PAUSED]),
            n_proposed=count([Status.PROPOSED]),
            n_concluded=count([Status.CONCLUDED]),
            waiting_since=_waiting_since(model),
        )
    )


def _waiting_since(model: Any) -> Any:
    """Waiting since approval, or since the last relationship ended."""
    last_ended = _on_my_side(model, Max("ended_at"), [str(s) for s in Status])
    return Greatest(
        F("updated_at"), Coalesce(last_ended, F("updated_at"), output_field=DateTimeField())
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
    """How many participants are at each stage, in one query at any size.

    Each person's relationships in the program, on their side, are reduced to the
    first status the stage rule looks for (1 active or paused, 2 proposed,
    3 concluded); the participations of each side are joined to those and
    counted per role, state and status found. The pure rule
    (`stages.participant_stage`, the one STAGE_FILTERS expresses) then names the
    stage of each of a few dozen groups: Python never sees the program's people.
    """
    totals = dict.fromkeys(Stage, 0)  # in the order of `Stage`, which pages render
    with connection.cursor() as cursor:
        cursor.execute(*_stage_groups_sql(program))
        for role, state, first, n in cursor.fetchall():
            mine = Relationships(active=first == 1, proposed=first == 2, concluded=first == 3)
            totals[participant_stage(state, role, mine)] += n
    return totals


def _stage_groups_sql(program: Program) -> tuple[str, list[Any]]:
    """Participations per role, state and first relationship status, each side alone.

    Each side is its own join (seekers to relationships by seeker, everyone else
    by helper) rather than one join on a computed side: two smaller joins on the
    person alone, 20 to 30 % less time in PostgreSQL than one join of the
    program's 20,000 participations to 10,600 (person, side) groups.
    """
    model: Any = relationship_model(program)
    table = connection.ops.quote_name(model._meta.db_table)
    participations = connection.ops.quote_name(Participation._meta.db_table)
    statuses = [str(s) for s in RELATIONSHIP_STAGE_STATUSES]
    listed = ", ".join(["%s"] * len(statuses))
    rank = "MIN(CASE WHEN status IN (%s, %s) THEN 1 WHEN status = %s THEN 2 ELSE 3 END)"
    rank_params = [str(Status.ACTIVE), str(Status.PAUSED), str(Status.PROPOSED)]

    def side(field: str, role_test: str) -> tuple[str, list[Any]]:
        person = model._meta.get_field(field).column
        sql = f"""
            SELECT p.role, p.state, r.first FROM {participations} p
              LEFT JOIN (SELECT {person} AS person, {rank} AS first FROM {table}
                          WHERE program_id = %s AND status IN ({listed})
                          GROUP BY {person}) r ON r.person = p.user_id
             WHERE p.program_id = %s AND p.role {role_test} %s"""
        return sql, [*rank_params, program.pk, *statuses, program.pk, str(SEEKER)]

    seekers, seeker_params = side(model.SEEKER_FIELD, "=")
    helpers, helper_params = side(model.HELPER_FIELD, "<>")
    sql = f"""SELECT role, state, first, COUNT(*) FROM ({seekers} UNION ALL {helpers}) x
              GROUP BY role, state, first"""
    return sql, [*seeker_params, *helper_params]


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
    # Only "waiting since" is shown: the relationship counts of `participants`
    # would be six more subqueries to build and run, all zero here.
    return (
        Participation.objects.filter(program=program)
        .annotate(waiting_since=_waiting_since(model))
        .filter(role=SEEKER, state=ACTIVE, updated_at__lt=cutoff)
        # One anti-join, not one per condition: the program's relationships are
        # hashed once (two NOT EXISTS hashed them twice, 4 to 8 ms more).
        .filter(~Exists(mine.filter(Q(status__in=counting) | Q(ended_at__gte=cutoff))))
        .order_by("waiting_since")
        # The people of the 50 shown, by primary key: joined, PostgreSQL hashed the
        # whole users table to sort a few thousand waiting seekers (10-15 ms).
        .prefetch_related("user")
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
        pending_count=participant_count(state=PENDING),
        active_count=participant_count(state=ACTIVE),
    ).order_by("name")

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


def stuck_waiting(
    program: Program, now: dt.datetime, start: int = 0, limit: int = 10
) -> tuple[list[Any], int]:
    """Active seekers with no relationship that counts, waiting for over 30 days:
    those from `start` (longest wait first, at most `limit`), and how many in all.

    Waiting since = the later of approval and the last relationship's end, so
    "since before the cutoff" means approved before it with nothing ended since.
    Each seeker's relationships are grouped once (last end; whether any counts or
    ended since the cutoff) and joined to the program's active seekers; an
    anti-join plus a "last end" subquery per waiting seeker took 25 to 30 % longer
    in PostgreSQL. The rows shown are then read by primary key with their person
    and "waiting since".
    """
    model: Any = relationship_model(program)
    cutoff = connection.ops.adapt_datetimefield_value(now - dt.timedelta(days=WAITING_STUCK_DAYS))
    seeker = model._meta.get_field(model.SEEKER_FIELD).column
    counting = [str(s) for s in RELATIONSHIP_STAGE_STATUSES]
    listed = ", ".join(["%s"] * len(counting))
    participations = connection.ops.quote_name(Participation._meta.db_table)
    sql = f"""
        SELECT p.id, COUNT(*) OVER () FROM {participations} p
          LEFT JOIN (SELECT {seeker} AS person, MAX(ended_at) AS last_end,
                            MAX(CASE WHEN status IN ({listed}) OR ended_at >= %s
                                THEN 1 ELSE 0 END) AS busy
                       FROM {connection.ops.quote_name(model._meta.db_table)}
                      WHERE program_id = %s GROUP BY {seeker}) r ON r.person = p.user_id
         WHERE p.program_id = %s AND p.role = %s AND p.state = %s AND p.updated_at < %s
           AND COALESCE(r.busy, 0) = 0
         ORDER BY CASE WHEN r.last_end > p.updated_at THEN r.last_end ELSE p.updated_at END,
                  p.id
         LIMIT %s OFFSET %s"""
    params = [*counting, cutoff, program.pk, program.pk, str(SEEKER), str(ACTIVE), cutoff]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit, start])
        found = cursor.fetchall()
    if not found:
        return [], 0
    ids = [pk for pk, _ in found]
    shown = (
        Participation.objects.filter(pk__in=ids)
        .select_related("user")
        .annotate(waiting_since=_waiting_since(model))
        .in_bulk()
    )
    return [shown[pk] for pk in ids], found[0][1]


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

"""Reads for mentoring pages and endpoints, each in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from django.db.models import Avg, Count, Prefetch, Q, QuerySet, Sum
from django.utils import timezone

from ithaca.accounts.models import User
from ithaca.mentoring.health import (
    COLOURS,
    colour,
    days_between,
    health_filters,
    with_health,
    with_last_contact,
)
from ithaca.mentoring.models import (
    AgendaTopic,
    Closing,
    ContinueMark,
    EventSignup,
    Goal,
    GoalNote,
    Introduction,
    Meeting,
    MeetingNote,
    MentoringEvent,
    MentoringRelationship,
    MutualInterest,
    Review,
    TrainingCompletion,
    TrainingModule,
)
from ithaca.mentoring.workspace import MEETING_DATES, Workspace
from ithaca.programs.calendar import Booking
from ithaca.programs.lifecycle import Status
from ithaca.programs.models import Participation, Program

UPCOMING = (Meeting.Status.PROPOSED, Meeting.Status.CONFIRMED)
TOOK_PLACE = (Meeting.Status.CONFIRMED, Meeting.Status.HELD)
# Survey averages stay hidden until enough people answered that nobody is identifiable.
SURVEY_MIN_ANSWERS = 5


def live_topics(workspace: Workspace) -> QuerySet[AgendaTopic]:
    return (
        AgendaTopic.objects.filter(
            workspace.space(), status__in=(AgendaTopic.Status.SUGGESTED, AgendaTopic.Status.OPEN)
        )
        .select_related("added_by")
        .order_by("status", "position", "created_at")
    )


def closed_topics(workspace: Workspace) -> QuerySet[AgendaTopic]:
    return (
        AgendaTopic.objects.filter(
            workspace.space(), status__in=(AgendaTopic.Status.CLOSED, AgendaTopic.Status.DECLINED)
        )
        .select_related("added_by")
        .order_by("-closed_at")
    )


def meeting_notes(workspace: Workspace) -> QuerySet[MeetingNote]:
    """Shared notes this person may read: for a former group member, those written before
    they left."""
    return (
        MeetingNote.objects.filter(workspace.up_to_leaving())
        .select_related("author")
        .order_by("created_at", "pk")
    )


def _with_details(meetings: QuerySet[Meeting], workspace: Workspace) -> QuerySet[Meeting]:
    topics = AgendaTopic.objects.filter(workspace.up_to_leaving())
    return meetings.select_related("proposed_by", "responded_by").prefetch_related(
        Prefetch("topics", queryset=topics),
        Prefetch("notes", queryset=meeting_notes(workspace)),
    )


def _meetings(workspace: Workspace) -> QuerySet[Meeting]:
    return Meeting.objects.filter(workspace.space(dated=MEETING_DATES))


def upcoming_meetings(workspace: Workspace, now: dt.datetime) -> QuerySet[Meeting]:
    return _with_details(
        _meetings(workspace).filter(status__in=UPCOMING, starts_at__gt=now), workspace
    ).order_by("starts_at", "pk")


def past_meetings(workspace: Workspace, now: dt.datetime) -> QuerySet[Meeting]:
    return _with_details(
        _meetings(workspace).filter(status__in=TOOK_PLACE, starts_at__lte=now), workspace
    ).order_by("-starts_at", "-pk")


def meetings_of(workspace: Workspace) -> QuerySet[Meeting]:
    return _with_details(_meetings(workspace), workspace).order_by("-starts_at", "-pk")


def goals_of(workspace: Workspace) -> QuerySet[Goal]:
    notes = GoalNote.objects.select_related("author").order_by("created_at", "pk")
    return (
        Goal.objects.filter(relationship=workspace.relationship)
        .select_related("created_by")
        .prefetch_related(Prefetch("notes", queryset=notes))
    )


def introductions_of(workspace: Workspace) -> QuerySet[Introduction]:
    return Introduction.objects.filter(relationship=workspace.relationship).select_related(
        "introduced_by", "person", "contact"
    )


@dataclass(frozen=True)
class Contact:
    last_contact: dt.datetime
    days: int
    health: str


def contact_of(relationship: MentoringRelationship, now: dt.datetime | None = None) -> Contact:
    """Days since last contact and the colour, for one relationship (one query)."""
    now = now or timezone.now()
    last = (
        with_last_contact(MentoringRelationship.objects.filter(pk=relationship.pk), now)
        .values_list("last_contact", flat=True)
        .first()
    ) or now
    days = days_between(last, now)
    active = relationship.status == Status.ACTIVE
    health = colour(days, relationship.program.nudge_after_days) if active else ""
    return Contact(last, days, health)


@dataclass(frozen=True)
class Ending:
    mine: Closing | None
    theirs_shared: Closing | None
    theirs_written: bool


def ending_of(workspace: Workspace) -> Ending:
    """The person's own closing and, if the other shared it, theirs (one query)."""
    closings = {c.side: c for c in Closing.objects.filter(relationship=workspace.relationship)}
    other = "mentee" if workspace.side == "mentor" else "mentor"
    theirs = closings.get(other)
    return Ending(
        mine=closings.get(workspace.side),
        theirs_shared=theirs if theirs is not None and theirs.shared else None,
        theirs_written=theirs is not None,
    )


def open_review(relationship: MentoringRelationship) -> Review | None:
    return Review.objects.filter(relationship=relationship, resolved_at__isnull=True).first()


# --- Program managers: health and counts only --------------------------------------


def program_relationships(program: Program, now: dt.datetime) -> QuerySet[Any]:
    """The program's started relationships with health; names and state, no content."""
    return (
        with_health(
            MentoringRelationship.objects.filter(program=program).filter(
                status__in=(Status.ACTIVE, Status.PAUSED)
            ),
            now,
            program.nudge_after_days,
        )
        .select_related("mentor", "mentee")
        .order_by("last_contact", "pk")
    )


def program_counts(program: Program, now: dt.datetime) -> dict[str, Any]:
    """Counts per state, per health colour, and survey averages when enough answered."""
    states = dict.fromkeys(Status.values, 0)
    for status, count in (
        MentoringRelationship.objects.filter(program=program)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        states[status] = count
    health = dict.fromkeys(COLOURS, 0)
    for value, count in (
        with_health(
            MentoringRelationship.objects.filter(program=program, status=Status.ACTIVE),
            now,
            program.nudge_after_days,
        )
        .values_list("health")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        health[value] = count
    return {"states": states, "health": health, "survey": survey_summary(program)}


def survey_summary(program: Program) -> dict[str, Any] | None:
    closings = Closing.objects.filter(relationship__program=program)
    summary = closings.aggregate(
        answers=Count("pk"),
        growth=Avg("growth"),
        career_clarity=Avg("career_clarity"),
        belonging=Avg("belonging"),
        recommend=Count("pk", filter=Q(would_recommend=True)),
    )
    if summary["answers"] < SURVEY_MIN_ANSWERS:
        return None
    return summary


def health_by_program(programs: list[Program], now: dt.datetime) -> dict[int, dict[str, int]]:
    """Health counts for several mentoring programs at once (the home page)."""
    result: dict[int, dict[str, int]] = {p.pk: dict.fromkeys(COLOURS, 0) for p in programs}
    # One query per distinct silence threshold; programs mostly share the default.
    thresholds: dict[int, list[int]] = {}
    for program in programs:
        thresholds.setdefault(program.nudge_after_days, []).append(program.pk)
    for days, ids in thresholds.items():
        active = MentoringRelationship.objects.filter(program_id__in=ids, status=Status.ACTIVE)
        colours = health_filters(now, days)
        counted = {
            f"p{pk}_{name}": Sum("n", filter=Q(program_id=pk) & where)
            for pk in ids
            for name, where in colours.items()
        }
        # Relationships grouped by program and last contact, then those groups
        # summed per colour: each last meeting is looked up once (the colour's CASE
        # looked it up once per branch, and PostgreSQL spent about 50 ms on it).
        groups = with_last_contact(active, now).values("program_id", "last_contact")
        totals = groups.annotate(n=Count("pk")).order_by().aggregate(**counted)
        for pk in ids:
            for name in colours:
                result[pk][name] = totals[f"p{pk}_{name}"] or 0
    return result


# --- Events --------------------------------------------------------------------------


@dataclass(frozen=True)
class EventView:
    """What one person may see of an event: attendees, their own marks, mutual offers."""

    attendees: list[User]
    signed_up: bool
    my_marks: set[int]
    offers: list[MutualInterest]
    places_left: int

    @property
    def mutual_with(self) -> set[int]:
        return {o.first_id for o in self.offers} | {o.second_id for o in self.offers}


def event_view(event: MentoringEvent, user: User) -> EventView:
    attendees = [
        s.person
        for s in EventSignup.objects.filter(event=event)
        .select_related("person")
        .order_by("person__first_name", "person__last_name", "person_id")
    ]
    mine = set(
        ContinueMark.objects.filter(event=event, marker=user).values_list("marked_id", flat=True)
    )
    offers = list(
        MutualInterest.objects.filter(event=event)
        .filter(Q(first=user) | Q(second=user))
        .select_related("first", "second", "relationship")
    )
    return EventView(
        attendees=attendees,
        signed_up=any(person.pk == user.pk for person in attendees),
        my_marks=mine,
        offers=offers,
        places_left=max(0, event.capacity - len(attendees)),
    )


def events_with_counts(events: QuerySet[MentoringEvent]) -> QuerySet[MentoringEvent]:
    return events.annotate(signup_count=Count("signups", distinct=True))


# --- Training ------------------------------------------------------------------------


@dataclass(frozen=True)
class TrainingProgress:
    modules: list[TrainingModule]
    passed: set[int]
    waiting_programs: list[Program]

    @property
    def remaining(self) -> list[TrainingModule]:
        return [m for m in self.modules if m.pk not in self.passed]

    @property
    def complete(self) -> bool:
        return not self.remaining


def training_progress(user: User) -> TrainingProgress:
    """Modules passed and, while some remain, the programs that wait for the training."""
    modules = list(TrainingModule.objects.order_by("position"))
    passed = set(TrainingCompletion.objects.filter(user=user).values_list("module_id", flat=True))
    waiting = list(untrained_mentor_programs(user))
    return TrainingProgress(modules=modules, passed=passed, waiting_programs=waiting)


def untrained_mentor_programs(user: User) -> QuerySet[Program]:
    """Programs that require training where this person is an untrained mentor."""
    return Program.objects.filter(
        requires_training=True,
        participations__user=user,
        participations__role=Participation.Role.MENTOR,
        participations__state__in=(Participation.State.ACTIVE, Participation.State.PENDING),
        participations__training_completed_at__isnull=True,
    ).distinct()


def bookings(
    people: Collection[int], starts_at: dt.datetime, ends_at: dt.datetime
) -> list[Booking]:
    """Proposed, confirmed or held meetings of these people overlapping the window; a
    group meeting counts for the mentor and every mentee of the group."""
    wanted = set(people)
    members: dict[int, set[int]] = {}
    rows = MentoringRelationship.objects.filter(
        Q(mentee_id__in=wanted) | Q(mentor_id__in=wanted), group_id__isnull=False
    ).values_list("group_id", "mentor_id", "mentee_id")
    for group, *pair in rows:
        members.setdefault(group, set()).update(p for p in pair if p in wanted)
    meetings = Meeting.objects.filter(
        Q(relationship__mentor_id__in=wanted)
        | Q(relationship__mentee_id__in=wanted)
        | Q(relationship__group_id__in=list(members)),
        status__in=(Meeting.Status.PROPOSED, Meeting.Status.CONFIRMED, Meeting.Status.HELD),
        starts_at__lt=ends_at,
        ends_at__gt=starts_at,
    ).values_list(
        "pk",
        "starts_at",
        "ends_at",
        "relationship__mentor_id",
        "relationship__mentee_id",
        "relationship__group_id",
    )
    found = []
    for pk, start, end, mentor, mentee, group in meetings:
        attendees = members.get(group, set()) if group else {mentor, mentee} & wanted
        found += [Booking("mentoring-meeting", pk, p, start, end) for p in attendees]
    return found

"""Demo activity for mentoring relationships already in the database.

`add_demo_activity(seed=...)` gives the first RICH started relationships a
full workspace (agenda, meetings with shared notes, one meeting to come,
journals on both sides, goals, an introduction, reviews, closing
reflections) and every other started relationship one or two past meetings,
so it stays fast after `seed_demo --people 100000`. It also adds one event
with sign-ups and marks to the first one-to-one mentoring program.

Demo rows are seed data, not anyone's action, so they are bulk-inserted
without the services (and without e-mails); they still satisfy every
database constraint, and journals only ever belong to one of the two people.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Count, F
from django.db.models.functions import Least
from django.utils import timezone

from ithaca.core.errors import DomainError
from ithaca.mentoring import demo_text as text
from ithaca.mentoring.models import (
    AgendaTopic,
    Closing,
    ContinueMark,
    EventSignup,
    Goal,
    GoalNote,
    Introduction,
    JournalEntry,
    Meeting,
    MeetingNote,
    MentoringEvent,
    MutualInterest,
    Review,
)
from ithaca.mentoring.models.relationship import MentoringRelationship
from ithaca.mentoring.services.proposals import mentoring_propose
from ithaca.programs.lifecycle import OPEN_STATUSES, Status
from ithaca.programs.models import Participation, Program

RICH = 60
BATCH = 2000
HOUR = dt.timedelta(hours=1)


@dataclass(frozen=True)
class Pair:
    pk: int
    program_id: int
    mentor_id: int
    mentee_id: int
    status: str
    start: dt.datetime
    end: dt.datetime
    review_days: int


class Batch:
    """Rows to insert, grouped by model, in dependency order."""

    def __init__(self) -> None:
        self.rows: dict[type[Any], list[Any]] = {}

    def add(self, obj: Any) -> Any:
        self.rows.setdefault(type(obj), []).append(obj)
        return obj

    def save(self, counts: Counter[str]) -> None:
        # Notes come after their meetings and goals, which then have ids.
        order: tuple[type[Any], ...] = (
            AgendaTopic, Meeting, Goal, JournalEntry, Introduction, Review, Closing,
            MeetingNote, GoalNote,
        )  # fmt: skip
        for model in order:
            objects = self.rows.get(model, [])
            model._default_manager.bulk_create(objects, batch_size=BATCH)
            counts[str(model._meta.verbose_name_plural)] += len(objects)
        through = Meeting.topics.through
        links = [
            through(meeting_id=m.pk, agendatopic_id=t.pk) for m, t in self.rows.get(through, [])
        ]
        through.objects.bulk_create(links, batch_size=BATCH)


def _pairs(anchor: dt.datetime) -> list[Pair]:
    started = (
        MentoringRelationship.objects.filter(
            status__in=(Status.ACTIVE, Status.PAUSED, Status.CONCLUDED), started_at__isnull=False
        )
        .annotate(first_person=Least(F("mentor_id"), F("mentee_id")))
        .order_by("first_person", "pk")  # the demo's pinned people were created first
        .values_list(
            "pk",
            "program_id",
            "mentor_id",
            "mentee_id",
            "status",
            "started_at",
            "ended_at",
            "program__review_period_days",
        )
    )
    return [
        Pair(pk, program, mentor, mentee, status, start, min(end or anchor, anchor), days)
        for pk, program, mentor, mentee, status, start, end, days in started
        if start is not None and start < anchor
    ]


def _times(rng: random.Random, pair: Pair, count: int) -> list[dt.datetime]:
    """`count` meeting starts between the pair's start and end, on the hour, oldest first."""
    span = max((pair.end - pair.start).total_seconds() - 2 * 3600, 3600)
    starts = sorted(pair.start + dt.timedelta(seconds=rng.uniform(0, span)) for _ in range(count))
    hours = [s.replace(minute=0, second=0, microsecond=0) + HOUR for s in starts]
    return [start for start in hours if start + HOUR <= pair.end]


def _meetings(rng: random.Random, batch: Batch, pair: Pair, count: int, notes: bool) -> list[Any]:
    made = []
    for start in _times(rng, pair, count):
        meeting = batch.add(
            Meeting(
                relationship_id=pair.pk,
                starts_at=start,
                ends_at=start + HOUR,
                location=rng.choice(("Staff café", "Library, room 2", "Video call")),
                status=Meeting.Status.HELD,
                proposed_by_id=rng.choice((pair.mentor_id, pair.mentee_id)),
                created_at=start,
            )
        )
        made.append(meeting)
        if notes:
            for author in rng.sample((pair.mentor_id, pair.mentee_id), rng.randint(1, 2)):
                batch.add(
                    MeetingNote(
                        meeting=meeting,
                        author_id=author,
                        body=rng.choice(text.NOTES),
                        created_at=start + HOUR,
                        updated_at=start + HOUR,
                    )
                )
    return made


def _agenda(rng: random.Random, batch: Batch, pair: Pair, meetings: list[Any]) -> None:
    titles = rng.sample(text.TOPICS, rng.randint(3, 5))
    for position, title in enumerate(titles):
        closed = position == 0 and len(meetings) > 1
        suggested = position == len(titles) - 1 and pair.status == Status.ACTIVE
        topic = batch.add(
            AgendaTopic(
                relationship_id=pair.pk,
                title=title,
                position=position,
                status="closed" if closed else ("suggested" if suggested else "open"),
                added_by_id=pair.mentor_id if suggested else pair.mentee_id,
                created_at=pair.start,
                closed_at=pair.end if closed else None,
            )
        )
        if not suggested and meetings:
            batch.rows.setdefault(Meeting.topics.through, []).append((rng.choice(meetings), topic))


def _private(rng: random.Random, batch: Batch, pair: Pair) -> None:
    for side in ("mentee", "mentor"):
        for when in _times(rng, pair, rng.randint(1, 3)):
            batch.add(
                JournalEntry(
                    relationship_id=pair.pk,
                    side=side,
                    body=rng.choice(text.JOURNAL),
                    created_at=when,
                    updated_at=when,
                )
            )
    for area, title in rng.sample(text.GOALS, rng.randint(1, 2)):
        goal = batch.add(
            Goal(
                relationship_id=pair.pk,
                area=area,
                title=title,
                created_by_id=pair.mentee_id,
                created_at=pair.start,
            )
        )
        batch.add(
            GoalNote(
                goal=goal,
                author_id=pair.mentee_id,
                body=rng.choice(text.GOAL_NOTES),
                created_at=pair.end - HOUR,
            )
        )


def _upcoming(rng: random.Random, batch: Batch, pair: Pair, anchor: dt.datetime) -> None:
    start = (anchor + dt.timedelta(days=rng.randint(3, 14))).replace(hour=rng.choice((9, 13, 16)))
    batch.add(
        Meeting(
            relationship_id=pair.pk,
            starts_at=start,
            ends_at=start + HOUR,
            location="Staff café",
            status=Meeting.Status.CONFIRMED,
            proposed_by_id=pair.mentee_id,
            responded_by_id=pair.mentor_id,
            responded_at=anchor,
            invite_sent_sequence=0,
            created_at=anchor,
        )
    )


def _introduction(rng: random.Random, batch: Batch, pair: Pair, contacts: list[int]) -> None:
    choices = [c for c in contacts if c not in (pair.mentor_id, pair.mentee_id)]
    if not choices:
        return
    agreed = rng.random() < 0.6
    batch.add(
        Introduction(
            relationship_id=pair.pk,
            introduced_by_id=pair.mentor_id,
            person_id=pair.mentee_id,
            contact_id=rng.choice(choices),
            reason=rng.choice(text.INTRODUCTIONS),
            status="accepted" if agreed else "proposed",
            created_at=pair.end - 3 * HOUR,
            person_agreed_at=pair.end - 2 * HOUR,
            responded_at=pair.end - HOUR if agreed else None,
            request_sent_at=pair.end - 2 * HOUR,
            made_sent_at=pair.end - HOUR if agreed else None,
        )
    )


def _ending(rng: random.Random, batch: Batch, pair: Pair) -> None:
    periods = int((pair.end - pair.start).days // pair.review_days)
    for period in range(1, periods + 1):
        due = pair.start + dt.timedelta(days=period * pair.review_days)
        if due + dt.timedelta(days=2) > pair.end:
            break
        batch.add(
            Review(
                relationship_id=pair.pk,
                period=period,
                due_at=due,
                created_at=due,
                mentor_decision="continue",
                mentee_decision="continue",
                outcome="continue",
                resolved_at=due + dt.timedelta(days=2),
            )
        )
    if pair.status != Status.CONCLUDED:
        return
    for side in ("mentee", "mentor"):
        batch.add(
            Closing(
                relationship_id=pair.pk,
                side=side,
                reflection=rng.choice(text.REFLECTIONS),
                shared=rng.random() < 0.5,
                growth=rng.randint(3, 5),
                career_clarity=rng.randint(2, 5),
                belonging=rng.randint(3, 5),
                would_recommend=rng.random() < 0.9,
                created_at=pair.end,
            )
        )


def _rich(rng: random.Random, batch: Batch, pair: Pair, anchor: dt.datetime, contacts: list[int]):
    meetings = _meetings(rng, batch, pair, rng.randint(3, 6), notes=True)
    _agenda(rng, batch, pair, meetings)
    _private(rng, batch, pair)
    if pair.status == Status.ACTIVE:
        _upcoming(rng, batch, pair, anchor)
    _introduction(rng, batch, pair, contacts)
    _ending(rng, batch, pair)


def add_demo_activity(*, seed: int) -> dict[str, int]:
    """Fill the workspaces of existing relationships; returns how many rows of each kind.
    Does nothing (and returns zeros) when meetings already exist."""
    counts: Counter[str] = Counter()
    if Meeting.objects.exists():
        return dict(counts)
    rng = random.Random(seed)
    anchor = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    pairs = _pairs(anchor)
    contacts = list(
        Participation.objects.filter(role=Participation.Role.MENTOR)
        .order_by("user_id")
        .values_list("user_id", flat=True)
        .distinct()[:200]
    )
    with transaction.atomic():
        batch = Batch()
        for index, pair in enumerate(pairs):
            if index < RICH:
                _rich(rng, batch, pair, anchor, contacts)
            else:
                _meetings(rng, batch, pair, rng.randint(1, 2), notes=False)
        batch.save(counts)
        _event(rng, anchor, counts)
    counts["relationships with activity"] = len(pairs)
    return dict(counts)


def _event(rng: random.Random, anchor: dt.datetime, counts: Counter[str]) -> None:
    """A past networking evening in the first one-to-one program: sign-ups, a few one-sided
    marks and one mutual pair with its offer; and a round of speed mentoring to come."""
    program = Program.objects.filter(kind="mentoring", mode="one_to_one").order_by("pk").first()
    if program is None:
        return
    people = list(
        Participation.objects.filter(program=program, state=Participation.State.ACTIVE)
        .order_by("user_id")
        .values_list("user_id", "role", "training_completed_at", "capacity")[:400]
    )
    busy = dict(
        MentoringRelationship.objects.filter(program=program, status__in=OPEN_STATUSES)
        .values_list("mentor_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    # Trained mentors with room, so the mutual pair's offer can be made.
    mentors = sorted(
        {u for u, role, trained, capacity in people if role == "mentor"
         and (trained or not program.requires_training) and (capacity or 0) > busy.get(u, 0)}
    )  # fmt: skip
    seekers = sorted({u for u, role, _, _ in people if role == "seeker"} - set(mentors))
    if len(mentors) < 2 or len(seekers) < 2:
        return
    attendees = rng.sample(mentors, min(8, len(mentors))) + rng.sample(
        seekers, min(12, len(seekers))
    )
    past = anchor - dt.timedelta(days=10, hours=-18)
    event = MentoringEvent.objects.create(
        program=program,
        kind="networking",
        title="Spring networking evening",
        capacity=30,
        starts_at=past,
        ends_at=past + 2 * HOUR,
        location="Education centre atrium",
        description="Drinks, name badges and short conversations across departments.",
        created_at=past - dt.timedelta(days=21),
    )
    EventSignup.objects.bulk_create(
        # Attendance was taken: everyone who signed up came.
        EventSignup(event=event, person_id=p, created_at=event.created_at, attended=True)
        for p in attendees
    )
    mentor, seeker = attendees[0], attendees[-1]
    marks: set[tuple[int, int]] = set()
    for _ in range(10):  # one-sided only: nobody here marks someone who marked them
        a, b = rng.sample(attendees, 2)
        if (b, a) not in marks and {a, b} != {mentor, seeker}:
            marks.add((a, b))
    ContinueMark.objects.bulk_create(
        [ContinueMark(event=event, marker_id=a, marked_id=b) for a, b in sorted(marks)]
        + [
            ContinueMark(event=event, marker_id=mentor, marked_id=seeker),
            ContinueMark(event=event, marker_id=seeker, marked_id=mentor),
        ],
        ignore_conflicts=True,
    )
    counts["events"] += 2
    counts["continue marks"] += ContinueMark.objects.filter(event=event).count()
    _offer(event, program, mentor, seeker, anchor)
    soon = anchor + dt.timedelta(days=12, hours=12)
    MentoringEvent.objects.create(
        program=program,
        kind="speed_mentoring",
        title="Speed mentoring round",
        capacity=24,
        starts_at=soon,
        ends_at=soon + HOUR,
        location="Seminar room 3",
        description="Ten minutes with each of six mentors; say afterwards whom you'd see again.",
    )


def _offer(event: MentoringEvent, program: Program, mentor_id: int, seeker_id: int, anchor) -> None:
    """The mutual pair's offer, made as the service makes it but without e-mails."""
    from ithaca.accounts.models import User

    mentor, seeker = User.objects.get(pk=mentor_id), User.objects.get(pk=seeker_id)
    relationship, refused = None, ""
    try:
        with transaction.atomic():
            relationship = mentoring_propose(
                program=program, mentor=mentor, mentee=seeker, proposed_by=None
            )
    except DomainError as exc:
        refused = exc.message
    first, second = sorted((mentor_id, seeker_id))
    MutualInterest.objects.create(
        event=event,
        first_id=first,
        second_id=second,
        relationship=relationship,
        refused_reason=refused,
        notified_at=anchor,
    )

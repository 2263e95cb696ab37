"""The four demo programs and who takes part in them.

Counts scale with the organization (about a tenth of staff mentor, about a
sixth seek help) with floors so a 300-person demo still has a full pool.
The pinned demo accounts get hand-placed roles; everyone else is drawn.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from ithaca.demo.builder import departments as depts
from ithaca.demo.builder.coaches import coach_participations
from ithaca.demo.builder.enrolment import LAUNCH_DAYS, Joining, Pool, draw, scaled
from ithaca.demo.builder.logins import INDEX
from ithaca.demo.builder.records import (
    ACTIVE,
    DECLINED,
    LEFT,
    MENTOR,
    PENDING,
    SEEKER,
    SPONSOR,
    ParticipationRow,
    PersonRow,
    ProgramRow,
)
from ithaca.demo.builder.vocabulary import SEEKER_NOTES

MENTORING_SCHEME = "northwind-mentoring"
PEER_CIRCLES = "northwind-peer-circles"
EXECUTIVE_COACHING = "northwind-executive-coaching"
NEW_MANAGER_COACHING = "northwind-new-manager-coaching"
COACHING_PROGRAMS = (EXECUTIVE_COACHING, NEW_MANAGER_COACHING)
PROGRAM_SLUGS = (MENTORING_SCHEME, PEER_CIRCLES, *COACHING_PROGRAMS)


def program_rows(people: list[PersonRow], anchor: datetime) -> list[ProgramRow]:
    """The four programs; the demo manager runs all of them."""
    opened = anchor - timedelta(days=LAUNCH_DAYS + 14)
    manager = INDEX["manager"]
    chief_people = next(
        i for i, p in enumerate(people) if p.department == depts.slug_of("people") and p.grade == 9
    )
    return [
        ProgramRow(
            MENTORING_SCHEME, "Northwind Mentoring Scheme", "mentoring", "one_to_one",
            "Long-term one-to-one mentoring with an experienced colleague from outside "
            "your line of management. Mentors complete the mentor training first.", opened,
            requires_training=True, managers=[manager, chief_people],
        ),
        ProgramRow(
            PEER_CIRCLES, "Peer Mentoring Circles", "mentoring", "peer",
            "Colleagues at a similar stage meet, share what they are learning and "
            "pair up when a conversation is worth continuing.", opened,
            managers=[manager],
        ),
        ProgramRow(
            EXECUTIVE_COACHING, "Executive Coaching", "coaching", "executive",
            "Eight sessions every three weeks with an accredited coach, for directors "
            "and senior clinicians taking on a bigger role.", opened,
            session_count=8, session_cadence_days=21, managers=[manager, chief_people],
        ),
        ProgramRow(
            NEW_MANAGER_COACHING, "New Manager Coaching", "coaching", "leadership",
            "Six fortnightly sessions for people in their first year of managing a team: "
            "delegation, feedback and difficult conversations.", opened,
            managers=[manager],
        ),
    ]  # fmt: skip


def build_participations(
    rng: random.Random, people: list[PersonRow], anchor: datetime
) -> list[ParticipationRow]:
    """Every participation: pinned people first, then drawn seekers, helpers, sponsors."""
    total = sum(1 for person in people if person.department is not None)
    joined = Joining(rng, people, anchor)
    rows = _pinned(joined)
    rows += _seekers(rng, people, joined, total)
    rows += _mentors(rng, people, joined, total)
    rows += coach_participations(rng, people, joined, total)
    sponsors: Pool = lambda p, i: p.grade >= 7 or (p.grade >= 5 and "HR" in p.job_title)  # noqa: E731
    for index in draw(rng, people, scaled(total, 0.006, 5), sponsors):
        rows += [joined.plain(program, index, SPONSOR) for program in COACHING_PROGRAMS]
    return rows


def _pinned(joined: Joining) -> list[ParticipationRow]:
    mentee, mentor = INDEX["mentee"], INDEX["mentor"]
    coachee, sponsor = INDEX["coachee"], INDEX["sponsor"]
    mentor_joined = joined.active(mentor)
    return [
        joined.plain(MENTORING_SCHEME, mentee, SEEKER),
        joined.plain(PEER_CIRCLES, mentee, SEEKER),
        ParticipationRow(
            MENTORING_SCHEME, mentor, MENTOR, ACTIVE, mentor_joined, capacity=4,
            training_completed_at=mentor_joined + timedelta(days=12),
        ),
        joined.plain(NEW_MANAGER_COACHING, coachee, SEEKER),
        joined.plain(EXECUTIVE_COACHING, sponsor, SPONSOR),
        joined.plain(NEW_MANAGER_COACHING, sponsor, SPONSOR),
    ]  # fmt: skip


def _seekers(
    rng: random.Random, people: list[PersonRow], joined: Joining, total: int
) -> list[ParticipationRow]:
    reports = [0] * len(people)
    for person in people:
        if person.line_manager is not None:
            reports[person.line_manager] += 1
    wanted: dict[str, tuple[int, Pool]] = {
        MENTORING_SCHEME: (scaled(total, 0.10, 30), lambda p, i: 1 <= p.grade <= 6),
        PEER_CIRCLES: (scaled(total, 0.05, 16), lambda p, i: 2 <= p.grade <= 6),
        EXECUTIVE_COACHING: (scaled(total, 0.02, 9), lambda p, i: 7 <= p.grade <= 9),
        # New managers: mid-grade people who have just gained direct reports.
        NEW_MANAGER_COACHING: (
            scaled(total, 0.04, 13),
            lambda p, i: 4 <= p.grade <= 6 and reports[i] > 0,
        ),
    }
    rows = []
    for program, (count, fits) in wanted.items():
        rows += [_seeker(rng, joined, program, index) for index in draw(rng, people, count, fits)]
    return rows


def _state(rng: random.Random, pending: float, declined: float, left: float) -> str:
    roll = rng.random()
    for state, share in ((PENDING, pending), (DECLINED, declined), (LEFT, left)):
        if roll < share:
            return state
        roll -= share
    return ACTIVE


def _seeker(rng: random.Random, joined: Joining, program: str, index: int) -> ParticipationRow:
    state = _state(rng, 0.09, 0.03, 0.02)
    kind = "coaching" if program in COACHING_PROGRAMS else "mentoring"
    note = rng.choice(SEEKER_NOTES[kind]) if state == PENDING or rng.random() < 0.4 else ""
    when = joined.pending(index) if state == PENDING else joined.active(index)
    return ParticipationRow(program, index, SEEKER, state, when, application_note=note)


def _mentors(
    rng: random.Random, people: list[PersonRow], joined: Joining, total: int
) -> list[ParticipationRow]:
    seasoned: Pool = lambda p, i: 5 <= p.grade <= 9 and p.years_experience >= 6  # noqa: E731
    peers: Pool = lambda p, i: 3 <= p.grade <= 6  # noqa: E731
    rows = []
    for program, count, fits, trained_share in (
        # One fewer drawn for the scheme: the pinned demo mentor is the last one.
        (MENTORING_SCHEME, scaled(total, 0.10, 42) - 1, seasoned, 0.88),
        (PEER_CIRCLES, scaled(total, 0.03, 10), peers, 0.3),
    ):
        for index in draw(rng, people, count, fits):
            state = _state(rng, 0.05, 0.0, 0.02)
            when = joined.pending(index) if state == PENDING else joined.active(index)
            trained = joined.trained(when) if rng.random() < trained_share else None
            rows.append(
                ParticipationRow(
                    program, index, MENTOR, state, when, capacity=rng.randint(1, 4),
                    training_completed_at=trained if state != PENDING else None,
                )
            )  # fmt: skip
    return rows

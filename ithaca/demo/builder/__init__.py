"""Build the demo organization as plain data, with no database in sight.

`build_organization(seed=..., people=..., anchor=...)` returns the same
`DemoOrganization` for the same three arguments. Every phase draws from its
own random stream derived from the seed, so a change to how careers are
written does not reshuffle who mentors whom.
"""

from __future__ import annotations

import random
from datetime import datetime

from ithaca.demo.builder.coaches import build_external_coaches, external_coach_count
from ithaca.demo.builder.departments import department_rows
from ithaca.demo.builder.hierarchy import Independence, assign_assessors, assign_line_managers
from ithaca.demo.builder.logins import DEMO_PASSWORD, INDEX, PINNED
from ithaca.demo.builder.people import EmailBook, build_staff
from ithaca.demo.builder.pinned import place_pinned
from ithaca.demo.builder.programs import build_participations, program_rows
from ithaca.demo.builder.records import (
    DemoOrganization,
    Login,
    ParticipationRow,
    PersonRow,
    ProgramRow,
    RelationshipRow,
)
from ithaca.demo.builder.relationships import Matchmaker
from ithaca.demo.builder.roster import rosters
from ithaca.demo.builder.vocabulary import ORGANIZATION

__all__ = ["DEMO_PASSWORD", "MIN_PEOPLE", "DemoOrganization", "build_organization"]

MIN_PEOPLE = 50  # below this the departments outnumber the people in them


def build_organization(*, seed: int, people: int, anchor: datetime) -> DemoOrganization:
    """The whole demo organization: `people` employees plus external coaches.

    `anchor` (an aware datetime) is "now" for the story: every date lies
    before it, most within the eighteen months leading up to it.
    """
    if people < MIN_PEOPLE:
        raise ValueError(f"The demo needs at least {MIN_PEOPLE} people, not {people}.")
    if anchor.tzinfo is None:
        raise ValueError("The anchor must be timezone-aware.")
    emails = EmailBook()
    staff = build_staff(_stream(seed, "people"), people, anchor, emails)
    hierarchy_rng = _stream(seed, "hierarchy")
    assign_line_managers(hierarchy_rng, staff)
    assign_assessors(hierarchy_rng, staff)
    coaches_rng = _stream(seed, "coaches")
    staff += build_external_coaches(coaches_rng, external_coach_count(people), anchor, emails)
    programs = program_rows(staff, anchor)
    participations = build_participations(_stream(seed, "programs"), staff, anchor)
    mentoring, coaching = _relationships(
        _stream(seed, "relationships"), staff, anchor, programs, participations
    )
    return DemoOrganization(
        name=ORGANIZATION,
        seed=seed,
        departments=department_rows(),
        people=staff,
        programs=programs,
        participations=participations,
        mentoring=mentoring,
        coaching=coaching,
        logins=[Login(p.email, INDEX[p.role], p.shows) for p in PINNED],
    )


def _stream(seed: int, phase: str) -> random.Random:
    # String seeds are hashed with SHA-512 by `random`, not with Python's
    # per-process string hash, so the stream is the same in every run.
    return random.Random(f"ithaca-demo:{seed}:{phase}")


def _relationships(
    rng: random.Random,
    people: list[PersonRow],
    anchor: datetime,
    programs: list[ProgramRow],
    participations: list[ParticipationRow],
) -> tuple[list[RelationshipRow], list[RelationshipRow]]:
    """Pinned stories first, so they always find room; then everyone else's."""
    independence = Independence(people)
    by_program = rosters(programs, participations, anchor)
    makers = {
        slug: Matchmaker(rng, people, independence, anchor, roster)
        for slug, roster in by_program.items()
    }
    place_pinned(makers)
    for maker in makers.values():
        maker.tell_everyone()
    mentoring = [row for p in programs if p.kind == "mentoring" for row in makers[p.slug].rows]
    coaching = [row for p in programs if p.kind == "coaching" for row in makers[p.slug].rows]
    return mentoring, coaching

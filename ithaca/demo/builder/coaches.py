"""Coaches: trained internal staff and accredited external professionals.

External coaches are contracted, not employed: they have an account and a
profile but no department and no line manager, and they charge by the hour.
Internal coaches are staff who trained to coach alongside their day job.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from decimal import Decimal

from ithaca.demo.builder.enrolment import Joining, Pool, draw, scaled
from ithaca.demo.builder.logins import INDEX
from ithaca.demo.builder.people import EmailBook, site
from ithaca.demo.builder.records import ACTIVE, COACH, CareerRow, ParticipationRow, PersonRow
from ithaca.demo.builder.vocabulary import (
    COACH_ACCREDITATIONS_EXTERNAL,
    COACH_ACCREDITATIONS_INTERNAL,
    COACH_PRACTICES,
    FIRST_NAMES,
    INTERESTS,
    LAST_NAMES,
    OTHER_EMPLOYERS,
)

EXECUTIVE, LEADERSHIP = "northwind-executive-coaching", "northwind-new-manager-coaching"
# Coaching modes besides the program's own that coaches also practise.
EXTRA_MODALITIES = (
    "co_active", "evidence_based", "cognitive_behavioural", "brief", "ontological",
    "integral", "intercultural", "existential", "team",
)  # fmt: skip
EARLIER_CAREERS = (
    ("HR Director", "an HR director"),
    ("Consultant Physician", "a consultant physician"),
    ("Head of Operations", "a head of operations"),
    ("Director of Nursing", "a director of nursing"),
)
EXTERNAL_TITLES = ("Executive Coach", "Leadership Coach", "Coach and Organisational Psychologist")


def external_coach_count(total: int) -> int:
    return scaled(total, 0.003, 4)


def build_external_coaches(
    rng: random.Random, count: int, anchor: datetime, emails: EmailBook
) -> list[PersonRow]:
    """Self-employed coaches with their own practice and an earlier career."""
    return [_external_coach(rng, anchor, emails) for _ in range(count)]


def _external_coach(rng: random.Random, anchor: datetime, emails: EmailBook) -> PersonRow:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    location, time_zone, languages = site(rng)
    years = rng.randint(12, 30)
    practice, title = rng.choice(COACH_PRACTICES), rng.choice(EXTERNAL_TITLES)
    founded = anchor.date() - timedelta(days=rng.randint(3, min(years - 2, 15)) * 365)
    began = anchor.date() - timedelta(days=years * 365)
    earlier, as_phrase = rng.choice(EARLIER_CAREERS)
    return PersonRow(
        email=emails.address(first, last), first_name=first, last_name=last,
        job_title=title, department=None, grade=8, years_experience=years,
        joined_at=anchor - timedelta(days=rng.randint(560, 620)),
        location=location, time_zone=time_zone, languages=languages,
        expertise=["executive presence", "leadership transitions", "resilience"],
        interests=rng.sample(INTERESTS, 2),
        bio=(
            f"{title} at {practice}. Before coaching I spent years as {as_phrase}"
            " - I know what the job asks of people. I work with directors and senior"
            " clinicians on transitions, influence and sustainable pace."
        ),
        career=[
            CareerRow(earlier, rng.choice(OTHER_EMPLOYERS["clinical"]), began,
                      founded - timedelta(days=1)),
            CareerRow(title, practice, founded, None),
        ],
    )  # fmt: skip


def coach_participations(
    rng: random.Random, people: list[PersonRow], joined: Joining, total: int
) -> list[ParticipationRow]:
    """The pinned internal coach, drawn internal coaches, and every external coach."""
    internal: Pool = lambda p, i: 5 <= p.grade <= 8  # noqa: E731
    rows = _internal(rng, joined, INDEX["coach"], pinned=True)
    for index in draw(rng, people, scaled(total, 0.006, 6) - 1, internal):
        rows += _internal(rng, joined, index, pinned=False)
    for index, person in enumerate(people):
        if person.department is None:
            rows += _external(rng, joined, index)
    return rows


def _internal(
    rng: random.Random, joined: Joining, index: int, pinned: bool
) -> list[ParticipationRow]:
    # Internal coaches coach new managers; a few are senior enough for executives.
    programs = [LEADERSHIP, EXECUTIVE] if pinned or rng.random() < 0.25 else [LEADERSHIP]
    modes = ["leadership", *(["executive"] if EXECUTIVE in programs else [])]
    modes += rng.sample(EXTRA_MODALITIES[:4], rng.randint(1, 2))
    accreditation = "EMCC Practitioner" if pinned else rng.choice(COACH_ACCREDITATIONS_INTERNAL)
    return [
        ParticipationRow(
            program, index, COACH, ACTIVE, joined.active(index),
            capacity=6 if pinned else rng.randint(3, 8), coach_type="internal",
            modalities=modes, accreditation=accreditation,
        )
        for program in programs
    ]  # fmt: skip


def _external(rng: random.Random, joined: Joining, index: int) -> list[ParticipationRow]:
    programs = [EXECUTIVE, LEADERSHIP] if rng.random() < 0.4 else [EXECUTIVE]
    modes = ["executive", "leadership", *rng.sample(EXTRA_MODALITIES, rng.randint(1, 2))]
    accreditation = rng.choice(COACH_ACCREDITATIONS_EXTERNAL)
    rate = Decimal(rng.randrange(150, 476, 25)).quantize(Decimal("0.01"))
    return [
        ParticipationRow(
            program, index, COACH, ACTIVE, joined.active(index), capacity=rng.randint(3, 8),
            coach_type="external", modalities=modes, accreditation=accreditation,
            hourly_rate=rate,
        )
        for program in programs
    ]  # fmt: skip

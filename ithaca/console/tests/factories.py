"""Relationships in any state, made directly so console tests do not depend on the
mentoring and coaching services; and a program with people at every stage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from ithaca.accounts.models import User
from ithaca.accounts.tests.factories import UserFactory
from ithaca.console.selectors import relationship_model
from ithaca.programs.models import Program
from ithaca.programs.tests.factories import ParticipationFactory, ProgramFactory

STARTED = ("active", "paused", "concluded")
ENDED = ("concluded", "declined", "withdrawn")


def make_relationship(
    program: Program,
    helper: User,
    seeker: User,
    status: str = "proposed",
    age_days: int = 0,
    **extra: Any,
) -> Any:
    model: Any = relationship_model(program)
    now = timezone.now() - dt.timedelta(days=age_days)
    relationship = model.objects.create(
        program=program,
        status=status,
        helper_accepted_at=now if status in STARTED else None,
        seeker_accepted_at=now if status in STARTED else None,
        started_at=now if status in STARTED else None,
        ended_at=now if status in ENDED else None,
        **{model.HELPER_FIELD: helper, model.SEEKER_FIELD: seeker},
        **extra,
    )
    model.objects.filter(pk=relationship.pk).update(created_at=now)
    relationship.created_at = now
    return relationship


def backdate(participation: Any, days: int) -> None:
    when = timezone.now() - dt.timedelta(days=days)
    type(participation).objects.filter(pk=participation.pk).update(created_at=when, updated_at=when)


@dataclass
class World:
    """A mentoring program with a manager, a mentor and a seeker at every stage."""

    program: Program
    manager: User
    mentor: User
    applied: User
    waiting: User
    matched: User
    active: User
    concluded: User


def make_world(**program_fields: Any) -> World:
    program = ProgramFactory(**program_fields)
    manager = UserFactory()
    program.managers.add(manager)
    mentor = ParticipationFactory(program=program, role="mentor", capacity=3).user

    def seeker(state: str = "active") -> User:
        return ParticipationFactory(program=program, role="seeker", state=state).user

    world = World(
        program=program,
        manager=manager,
        mentor=mentor,
        applied=seeker("pending"),
        waiting=seeker(),
        matched=seeker(),
        active=seeker(),
        concluded=seeker(),
    )
    make_relationship(program, mentor, world.matched, "proposed")
    make_relationship(program, mentor, world.active, "active")
    make_relationship(program, mentor, world.concluded, "concluded")
    # A declined proposal leaves the seeker waiting, not matched.
    make_relationship(program, mentor, world.waiting, "declined")
    return world

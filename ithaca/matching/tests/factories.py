"""Factories and small builders for matching tests."""

from __future__ import annotations

from typing import Any

from ithaca.accounts.models import Profile, User
from ithaca.accounts.tests.factories import UserFactory
from ithaca.programs.models import Participation, Program
from ithaca.programs.tests.factories import (
    CoachingProgramFactory,
    ParticipationFactory,
    ProgramFactory,
)

__all__ = ["CoachingProgramFactory", "ProgramFactory", "helper", "manager", "person", "seeker"]


def person(**profile: Any) -> User:
    """A user whose profile carries these fields (English by default)."""
    user = UserFactory()
    if profile:
        Profile.objects.filter(user=user).update(**profile)
        user.profile.refresh_from_db()
    return user


def seeker(program: Program, user: User | None = None, **profile: Any) -> User:
    user = user or person(**profile)
    ParticipationFactory(program=program, user=user, role=Participation.Role.SEEKER)
    return user


def helper(program: Program, user: User | None = None, capacity: int = 2, **profile: Any) -> User:
    user = user or person(**profile)
    role = Participation.Role.MENTOR if program.is_mentoring else Participation.Role.COACH
    ParticipationFactory(program=program, user=user, role=role, capacity=capacity)
    return user


def manager(program: Program) -> User:
    user = person()
    program.managers.add(user)
    return user

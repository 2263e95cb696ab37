"""Builders for analytics tests: people in departments and relationships at chosen times.

Rows are written directly (not through the lifecycle services) so a figure's
fixture can place every date by hand; the database constraints still apply.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from ithaca.accounts.models import Department, Profile, User
from ithaca.accounts.tests.factories import UserFactory
from ithaca.coaching.models import CoachingEngagement
from ithaca.mentoring.models import MentoringRelationship
from ithaca.programs.models import Participation, Program
from ithaca.programs.tests.factories import CoachingProgramFactory, ProgramFactory

STARTED = ("active", "paused", "concluded")


def day(days_ago: float) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days_ago)


def person(department: str | None = None, **profile: Any) -> User:
    user = UserFactory()
    if department:
        slug = department.lower().replace(" ", "-")
        dept, _ = Department.objects.get_or_create(slug=slug, defaults={"name": department})
        profile["department"] = dept
    if profile:
        Profile.objects.filter(user=user).update(**profile)
    return user


def people(count: int, department: str | None = None, **profile: Any) -> list[User]:
    return [person(department, **profile) for _ in range(count)]


def mentoring_program(**fields: Any) -> Program:
    return ProgramFactory(**fields)


def coaching_program(**fields: Any) -> Program:
    return CoachingProgramFactory(**fields)


def applied(program: Program, user: User, days_ago: float, role: str = "seeker") -> Participation:
    participation = Participation.objects.create(
        program=program, user=user, role=role, capacity=5 if role != "seeker" else None,
        modalities=["general"] if role == "coach" else [],
    )  # fmt: skip
    Participation.objects.filter(pk=participation.pk).update(created_at=day(days_ago))
    return participation


def _dates(status: str, created: float, started: float | None, ended: float | None) -> dict:
    fields: dict[str, Any] = {"status": status}
    if status in STARTED:
        start = day(started if started is not None else created)
        fields.update(helper_accepted_at=start, seeker_accepted_at=start, started_at=start)
    if ended is not None:
        fields["ended_at"] = day(ended)
    return fields


def relate(
    program: Program, helper: User, seeker: User, status: str = "active", *,
    created: float = 10, started: float | None = None, ended: float | None = None,
) -> Any:  # fmt: skip
    """A relationship (mentoring or coaching, from the program's kind) at chosen times."""
    fields = _dates(status, created, started, ended)
    if program.is_mentoring:
        row: Any = MentoringRelationship.objects.create(
            program=program, mentor=helper, mentee=seeker, **fields
        )
    else:
        row = CoachingEngagement.objects.create(
            program=program, coach=helper, coachee=seeker, **fields
        )
    type(row).objects.filter(pk=row.pk).update(created_at=day(created))
    row.refresh_from_db()
    return row

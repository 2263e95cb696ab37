"""Writes to programs and participations."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction

from ithaca.accounts.models import User
from ithaca.core.errors import DomainError
from ithaca.programs.models import Participation, Program
from ithaca.programs.modes import MODES_BY_KIND

HELPER_ROLE_FOR_KIND = {
    "mentoring": Participation.Role.MENTOR,
    "coaching": Participation.Role.COACH,
}
PLURAL = {"mentor": "mentors", "coach": "coaches"}


@transaction.atomic
def program_create(
    *, name: str, slug: str, kind: str, mode: str, managers: list[User] | None = None, **extra: Any
) -> Program:
    """Create a program; its mode must belong to its kind."""
    if kind not in MODES_BY_KIND:
        raise DomainError(f"Unknown kind {kind!r}: use mentoring or coaching.", field="kind")
    if mode not in MODES_BY_KIND[kind]:
        raise DomainError(f"{mode!r} is not a {kind} mode.", field="mode")
    if Program.objects.filter(slug=slug).exists():
        raise DomainError(f"A program with the address {slug!r} already exists.", field="slug")
    program = Program.objects.create(name=name, slug=slug, kind=kind, mode=mode, **extra)
    if managers:
        program.managers.add(*managers)
    return program


def _check_role_fits(program: Program, role: str) -> None:
    if role in Participation.HELPER_ROLES and role != HELPER_ROLE_FOR_KIND[program.kind]:
        raise DomainError(
            f"A {program.get_kind_display().lower()} program has "
            f"{PLURAL[HELPER_ROLE_FOR_KIND[program.kind]]}, not {PLURAL[role]}.",
            field="role",
        )
    if role == Participation.Role.SPONSOR and not program.is_coaching:
        raise DomainError("Sponsors take part in coaching programs only.", field="role")


@transaction.atomic
def participation_add(
    *,
    program: Program,
    user: User,
    role: str,
    state: str = Participation.State.ACTIVE,
    **extra: Any,
) -> Participation:
    """Give a person a role in a program (directly, or as a pending application)."""
    _check_role_fits(program, role)
    if role in Participation.HELPER_ROLES and not extra.get("capacity"):
        raise DomainError("Mentors and coaches need a capacity of at least 1.", field="capacity")
    try:
        with transaction.atomic():
            return Participation.objects.create(
                program=program, user=user, role=role, state=state, **extra
            )
    except IntegrityError:
        raise DomainError(
            f"{user} already has the {role} role in {program}.", field="role"
        ) from None


def participation_apply(
    *, program: Program, user: User, role: str = Participation.Role.SEEKER, note: str = ""
) -> Participation:
    """A person asks to join a program; a program manager approves or declines."""
    if not program.enrolment_open:
        raise DomainError(f"Enrolment in {program} is closed.")
    return participation_add(
        program=program,
        user=user,
        role=role,
        state=Participation.State.PENDING,
        application_note=note.strip(),
        capacity=1 if role in Participation.HELPER_ROLES else None,
    )

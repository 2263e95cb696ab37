"""Factories for programs and participations."""

from __future__ import annotations

import factory

from ithaca.accounts.tests.factories import UserFactory
from ithaca.programs.models import Participation, Program


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program

    name = factory.Sequence(lambda n: f"Program {n}")
    slug = factory.Sequence(lambda n: f"program-{n}")
    kind = "mentoring"
    mode = "one_to_one"


class CoachingProgramFactory(ProgramFactory):
    kind = "coaching"
    mode = "executive"


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    program = factory.SubFactory(ProgramFactory)
    user = factory.SubFactory(UserFactory)
    role = Participation.Role.SEEKER
    state = Participation.State.ACTIVE
    capacity = factory.LazyAttribute(
        lambda o: 2 if o.role in (Participation.Role.MENTOR, Participation.Role.COACH) else None
    )
    # Coaches must offer the program's mode; "general" fits every coaching mode.
    modalities = factory.LazyAttribute(
        lambda o: ["general"] if o.role == Participation.Role.COACH else []
    )


def make_pair(kind: str = "mentoring", **program_fields: object) -> tuple[Program, object, object]:
    """A program with one active helper (capacity 2) and one active seeker."""
    factory_class = ProgramFactory if kind == "mentoring" else CoachingProgramFactory
    program = factory_class(**program_fields)
    helper_role = Participation.Role.MENTOR if kind == "mentoring" else Participation.Role.COACH
    helper = ParticipationFactory(program=program, role=helper_role).user
    seeker = ParticipationFactory(program=program, role=Participation.Role.SEEKER).user
    return program, helper, seeker

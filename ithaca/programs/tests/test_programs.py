"""Programs and participations: kinds, modes, roles and the rules on them."""

from __future__ import annotations

import pytest
from django.db import IntegrityError

from ithaca.accounts.tests.factories import UserFactory
from ithaca.core.errors import DomainError
from ithaca.programs.models import Participation, Program
from ithaca.programs.services import participation_add, participation_apply, program_create
from ithaca.programs.tests.factories import CoachingProgramFactory, ProgramFactory

pytestmark = pytest.mark.django_db


def test_it_creates_a_program_whose_mode_fits_its_kind() -> None:
    program = program_create(name="Peer circle", slug="peer", kind="mentoring", mode="peer")
    assert program.is_mentoring and program.get_mode_display() == "Peer mentoring"


def test_it_refuses_a_coaching_mode_on_a_mentoring_program() -> None:
    with pytest.raises(DomainError, match="not a mentoring mode"):
        program_create(name="X", slug="x", kind="mentoring", mode="executive")
    assert not Program.objects.exists()


def test_the_database_also_refuses_a_mode_of_the_other_kind() -> None:
    with pytest.raises(IntegrityError):
        Program.objects.create(name="X", slug="x", kind="coaching", mode="peer")


def test_a_mentor_needs_a_capacity() -> None:
    program = ProgramFactory()
    with pytest.raises(DomainError, match="capacity"):
        participation_add(program=program, user=UserFactory(), role="mentor")
    with pytest.raises(IntegrityError):
        Participation.objects.create(program=program, user=UserFactory(), role="mentor")


def test_a_coaching_program_has_coaches_not_mentors() -> None:
    with pytest.raises(DomainError, match="has coaches, not mentors"):
        participation_add(
            program=CoachingProgramFactory(), user=UserFactory(), role="mentor", capacity=2
        )


def test_only_external_coaches_have_an_hourly_rate() -> None:
    program = CoachingProgramFactory()
    with pytest.raises(IntegrityError):
        Participation.objects.create(
            program=program, user=UserFactory(), role="coach", capacity=3,
            coach_type="internal", hourly_rate=100,
        )  # fmt: skip


def test_one_person_holds_each_role_once_per_program() -> None:
    program, user = ProgramFactory(), UserFactory()
    participation_add(program=program, user=user, role="seeker")
    with pytest.raises(DomainError, match="already has the seeker role"):
        participation_add(program=program, user=user, role="seeker")


def test_a_person_may_be_mentored_in_one_program_and_mentor_in_another() -> None:
    user = UserFactory()
    participation_add(program=ProgramFactory(), user=user, role="seeker")
    participation_add(program=ProgramFactory(), user=user, role="mentor", capacity=2)
    assert user.participations.count() == 2


def test_an_application_is_pending_until_a_manager_decides() -> None:
    participation = participation_apply(program=ProgramFactory(), user=UserFactory(), note=" hi ")
    assert (participation.state, participation.application_note) == ("pending", "hi")


def test_nobody_can_apply_when_enrolment_is_closed() -> None:
    with pytest.raises(DomainError, match="closed"):
        participation_apply(program=ProgramFactory(enrolment_open=False), user=UserFactory())


def test_an_application_answers_every_enrolment_question() -> None:
    program = ProgramFactory(enrolment_questions=["Why now?", "What would success look like?"])
    user = UserFactory()
    with pytest.raises(DomainError, match="Please answer: What would success look like"):
        participation_apply(program=program, user=user, answers=["A new role"])
    assert not Participation.objects.filter(user=user).exists()
    participation = participation_apply(
        program=program, user=user, answers=[" A new role ", "Leading my team calmly"]
    )
    assert participation.application_answers == [
        {"question": "Why now?", "answer": "A new role"},
        {"question": "What would success look like?", "answer": "Leading my team calmly"},
    ]


def test_a_program_asks_at_most_five_short_questions() -> None:
    with pytest.raises(DomainError, match="at most 5"):
        program_create(
            name="X", slug="x", kind="mentoring", mode="peer", enrolment_questions=["q"] * 6
        )
    program = program_create(
        name="X", slug="x", kind="mentoring", mode="peer", enrolment_questions=[" Why? ", ""]
    )
    assert program.enrolment_questions == ["Why?"]

"""The pool adapter reads a whole program into engine values in a fixed number of queries."""

from __future__ import annotations

import pytest

from ithaca.accounts.models import CareerEntry
from ithaca.intake.models import Intake
from ithaca.matching.models import MatchProfile
from ithaca.matching.pool import build_pool, utc_offset
from ithaca.matching.tests.factories import (
    CoachingProgramFactory,
    ProgramFactory,
    helper,
    person,
    seeker,
)
from ithaca.mentoring.services import mentoring_propose
from ithaca.programs.models import PairExclusion, PersonBlock

pytestmark = pytest.mark.django_db


def test_it_reads_the_management_chain_assessors_and_blocks_of_each_seeker() -> None:
    program = ProgramFactory()
    boss = person()
    manager = person(line_manager=boss)
    mentee = seeker(program, line_manager=manager)
    assessor = person()
    mentee.profile.assessors.add(assessor)
    mentor = helper(program)
    PersonBlock.objects.create(person=mentee, other=assessor, kind="opt_out")
    PersonBlock.objects.create(person=mentor, other=boss, kind="conflict")
    pool = build_pool(program)
    s = pool.seeker_by_id[mentee.pk]
    assert s.manager_chain == (manager.pk, boss.pk)
    assert s.assessor_ids == {assessor.pk}
    assert s.blocked_ids == {assessor.pk}
    assert pool.helper_by_id[mentor.pk].conflict_ids == {boss.pk}


def test_a_helpers_capacity_is_what_their_open_relationships_leave() -> None:
    program = ProgramFactory()
    mentor = helper(program, capacity=3)
    first, second = seeker(program), seeker(program)
    mentoring_propose(program=program, mentor=mentor, mentee=first, proposed_by=None)
    pool = build_pool(program)
    assert pool.helper_by_id[mentor.pk].capacity == 2
    assert [s.id for s in pool.seekers] == [second.pk]


def test_declined_pairs_and_exclusions_are_passed_to_the_rules() -> None:
    program = ProgramFactory()
    mentor, mentee = helper(program), seeker(program)
    PairExclusion.objects.create(program=program, helper=mentor, seeker=mentee, reason="manager")
    assert (mentee.pk, mentor.pk) in build_pool(program).rules.declined


def test_the_need_comes_from_the_matching_profile_then_the_latest_intake() -> None:
    program = ProgramFactory()
    first, second = seeker(program), seeker(program)
    MatchProfile.objects.create(
        user=first, program=program, need="public speaking", target="Ward manager"
    )
    Intake.objects.create(
        author=second, text="finding my feet", recommendation="mentoring", confidence=0.5
    )
    pool = build_pool(program)
    assert pool.seeker_by_id[first.pk].need == "public speaking"
    assert pool.seeker_by_id[first.pk].target == "Ward manager"
    assert pool.seeker_by_id[second.pk].need == "finding my feet"


def test_helpers_carry_their_career_as_roles_and_moves() -> None:
    program = ProgramFactory()
    mentor = helper(program, job_title="Consultant")
    CareerEntry.objects.create(
        user=mentor, role="Registrar", started_on="2010-01-01", ended_on="2014-01-01"
    )
    CareerEntry.objects.create(user=mentor, role="Ward manager", started_on="2014-01-02")
    h = build_pool(program).helper_by_id[mentor.pk]
    assert h.roles == ("Registrar", "Ward manager", "Consultant")
    assert h.transitions == ("Registrar to Ward manager",)


def test_coaches_carry_their_modalities_and_identities_stay_out_outside_diversity() -> None:
    program = CoachingProgramFactory()
    coach = helper(program, disclosed_identities=["carer"])
    assert build_pool(program).helper_by_id[coach.pk].modalities == {"general"}
    assert build_pool(program).helper_by_id[coach.pk].identities == frozenset()


def test_building_a_pool_takes_the_same_number_of_queries_for_a_bigger_program(
    django_assert_max_num_queries,
) -> None:
    program = ProgramFactory()
    for _ in range(3):
        seeker(program)
        helper(program)
    with django_assert_max_num_queries(14):
        build_pool(program)
    for _ in range(12):
        CareerEntry.objects.create(user=helper(program), role="Nurse", started_on="2015-01-01")
        seeker(program).profile.assessors.add(person())
    with django_assert_max_num_queries(14):
        pool = build_pool(program)
    assert len(pool.seekers) == 15 and len(pool.helpers) == 15


def test_an_unknown_time_zone_has_no_offset() -> None:
    import datetime as dt

    now = dt.datetime(2026, 1, 15, tzinfo=dt.UTC)
    assert utc_offset("Europe/Paris", now) == 1.0
    assert utc_offset("Mars/Olympus", now) is None


def test_a_profile_without_languages_speaks_the_organizations_language(settings) -> None:
    settings.ITHACA_DEFAULT_LANGUAGE = "cy"
    program = ProgramFactory()
    quiet = seeker(program, languages=[])
    assert build_pool(program).seeker_by_id[quiet.pk].languages == {"cy"}

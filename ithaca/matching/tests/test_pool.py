"""The pool adapter reads a whole program into engine values in a fixed number of queries."""

from __future__ import annotations

import pytest

from ithaca.accounts.models import CareerEntry
from ithaca.intake.models import Intake, IntakeShare
from ithaca.matching.models import MatchProfile
from ithaca.matching.pool import build_pool, utc_offset
from ithaca.matching.ranking import candidates_for, offers_for, proposal_breakdown
from ithaca.matching.tests.factories import (
    CoachingProgramFactory,
    ProgramFactory,
    helper,
    person,
    seeker,
)
from ithaca.mentoring.services import mentoring_propose
from ithaca.programs.models import PairExclusion, Participation, PersonBlock

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


def test_a_pool_of_a_few_people_reads_the_same_management_chains_as_the_whole_program() -> None:
    # A page's pool walks the chains up from its people only (one recursive query),
    # and must find what the whole program's pool finds, up to the longest chain.
    program = ProgramFactory()
    top = person()
    above = top
    for _ in range(12):
        above = person(line_manager=above)
    mentee = seeker(program, line_manager=above)
    mentor = helper(program, line_manager=above)
    whole = build_pool(program)
    few = build_pool(program, seeker_ids=[mentee.pk], helper_ids=[mentor.pk], waiting_only=False)
    chain = whole.seeker_by_id[mentee.pk].manager_chain
    assert len(chain) == 10 and chain[0] == above.pk
    assert few.seeker_by_id[mentee.pk].manager_chain == chain


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


def test_the_need_comes_only_from_what_the_seeker_wrote_for_matching_in_the_program() -> None:
    program = ProgramFactory()
    first, second = seeker(program), seeker(program)
    MatchProfile.objects.create(
        user=first, program=program, need="public speaking", target="Ward manager"
    )
    # An intake is private to its author, and an application note is written to
    # the program's managers: neither is what the seeker wrote for matching.
    Intake.objects.create(
        author=second, text="finding my feet", recommendation="mentoring", confidence=0.5
    )
    Participation.objects.filter(user=second).update(application_note="my divorce")
    pool = build_pool(program)
    assert pool.seeker_by_id[first.pk].need == "public speaking"
    assert pool.seeker_by_id[first.pk].target == "Ward manager"
    assert pool.seeker_by_id[second.pk].need == ""


@pytest.mark.parametrize("source", ["intake", "shared intake", "application note"])
def test_words_a_seeker_did_not_write_for_matching_never_reach_a_helpers_reasons(
    source: str,
) -> None:
    program = ProgramFactory()
    mentee = seeker(program)
    mentor = helper(program, expertise=["bereavement", "grief"])
    if source == "application note":
        Participation.objects.filter(user=mentee).update(application_note="bereavement, grief")
    else:
        intake = Intake.objects.create(
            author=mentee, text="bereavement and grief", recommendation="mentoring", confidence=0.5
        )
        if source == "shared intake":
            # Shared with the program's managers, not with its mentors.
            IntakeShare.objects.create(intake=intake, program=program)
    offered = offers_for(program, mentor).ranked
    candidates = candidates_for(program, mentee).ranked
    for ranked in offered + candidates:
        assert "bereavement" not in str(ranked.breakdown) and "grief" not in str(ranked.breakdown)
    relationship = mentoring_propose(
        program=program, mentor=mentor, mentee=mentee, proposed_by=None
    )
    assert "bereavement" not in str(proposal_breakdown(relationship)[1])
    # What the seeker writes for matching in this program is what the mentor may read.
    MatchProfile.objects.create(user=mentee, program=program, need="bereavement")
    assert "bereavement" in str(proposal_breakdown(relationship)[1])


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


def test_the_engines_people_carry_every_field_as_the_profile_and_participation_hold_it() -> None:
    import datetime as dt

    from ithaca.accounts.models import Profile, User
    from ithaca.accounts.tests.factories import DepartmentFactory

    program = ProgramFactory(mode="diversity")
    ward = DepartmentFactory(name="Cardiology")
    mentee = seeker(
        program,
        languages=["en", "fr"],
        interests=[" Rowing ", "chess"],
        time_zone="Europe/Paris",
        years_experience=3,
        grade=2,
        department=ward,
        disclosed_identities=["carer"],
    )
    MatchProfile.objects.create(
        program=program,
        user=mentee,
        target="Charge nurse",
        need=" Leading a team ",
        preferences=["remote"],
    )
    mentor = helper(
        program,
        capacity=3,
        job_title="Consultant",
        expertise=["ECG", "audit"],
        bio="Twenty years on the wards.",
        grade=7,
    )
    Participation.objects.filter(user=mentor).update(
        training_completed_at=dt.datetime(2026, 1, 5, tzinfo=dt.UTC), modalities=["general"]
    )
    paused = helper(program)
    Participation.objects.filter(user=paused).update(paused_until=dt.date(2999, 1, 1))
    bare = helper(program)
    Profile.objects.filter(user=bare).delete()
    User.objects.filter(pk=bare.pk).update(first_name="", last_name="")
    now = dt.datetime(2026, 1, 15, 12, tzinfo=dt.UTC)
    pool = build_pool(program, now=now)
    s = pool.seeker_by_id[mentee.pk]
    assert (s.name, s.languages, s.interests) == (
        mentee.get_full_name(),
        {"en", "fr"},
        {"rowing", "chess"},
    )
    assert (s.utc_offset, s.years, s.grade, s.department, s.identities) == (
        1.0,
        3.0,
        2,
        "Cardiology",
        {"carer"},
    )
    assert (s.target, s.need, s.preferences) == ("Charge nurse", "Leading a team", {"remote"})
    h = pool.helper_by_id[mentor.pk]
    assert (h.capacity, h.trained, h.modalities, h.roles) == (3, True, {"general"}, ("Consultant",))
    assert (h.expertise, h.bio, h.grade, h.department) == (
        "ECG, audit",
        "Twenty years on the wards.",
        7,
        "",
    )
    assert pool.helper_by_id[paused.pk].capacity == 0
    assert not pool.helper_by_id[paused.pk].trained
    b = pool.helper_by_id[bare.pk]
    assert (b.name, b.roles, b.expertise, b.bio, b.interests) == (
        bare.email,
        (),
        "",
        "",
        frozenset(),
    )


def test_the_pools_people_are_read_in_one_query_when_a_page_first_asks(
    django_assert_num_queries,
) -> None:
    program = ProgramFactory()
    mentee = seeker(program)
    mentor = helper(program)
    mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=None)
    pool = build_pool(program)
    assert pool.seekers == ()  # waiting for an answer: not in a round
    with django_assert_num_queries(1):
        people = pool.people
        assert people[mentee.pk].profile.grade == mentee.profile.grade
        assert people[mentor.pk].profile.department is None
    few = build_pool(program, helper_ids=[mentor.pk], waiting_only=False)
    with django_assert_num_queries(1):
        assert set(few.people) == {mentee.pk, mentor.pk}

"""Hard rules: one pair explained rule by rule, and the pool-wide arrays agreeing with it."""

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ithaca.matching.engine import Helper, Program, Seeker, check_rules, is_allowed, rules
from ithaca.matching.engine.synthetic import random_pool, random_program

SAM = Seeker(
    id=1,
    name="Sam",
    languages=frozenset({"English", "Welsh"}),
    manager_chain=(10, 11, 12),
    assessor_ids=frozenset({13}),
)
ALEX = Helper(id=2, name="Alex", capacity=2, languages=frozenset({"English"}), trained=True)
MENTORING = Program(kind="mentoring")
COACHING = Program(kind="coaching", mode="executive")
COACH = replace(ALEX, modalities=frozenset({"executive"}))

MENTORING_RULES = [
    "capacity",
    "not_self",
    "seeker_eligible",
    "helper_eligible",
    "not_line_manager",
    "not_above_in_chain",
    "not_assessor",
    "no_conflict",
    "not_blocked",
    "not_declined",
    "training",
    "shared_language",
]


def failed(seeker: Seeker, helper: Helper, program: Program) -> dict[str, str]:
    return {c.rule: c.explanation for c in check_rules(seeker, helper, program) if not c.passed}


def test_it_lists_every_mentoring_rule_in_plain_words():
    checks = check_rules(SAM, ALEX, MENTORING)

    assert [c.rule for c in checks] == MENTORING_RULES
    assert all(c.passed for c in checks)
    words = {c.rule: c.explanation for c in checks}
    assert words["not_line_manager"] == "Alex is not Sam's line manager"
    assert words["shared_language"] == "Alex speaks English with Sam"
    assert words["training"] == "This program does not require mentor training"


def test_it_checks_modality_but_not_line_management_for_coaching():
    rules_checked = [c.rule for c in check_rules(SAM, COACH, COACHING)]

    assert "modality" in rules_checked
    assert "not_line_manager" not in rules_checked
    assert is_allowed(SAM, COACH, COACHING)


def test_it_rules_out_the_line_manager():
    assert failed(SAM, replace(ALEX, id=10), MENTORING) == {
        "not_line_manager": "Alex is Sam's line manager"
    }


@pytest.mark.parametrize(
    ("depth", "manager", "allowed"),
    [(1, 11, True), (2, 11, False), (2, 12, True), (3, 12, False), (0, 11, True)],
)
def test_it_rules_out_managers_up_to_the_configured_depth(depth, manager, allowed):
    program = Program(kind="mentoring", chain_depth=depth)

    assert is_allowed(SAM, replace(ALEX, id=manager), program) is allowed


def test_it_rules_out_the_assessor():
    assert "not_assessor" in failed(SAM, replace(ALEX, id=13), MENTORING)


def test_it_rules_out_declared_conflicts_from_either_side():
    assert "no_conflict" in failed(replace(SAM, conflict_ids=frozenset({2})), ALEX, MENTORING)
    assert "no_conflict" in failed(SAM, replace(ALEX, conflict_ids=frozenset({1})), MENTORING)


def test_it_rules_out_opt_outs_from_either_side():
    by_seeker = failed(replace(SAM, blocked_ids=frozenset({2})), ALEX, MENTORING)
    by_helper = failed(SAM, replace(ALEX, blocked_ids=frozenset({1})), MENTORING)

    assert by_seeker == {"not_blocked": "Sam has opted out of being matched with Alex"}
    assert by_helper == {"not_blocked": "Alex has opted out of being matched with Sam"}


def test_it_rules_out_a_pair_declined_earlier_in_the_program():
    program = Program(kind="mentoring", declined=frozenset({(1, 2)}))

    assert "not_declined" in failed(SAM, ALEX, program)
    assert is_allowed(SAM, ALEX, Program(kind="mentoring", declined=frozenset({(2, 1)})))


def test_it_requires_training_only_when_the_program_does():
    untrained = replace(ALEX, trained=False)

    assert is_allowed(SAM, untrained, MENTORING)
    assert failed(SAM, untrained, Program(kind="mentoring", requires_training=True)) == {
        "training": "Alex has not completed mentor training, which this program requires"
    }


def test_it_requires_a_shared_language():
    french = replace(ALEX, languages=frozenset({"French"}))

    assert failed(SAM, french, MENTORING) == {"shared_language": "Alex and Sam share no language"}


def test_it_requires_the_coach_to_offer_the_mode_or_general_coaching():
    general = replace(COACH, modalities=frozenset({"general"}))
    life_only = replace(COACH, modalities=frozenset({"life"}))

    assert is_allowed(SAM, general, COACHING)
    assert failed(SAM, life_only, COACHING) == {
        "modality": "Alex does not coach in the executive mode"
    }


def test_it_rules_out_full_helpers_and_oneself():
    assert "capacity" in failed(SAM, replace(ALEX, capacity=0), MENTORING)
    assert "not_self" in failed(SAM, replace(ALEX, id=1), MENTORING)


def test_it_reads_eligibility_as_a_flag_or_a_set_of_ids():
    assert is_allowed(SAM, ALEX, Program(kind="mentoring", eligible_seekers=frozenset({1})))
    assert "seeker_eligible" in failed(SAM, ALEX, Program(kind="mentoring", eligible_seekers=False))
    closed = Program(kind="mentoring", eligible_helpers=frozenset({99}))
    assert "helper_eligible" in failed(SAM, ALEX, closed)


def pool_allowed(seekers, helpers, program) -> np.ndarray:
    """The whole-pool rule arrays folded into one seeker x helper matrix."""
    allowed = np.zeros((len(seekers), len(helpers)), dtype=bool)
    group_of, groups = rules.language_groups(seekers, helpers)
    for i, g in enumerate(group_of):
        allowed[i, groups[g]] = True
    allowed &= rules.seeker_mask(seekers, program)[:, None]
    allowed &= rules.helper_mask(helpers, program)[None, :]
    ex_s, ex_h = rules.excluded_pairs(seekers, helpers, program)
    allowed[ex_s, ex_h] = False
    return allowed


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10_000), n_seekers=st.integers(1, 12), n_helpers=st.integers(1, 10))
def test_it_applies_the_same_rules_to_a_whole_pool_as_to_one_pair(seed, n_seekers, n_helpers):
    pool = random_pool(seed, n_seekers, n_helpers, program=random_program(seed))

    expected = np.array(
        [[is_allowed(s, h, pool.program) for h in pool.helpers] for s in pool.seekers]
    )

    assert np.array_equal(pool_allowed(pool.seekers, pool.helpers, pool.program), expected)

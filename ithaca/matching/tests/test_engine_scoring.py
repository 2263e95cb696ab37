"""Scores: each factor's value and words, levels, and the pool-wide formulas agreeing."""

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ithaca.matching.engine import (
    FACTORS,
    Helper,
    PoolIndex,
    Program,
    Seeker,
    features,
    is_allowed,
    levels_for,
    rank_candidates,
    score_pair,
    score_pairs,
    tfidf_index,
)
from ithaca.matching.engine.features import PoolFeatures, WalkedThePath
from ithaca.matching.engine.synthetic import random_pool, random_program

SAM = Seeker(
    id=1,
    name="Sam",
    languages=frozenset({"English"}),
    target="Ward Manager",
    need="I want to get better at delegation and giving feedback",
    interests=frozenset({"running", "jazz"}),
    utc_offset=0.0,
    years=4.0,
)
ALEX = Helper(
    id=2,
    name="Alex",
    languages=frozenset({"English"}),
    roles=("Staff Nurse", "Ward Manager"),
    expertise="delegation, feedback and running a ward",
    interests=frozenset({"jazz", "chess"}),
    utc_offset=2.0,
    years=14.0,
)
MENTORING = Program(kind="mentoring")
ONLY = {f: "off" for f in FACTORS}


def factor(breakdown, name):
    return next(f for f in breakdown.factors if f.factor == name)


def only(name: str, level: str = "high", **program) -> Program:
    return Program(**{"kind": "mentoring", **program, "weights": {**ONLY, name: level}})


def test_it_explains_a_mentor_who_has_walked_the_path():
    walked = factor(score_pair(SAM, ALEX, MENTORING), "walked_the_path")

    assert walked.value == 1.0
    assert walked.explanation == "Alex has been a Ward Manager, the role Sam is aiming for"


def test_it_gives_partial_credit_for_a_neighbouring_role():
    deputy = replace(ALEX, roles=("Ward Sister",), transitions=("nurse to manager",))
    walked = factor(score_pair(SAM, deputy, MENTORING), "walked_the_path")

    assert walked.value == 0.5
    assert "close to Ward Manager" in walked.explanation


@pytest.mark.parametrize(
    ("mode", "helper_years", "value"),
    [
        ("traditional", 14.0, 1.0),
        ("traditional", 9.0, 0.5),
        ("traditional", 2.0, 0.0),
        ("reverse", 0.0, 0.4),
        ("reverse", 9.0, 0.0),
        ("peer", 5.0, 0.8),
        ("peer", 10.0, 0.0),
    ],
)
def test_it_points_the_experience_gap_the_way_the_mode_wants(mode, helper_years, value):
    program = Program(kind="mentoring", mode=mode)
    gap = factor(score_pair(SAM, replace(ALEX, years=helper_years), program), "experience_gap")

    assert gap.value == pytest.approx(value)


def test_it_compares_grades_when_both_sides_have_one():
    graded = factor(
        score_pair(replace(SAM, grade=3), replace(ALEX, grade=5), MENTORING), "experience_gap"
    )

    assert graded.value == pytest.approx(2 / 3)
    assert graded.explanation == "Alex is 2 grades above Sam"


def test_it_scores_shared_interests_as_jaccard():
    shared = factor(score_pair(SAM, ALEX, MENTORING), "shared_interests")

    assert shared.value == pytest.approx(1 / 3)
    assert shared.explanation == "Alex and Sam share 1 interest: jazz"


@pytest.mark.parametrize(
    ("seeker_offset", "helper_offset", "hours"),
    [(0.0, 2.0, 6.0), (0.0, 8.0, 0.0), (12.0, -12.0, 8.0), (-5.0, 5.5, 0.0), (1.0, -1.5, 5.5)],
)
def test_it_scores_working_hours_overlap(seeker_offset, helper_offset, hours):
    seeker, helper = replace(SAM, utc_offset=seeker_offset), replace(ALEX, utc_offset=helper_offset)

    assert factor(score_pair(seeker, helper, MENTORING), "timezone_overlap").value == hours / 8


def test_it_counts_preferences_met_without_naming_identities():
    seeker = replace(
        SAM,
        department="Surgery",
        identities=frozenset({"lgbtq"}),
        preferences=frozenset(
            {"outside_my_department", "shared_identity", "helper_identity:woman"}
        ),
    )
    helper = replace(ALEX, department="Medicine", identities=frozenset({"lgbtq", "parent"}))
    prefs = factor(score_pair(seeker, helper, MENTORING), "preferences")

    assert prefs.value == pytest.approx(2 / 3)
    assert "lgbtq" not in prefs.explanation and "woman" not in prefs.explanation
    assert "works outside Sam's department" in prefs.explanation


def test_it_matches_needs_to_expertise_and_names_the_shared_words():
    need = factor(score_pair(SAM, ALEX, MENTORING), "need_similarity")
    unrelated = replace(ALEX, expertise="spreadsheets", bio="")

    assert need.value > 0.2
    assert "delegation" in need.explanation
    assert factor(score_pair(SAM, unrelated, MENTORING), "need_similarity").value == 0.0


def test_it_skips_factors_that_do_not_apply_to_the_seeker():
    silent = replace(SAM, target="", interests=frozenset(), need="")
    breakdown = score_pair(silent, ALEX, MENTORING)
    skipped = {f.factor for f in breakdown.factors if not f.applicable}

    assert skipped == {"walked_the_path", "shared_interests", "need_similarity", "preferences"}
    assert sum(f.points for f in breakdown.factors) == pytest.approx(breakdown.total)


def test_it_turns_a_factor_off():
    breakdown = score_pair(SAM, ALEX, Program(kind="mentoring", weights={"walked_the_path": "off"}))
    walked = factor(breakdown, "walked_the_path")

    assert walked.level == "off"
    assert walked.points == 0.0
    assert walked.value == 1.0  # still explained, just not counted


def test_it_weighs_a_must_factor_like_high():
    high = score_pair(SAM, ALEX, Program(kind="mentoring", weights={"walked_the_path": "high"}))
    must = score_pair(SAM, ALEX, Program(kind="mentoring", weights={"walked_the_path": "must"}))

    assert must.total == high.total
    assert not must.excluded


def test_it_excludes_a_pair_failing_a_must_factor():
    breakdown = score_pair(SAM, replace(ALEX, roles=()), only("walked_the_path", "must"))

    assert breakdown.excluded_by == ("walked_the_path",)
    assert "must-have" in factor(breakdown, "walked_the_path").explanation


def test_it_scores_one_factor_programs_as_that_factor_out_of_100():
    assert score_pair(SAM, ALEX, only("timezone_overlap")).total == pytest.approx(75.0)
    assert score_pair(SAM, ALEX, only("timezone_overlap")).scaled == 7500


def test_it_turns_walked_the_path_and_experience_off_for_coaching_by_default():
    levels = levels_for(Program(kind="coaching", mode="executive"))

    assert levels["walked_the_path"] == levels["experience_gap"] == "off"
    assert levels["need_similarity"] == "high"


def test_it_rejects_unknown_factors_and_levels():
    with pytest.raises(ValueError, match="Unknown matching factor"):
        levels_for(Program(kind="mentoring", weights={"charisma": "high"}))
    with pytest.raises(ValueError, match="Unknown level"):
        levels_for(Program(kind="mentoring", weights={"walked_the_path": "urgent"}))  # type: ignore[dict-item]


def test_it_ranks_candidates_for_one_seeker_with_reasons():
    junior = replace(ALEX, id=3, name="Jo", roles=(), years=1.0, expertise="")
    manager = replace(ALEX, id=4, name="Max")
    seeker = replace(SAM, manager_chain=(4,))

    ranked = rank_candidates(seeker, [junior, ALEX, manager], MENTORING)

    assert [h.name for h, _ in ranked] == ["Alex", "Jo"]
    assert ranked[0][1].total > ranked[1][1].total


@settings(max_examples=50, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    n_seekers=st.integers(1, 10),
    n_helpers=st.integers(1, 8),
    vectors=st.booleans(),
)
def test_it_scores_a_whole_pool_exactly_as_pair_by_pair(seed, n_seekers, n_helpers, vectors):
    pool = random_pool(
        seed, n_seekers, n_helpers, program=random_program(seed), vector_dim=3 * vectors
    )
    text = pool.vectors or tfidf_index(pool.seekers, pool.helpers)
    s, h = np.divmod(np.arange(n_seekers * len(pool.helpers)), len(pool.helpers))

    scaled, must_ok = PoolFeatures(pool.seekers, pool.helpers, pool.program, text).score_pairs(s, h)

    for i, j, got, ok in zip(s, h, scaled, must_ok, strict=True):
        breakdown = score_pair(pool.seekers[i], pool.helpers[j], pool.program, text)
        assert (got, ok) == (breakdown.scaled, not breakdown.excluded)
        assert 0.0 <= breakdown.total <= 100.0
        assert sum(f.points for f in breakdown.factors) == pytest.approx(breakdown.total)
        assert all(0.0 <= f.value <= 1.0 for f in breakdown.factors)


@settings(max_examples=50, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    n_seekers=st.integers(1, 8),
    n_helpers=st.integers(1, 10),
    vectors=st.booleans(),
)
def test_one_seeker_against_a_prepared_pool_ranks_as_pair_by_pair(
    seed, n_seekers, n_helpers, vectors
):
    pool = random_pool(
        seed, n_seekers, n_helpers, program=random_program(seed), vector_dim=3 * vectors
    )
    text = pool.vectors or tfidf_index(pool.seekers, pool.helpers)
    index = PoolIndex(pool.seekers, pool.helpers, pool.program, text)
    free = np.array([h.capacity for h in pool.helpers], dtype=np.int64)

    for i, seeker in enumerate(pool.seekers):
        order, scores = index.helpers_for(i, free)
        expected = rank_candidates(seeker, pool.helpers, pool.program, text)
        assert [pool.helpers[j].id for j in order] == [h.id for h, _ in expected]
        assert scores.tolist() == [b.scaled for _, b in expected]

    everyone = np.ones(len(pool.seekers), dtype=bool)
    for j, helper in enumerate(pool.helpers):
        order, _ = index.seekers_for(j, everyone)
        helper = replace(helper, capacity=1)  # free places are the caller's to check
        allowed = [
            s.id
            for s in pool.seekers
            if is_allowed(s, helper, pool.program)
            and not score_pair(s, helper, pool.program, text).excluded
        ]
        assert sorted(pool.seekers[i].id for i in order) == sorted(allowed)


@pytest.mark.parametrize("seed", [3, 11, 29])
@pytest.mark.parametrize("vectors", [0, 8])
def test_scoring_many_pairs_at_once_gives_each_pairs_own_breakdown(seed: int, vectors: int) -> None:
    """score_pairs (what the candidate list explains with) equals score_pair, pair by pair,
    to the last bit and word, on TF-IDF text and on embeddings, with must-haves."""
    pool = random_pool(seed, 40, 25, vector_dim=vectors)
    text = pool.vectors or tfidf_index(pool.seekers, pool.helpers)
    program = replace(pool.program, weights={**pool.program.weights, "need_similarity": "must"})
    pairs = [(s, h) for s in pool.seekers for h in pool.helpers[: 7 + seed % 5]]
    for chosen in (program, pool.program):
        many = score_pairs(pairs, chosen, text)
        one = [score_pair(s, h, chosen, text) for s, h in pairs]
        assert many == one
        assert [[f.explanation for f in b.factors] for b in many] == [
            [f.explanation for f in b.factors] for b in one
        ]
        assert [[getattr(f.explanation, "params", None) for f in b.factors] for b in many] == [
            [getattr(f.explanation, "params", None) for f in b.factors] for b in one
        ]
    assert score_pairs([], program, text) == []


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_walked_the_path_gives_the_same_bits_from_its_whole_pool_table(seed):
    pool = random_pool(seed, 30, 60, program=random_program(seed))
    s, h = np.divmod(np.arange(30 * len(pool.helpers)), len(pool.helpers))

    by_table = WalkedThePath(pool.seekers, pool.helpers).pairs(s, h)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(features, "MAX_PAIR_TABLE", 0)
        by_key = WalkedThePath(pool.seekers, pool.helpers).pairs(s, h)

    assert np.array_equal(by_table, by_key)


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_a_whole_pool_scores_the_same_bits_with_or_without_factor_tables(seed):
    pool = random_pool(seed, 30, 60, program=random_program(seed), vector_dim=0)
    text = tfidf_index(pool.seekers, pool.helpers)
    s, h = np.divmod(np.arange(30 * len(pool.helpers)), len(pool.helpers))

    tabled = PoolFeatures(pool.seekers, pool.helpers, pool.program, text)
    by_table = {name: f.pairs(s, h) for name, f in tabled.factors.items()}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(features, "MAX_PAIR_TABLE", 0)
        plain = PoolFeatures(pool.seekers, pool.helpers, pool.program, text)
        by_pair = {name: f.pairs(s, h) for name, f in plain.factors.items()}

    for name, values in by_table.items():
        assert np.array_equal(values, by_pair[name]), name

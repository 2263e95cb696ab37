"""Keeping only the best k helpers per seeker before the solve loses nobody it could match.

A round solves over the pruned candidate graph (k edges per seeker, not one
per allowed pair). These compare it, on small pools, with the same solve
over every allowed pair (k as large as the pool).
"""

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ithaca.matching.engine import candidate_graph, is_allowed, score_pair, solve, tfidf_index
from ithaca.matching.engine.synthetic import random_pool, random_program

cases = st.fixed_dictionaries(
    {
        "seed": st.integers(0, 100_000),
        "n_seekers": st.integers(1, 14),
        "n_helpers": st.integers(1, 12),
        "k": st.integers(1, 4),
    }
)


def build(case, *, roomy):
    pool = random_pool(
        case["seed"], case["n_seekers"], case["n_helpers"], program=random_program(case["seed"])
    )
    if roomy:
        # Capacity suffices: no helper can be full, whoever the others choose.
        helpers = [replace(h, capacity=len(pool.seekers)) for h in pool.helpers]
        pool = replace(pool, helpers=helpers)
    return pool, tfidf_index(pool.seekers, pool.helpers)


def graphs(pool, text, k):
    pruned = candidate_graph(pool.seekers, pool.helpers, pool.program, k=k, text=text)
    whole = candidate_graph(
        pool.seekers, pool.helpers, pool.program, k=max(len(pool.helpers), 1), text=text
    )
    return pruned, whole


def matchable(graph) -> set[int]:
    """Seekers with at least one allowed, unexcluded helper in the graph."""
    return {int(graph.seeker_ids[s]) for s in set(graph.seeker.tolist())}


@settings(max_examples=60, deadline=None)
@given(case=cases)
def test_every_seeker_with_an_allowed_helper_keeps_a_candidate(case):
    pool, text = build(case, roomy=False)
    pruned, whole = graphs(pool, text, case["k"])
    assert matchable(pruned) == matchable(whole)
    # Each seeker keeps min(k, allowed) helpers: pruning never cuts below k.
    for seeker in matchable(whole):
        s = int(list(whole.seeker_ids).index(seeker))
        allowed = int((whole.seeker == s).sum())
        assert int((pruned.seeker == s).sum()) == min(case["k"], allowed)


@settings(max_examples=60, deadline=None)
@given(case=cases, objective=st.sampled_from(["fit", "coverage"]))
def test_with_room_enough_the_pruned_solve_is_as_good_as_the_whole_one(case, objective):
    pool, text = build(case, roomy=True)
    pruned, whole = graphs(pool, text, case["k"])

    cut, full = solve(pruned, objective), solve(whole, objective)

    assert cut.total == full.total
    assert {m.seeker_id for m in cut.matches} == {m.seeker_id for m in full.matches}
    assert {m.seeker_id for m in cut.matches} == matchable(whole)
    seekers = {s.id: s for s in pool.seekers}
    helpers = {h.id: h for h in pool.helpers}
    for m in cut.matches:
        seeker, helper = seekers[m.seeker_id], helpers[m.helper_id]
        assert is_allowed(seeker, helper, pool.program)
        assert not score_pair(seeker, helper, pool.program, text).excluded


@pytest.mark.parametrize("seed", range(20))
def test_without_room_pruning_may_cost_score_but_picks_only_kept_allowed_pairs(seed):
    """Crowded helpers: the pruned answer can score less, never more, and breaks no rule.

    (That it is the optimum of its own graph is checked against an independent
    assignment solver in test_engine_solver.py.)"""
    pool = random_pool(seed, 30, 8, program=random_program(seed))
    text = tfidf_index(pool.seekers, pool.helpers)
    pruned, whole = graphs(pool, text, 2)
    cut, full = solve(pruned, "fit"), solve(whole, "fit")
    assert cut.total <= full.total
    seekers = {s.id: s for s in pool.seekers}
    helpers = {h.id: h for h in pool.helpers}
    assert all(
        is_allowed(seekers[m.seeker_id], helpers[m.helper_id], pool.program) for m in cut.matches
    )
    kept = set(zip(pruned.seeker.tolist(), pruned.helper.tolist(), strict=True))
    assert all(
        (list(pruned.seeker_ids).index(m.seeker_id), list(pruned.helper_ids).index(m.helper_id))
        in kept
        for m in cut.matches
    )

"""The whole-pool solver: exact optima, capacities, stability and reasons for the left-out."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_bipartite_matching

from ithaca.matching.engine import (
    CandidateGraph,
    MatchingCancelled,
    blocking_pairs,
    deferred_acceptance,
    flow_matching,
    is_allowed,
    match_pool,
    solve,
)
from ithaca.matching.engine.synthetic import random_pool, random_program


@st.composite
def graphs(draw, max_score: int = 30) -> CandidateGraph:
    """Small random graphs; a narrow score range makes ties common."""
    n_seekers = draw(st.integers(1, 7))
    capacity = draw(st.lists(st.integers(0, 3), min_size=1, max_size=5))
    pairs = [(s, h) for s in range(n_seekers) for h in range(len(capacity))]
    chosen = draw(
        st.lists(st.sampled_from(pairs), unique=True, max_size=len(pairs)) if pairs else st.just([])
    )
    scores = draw(st.lists(st.integers(0, max_score), min_size=len(chosen), max_size=len(chosen)))
    seeker = [s for s, _ in chosen]
    helper = [h for _, h in chosen]
    return CandidateGraph.from_edges(capacity, seeker, helper, scores, n_seekers)


def expanded(graph: CandidateGraph, bonus: int = 0) -> np.ndarray:
    """Seekers x helper places; a cell outside the graph is worth 0, like staying unmatched."""
    first = np.concatenate([[0], np.cumsum(graph.capacity)[:-1]]).astype(int)
    matrix = np.zeros((graph.seeker_ids.size, int(graph.capacity.sum())))
    for s, h, score in zip(graph.seeker, graph.helper, graph.score, strict=True):
        matrix[s, first[h] : first[h] + graph.capacity[h]] = score + bonus
    return matrix


def assignment_optimum(matrix: np.ndarray) -> int:
    if matrix.size == 0:
        return 0
    rows, cols = linear_sum_assignment(matrix, maximize=True)
    return int(matrix[rows, cols].sum())


def max_cardinality(graph: CandidateGraph) -> int:
    adjacency = csr_matrix((expanded(graph, bonus=1) > 0).astype(np.int8))
    if adjacency.shape[1] == 0:
        return 0
    return int((maximum_bipartite_matching(adjacency, perm_type="column") >= 0).sum())


def assert_feasible(graph: CandidateGraph, chosen: np.ndarray) -> None:
    assert np.all(np.bincount(graph.seeker[chosen], minlength=graph.seeker_ids.size) <= 1)
    assert np.all(
        np.bincount(graph.helper[chosen], minlength=graph.capacity.size) <= graph.capacity
    )


@settings(max_examples=100, deadline=None)
@given(graph=graphs())
def test_it_finds_the_same_best_total_as_an_independent_assignment_solver(graph):
    chosen = flow_matching(graph, coverage=False)

    assert_feasible(graph, chosen)
    assert int(graph.score[chosen].sum()) == assignment_optimum(expanded(graph))


@settings(max_examples=100, deadline=None)
@given(graph=graphs())
def test_it_covers_as_many_seekers_as_possible_then_scores_best(graph):
    chosen = flow_matching(graph, coverage=True)
    most = max_cardinality(graph)
    # A bonus larger than any total score makes the assignment solver count pairs first.
    bonus = int(graph.score.sum()) + 1

    assert_feasible(graph, chosen)
    assert int(chosen.sum()) == most
    assert (
        int(graph.score[chosen].sum()) == assignment_optimum(expanded(graph, bonus)) - most * bonus
    )


@settings(max_examples=100, deadline=None)
@given(graph=graphs())
def test_it_finds_a_stable_matching_with_no_blocking_pair(graph):
    chosen = deferred_acceptance(graph)

    assert_feasible(graph, chosen)
    assert blocking_pairs(graph, chosen) == []


@settings(max_examples=100, deadline=None)
@given(graph=graphs(), data=st.data())
def test_it_stays_stable_when_helpers_rank_seekers_their_own_way(graph, data):
    own = np.array(
        data.draw(st.lists(st.integers(0, 5), min_size=graph.n_edges, max_size=graph.n_edges))
    )

    chosen = deferred_acceptance(graph, helper_score=own)

    assert_feasible(graph, chosen)
    assert blocking_pairs(graph, chosen, helper_score=own) == []


@settings(max_examples=100, deadline=None)
@given(graph=graphs())
def test_it_agrees_with_greedy_pairing_when_both_sides_rank_by_the_pair_score(graph):
    # With one score per pair the stable matching is unique: take pairs best first.
    order = np.lexsort((graph.helper, graph.seeker, -graph.score))
    taken, load, greedy = set(), np.zeros(graph.capacity.size, int), np.zeros(graph.n_edges, bool)
    for e in order:
        s, h = int(graph.seeker[e]), int(graph.helper[e])
        if s not in taken and load[h] < graph.capacity[h]:
            taken.add(s)
            load[h] += 1
            greedy[e] = True

    assert np.array_equal(deferred_acceptance(graph), greedy)


@settings(max_examples=50, deadline=None)
@given(graph=graphs(), objective=st.sampled_from(["fit", "coverage", "stable"]))
def test_it_accounts_for_every_seeker_once(graph, objective):
    result = solve(graph, objective)

    matched = [m.seeker_id for m in result.matches]
    left_out = [u.seeker_id for u in result.unmatched]
    assert sorted(matched + left_out) == list(range(graph.seeker_ids.size))
    assert result.total == round(sum(m.score for m in result.matches) * 100)


def test_it_matches_zero_score_pairs_rather_than_leave_a_seeker_out():
    graph = CandidateGraph.from_edges([1], [0], [0], [0], n_seekers=1)

    assert len(solve(graph, "fit").matches) == 1


def test_it_prefers_a_higher_total_over_more_pairs_for_fit_and_the_reverse_for_coverage():
    # Seeker 0 could take helper 0 (score 10) or helper 1 (score 1); seeker 1 only helper 0.
    graph = CandidateGraph.from_edges([1, 1], [0, 0, 1], [0, 1, 0], [10, 1, 8], n_seekers=2)

    fit, coverage = solve(graph, "fit"), solve(graph, "coverage")

    assert (fit.total, len(fit.matches)) == (10, 1)
    assert (coverage.total, len(coverage.matches)) == (9, 2)


def test_it_says_when_suitable_helpers_are_at_capacity():
    graph = CandidateGraph.from_edges([1], [0, 1], [0, 0], [50, 40], n_seekers=3)

    result = solve(graph)

    assert [(u.seeker_id, u.reason) for u in result.unmatched] == [
        (1, "helpers_at_capacity"),
        (2, "no_helper_after_rules"),
    ]
    assert result.unmatched[0].explanation == "Every suitable helper is at capacity."


def test_it_rejects_unknown_objectives_and_negative_scores():
    with pytest.raises(ValueError, match="objective"):
        solve(CandidateGraph.from_edges([1], [0], [0], [1], 1), "fastest")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="negative"):
        solve(CandidateGraph.from_edges([1], [0], [0], [-1], 1))


def test_it_reports_progress_and_stops_when_cancelled():
    graph = CandidateGraph.from_edges([1], [0], [0], [5], 1)
    seen: list[str] = []

    solve(graph, progress=lambda phase, fraction: seen.append(phase))
    with pytest.raises(MatchingCancelled):
        solve(graph, should_cancel=lambda: True)

    assert seen[0] == "solving" and seen[-1] == "done"


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 100_000),
    objective=st.sampled_from(["fit", "coverage", "stable"]),
    k=st.integers(1, 5),
)
def test_it_matches_a_whole_pool_within_the_rules(seed, objective, k):
    pool = random_pool(seed, 25, 12, program=random_program(seed))
    seekers = {s.id: s for s in pool.seekers}
    helpers = {h.id: h for h in pool.helpers}

    result = match_pool(pool.seekers, pool.helpers, pool.program, objective=objective, k=k)

    assert len({m.seeker_id for m in result.matches}) == len(result.matches)
    for m in result.matches:
        assert is_allowed(seekers[m.seeker_id], helpers[m.helper_id], pool.program)
    load: dict[int, int] = {}
    for m in result.matches:
        load[m.helper_id] = load.get(m.helper_id, 0) + 1
    assert all(load[h] <= helpers[h].capacity for h in load)

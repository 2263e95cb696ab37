"""The candidate graph: exactly what the per-pair path would propose, built with arrays."""

from contextlib import contextmanager
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ithaca.matching.engine import (
    FACTORS,
    Helper,
    MatchingCancelled,
    Program,
    Seeker,
    candidate_graph,
    candidates,
    is_allowed,
    kernel,
    score_pair,
    solve,
    tfidf_index,
)
from ithaca.matching.engine.synthetic import random_pool, random_program


def per_pair_graph(pool, k, text) -> set[tuple[int, int, int]]:
    """The reference: every rule and score pair by pair, best k per seeker."""
    edges = set()
    for seeker in pool.seekers:
        ranked = []
        for position, helper in enumerate(pool.helpers):
            if not is_allowed(seeker, helper, pool.program):
                continue
            breakdown = score_pair(seeker, helper, pool.program, text)
            if not breakdown.excluded:
                ranked.append((-breakdown.scaled, position, helper.id))
        edges |= {(seeker.id, hid, -neg) for neg, _, hid in sorted(ranked)[:k]}
    return edges


def graph_edges(graph) -> set[tuple[int, int, int]]:
    return {
        (int(graph.seeker_ids[s]), int(graph.helper_ids[h]), int(p))
        for s, h, p in zip(graph.seeker, graph.helper, graph.score, strict=True)
    }


pools = st.fixed_dictionaries(
    {
        "seed": st.integers(0, 100_000),
        "n_seekers": st.integers(1, 16),
        "n_helpers": st.integers(1, 14),
        "k": st.integers(1, 6),
        "vectors": st.booleans(),
    }
)


def build(case):
    program = random_program(case["seed"])
    pool = random_pool(
        case["seed"],
        case["n_seekers"],
        case["n_helpers"],
        program=program,
        vector_dim=4 if case["vectors"] else 0,
    )
    text = pool.vectors or tfidf_index(pool.seekers, pool.helpers)
    return pool, text


@settings(max_examples=80, deadline=None)
@given(case=pools)
def test_it_builds_exactly_the_graph_the_per_pair_path_gives(case):
    pool, text = build(case)

    graph = candidate_graph(pool.seekers, pool.helpers, pool.program, k=case["k"], text=text)

    assert graph_edges(graph) == per_pair_graph(pool, case["k"], text)


@contextmanager
def daring_scan():
    """Make the scan's shortcuts misfire often, so the paths that catch them run.

    A tiny sample with no safety margin on the bold threshold forces rows to be
    redone; a very loose text must-have and no spare places force seekers to be
    rescored against every helper.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kernel, "SAMPLE", 8)
        patch.setattr(kernel, "BOLD_SIGMAS", 0.0)
        patch.setattr(kernel, "BOLD_EXTRA", 0.0)
        patch.setattr(kernel, "TEXT_SLACK", 0.4)
        patch.setattr(candidates, "SPARE", 0)
        yield


big_pools = pools.map(lambda c: {**c, "n_helpers": c["n_helpers"] * 12, "k": min(c["k"], 3)})


@settings(max_examples=25, deadline=None)
@given(case=big_pools)
def test_it_stays_exact_when_the_scan_shortcuts_misfire(case):
    pool, text = build(case)

    with daring_scan():
        graph = candidate_graph(pool.seekers, pool.helpers, pool.program, k=case["k"], text=text)

    assert graph_edges(graph) == per_pair_graph(pool, case["k"], text)


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 100_000), must_above=st.sampled_from([0.0, 0.3]), vectors=st.booleans())
def test_it_rescores_a_seeker_whose_shortlist_fails_a_text_must_have(seed, must_above, vectors):
    program = Program(kind="mentoring", weights={"need_similarity": "must"}, must_above=must_above)
    pool = random_pool(seed, 6, 80, program=program, vector_dim=4 if vectors else 0)
    text = pool.vectors or tfidf_index(pool.seekers, pool.helpers)

    with daring_scan():
        graph = candidate_graph(pool.seekers, pool.helpers, pool.program, k=3, text=text)

    assert graph_edges(graph) == per_pair_graph(pool, 3, text)


@settings(max_examples=40, deadline=None)
@given(case=pools)
def test_it_never_proposes_a_pair_that_breaks_a_hard_rule(case):
    pool, text = build(case)
    seekers = {s.id: s for s in pool.seekers}
    helpers = {h.id: h for h in pool.helpers}

    graph = candidate_graph(pool.seekers, pool.helpers, pool.program, k=case["k"], text=text)

    for sid, hid, _ in graph_edges(graph):
        assert is_allowed(seekers[sid], helpers[hid], pool.program)
    assert np.all(np.bincount(graph.seeker, minlength=len(pool.seekers)) <= case["k"])


def test_it_lists_each_seekers_candidates_best_first():
    pool = random_pool(3, 30, 20, program=Program(kind="mentoring"))

    graph = candidate_graph(pool.seekers, pool.helpers, pool.program, k=5)

    for s in range(len(pool.seekers)):
        scores = graph.score[graph.seeker == s]
        assert list(scores) == sorted(scores, reverse=True)


SAM = Seeker(id=1, name="Sam", languages=frozenset({"English"}), target="Ward Manager", years=3.0)
ALEX = Helper(id=2, name="Alex", languages=frozenset({"English"}), years=4.0, capacity=1)


def test_it_gives_an_empty_graph_and_a_reason_for_everyone_when_no_must_can_be_met():
    impossible = Program(kind="mentoring", weights={f: "must" for f in FACTORS}, must_above=1.0)
    welsh = replace(SAM, id=3, languages=frozenset({"Welsh"}))
    pool = [SAM, welsh, replace(SAM, id=4)]
    program = replace(impossible, eligible_seekers=frozenset({1, 3}))

    graph = candidate_graph(pool, [ALEX], program)
    result = solve(graph)

    assert graph.n_edges == 0 and result.matches == ()
    assert [(u.seeker_id, u.reason) for u in result.unmatched] == [
        (1, "no_helper_meets_musts"),
        (3, "no_helper_after_rules"),
        (4, "seeker_not_eligible"),
    ]
    assert result.unmatched[1].explanation == "No eligible helper after hard rules."


def test_it_reports_progress_by_phase():
    pool = random_pool(5, 40, 15)
    seen: list[tuple[str, float]] = []

    candidate_graph(
        pool.seekers, pool.helpers, pool.program, progress=lambda p, f: seen.append((p, f))
    )

    finished = list(dict.fromkeys(p for p, f in seen if f == 1.0))
    assert finished == ["rules", "features", "scoring", "candidates"]
    assert all(0.0 <= f <= 1.0 for _, f in seen)


def test_it_stops_between_phases_when_cancelled():
    pool = random_pool(5, 40, 15)
    phases: list[str] = []

    with pytest.raises(MatchingCancelled):
        candidate_graph(
            pool.seekers,
            pool.helpers,
            pool.program,
            progress=lambda p, f: phases.append(p),
            should_cancel=lambda: "features" in phases,
        )
    assert "scoring" not in phases


def test_it_rejects_duplicate_ids_and_a_k_below_one():
    with pytest.raises(ValueError, match="seeker ids"):
        candidate_graph([SAM, SAM], [ALEX], Program(kind="mentoring"))
    with pytest.raises(ValueError, match="k must"):
        candidate_graph([SAM], [ALEX], Program(kind="mentoring"), k=0)

"""Whole-pool matching over a candidate graph, solved exactly.

Objectives:

* "fit": the largest total score; every seeker gets at most one helper,
  helpers up to capacity, and leaving a seeker unmatched is allowed. Among
  equally good answers the one with more pairs wins.
* "coverage": as many pairs as possible, then the largest total score among
  those.
* "stable": seeker-proposing deferred acceptance (see stable.py).

Both optimising objectives are min-cost flows (OR-Tools): source -> seeker
(capacity 1) -> helper (one arc per candidate edge) -> sink (the helper's
capacity). "fit" adds a zero-cost seeker -> sink arc for "unmatched";
"coverage" has none and asks for the maximum flow of minimum cost instead, so
no large constants are needed to make it lexicographic.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from ortools.graph.python import min_cost_flow

from .candidates import candidate_graph
from .progress import Tracker
from .stable import deferred_acceptance
from .text import TextIndex
from .types import (
    AT_CAPACITY,
    DEFAULT_K,
    EMPTY_REASONS,
    NOT_CHOSEN,
    SCALE,
    BoolArray,
    CancelFn,
    CandidateGraph,
    Helper,
    IntArray,
    Match,
    MatchResult,
    Objective,
    Program,
    ProgressFn,
    Seeker,
    Unmatched,
)

OBJECTIVES: tuple[Objective, ...] = ("fit", "coverage", "stable")
# OR-Tools scales costs by the number of nodes internally; stay well inside int64.
COST_LIMIT = 2**62


def solve(
    graph: CandidateGraph,
    objective: Objective = "fit",
    *,
    progress: ProgressFn | None = None,
    should_cancel: CancelFn | None = None,
) -> MatchResult:
    """Pick pairs from the graph for the objective. Phases reported: solving, done."""
    if objective not in OBJECTIVES:
        raise ValueError(f"Unknown objective {objective!r}; use one of {OBJECTIVES}")
    if graph.n_edges and int(graph.score.min()) < 0:
        raise ValueError("edge scores must not be negative")
    tracker = Tracker(progress, should_cancel)
    tracker.report("solving", 0.0)
    if objective == "stable":
        chosen = deferred_acceptance(graph)
    else:
        chosen = flow_matching(graph, coverage=objective == "coverage")
    tracker.checkpoint("solving")
    result = _result(graph, objective, chosen)
    tracker.report("done", 1.0)
    return result


def match_pool(
    seekers: Sequence[Seeker],
    helpers: Sequence[Helper],
    program: Program,
    *,
    objective: Objective = "fit",
    k: int = DEFAULT_K,
    text: TextIndex | None = None,
    workers: int | None = None,
    progress: ProgressFn | None = None,
    should_cancel: CancelFn | None = None,
) -> MatchResult:
    """Candidate graph then solve, in one call (what a Django task runs)."""
    graph = candidate_graph(
        seekers,
        helpers,
        program,
        k=k,
        text=text,
        workers=workers,
        progress=progress,
        should_cancel=should_cancel,
    )
    return solve(graph, objective, progress=progress, should_cancel=should_cancel)


def flow_matching(graph: CandidateGraph, *, coverage: bool) -> BoolArray:
    """A mask over edges: the exact optimum for "fit" or, with coverage, for "coverage"."""
    n_s, n_h, n_e = graph.seeker_ids.size, graph.helper_ids.size, graph.n_edges
    chosen = np.zeros(n_e, dtype=bool)
    if n_e == 0:
        return chosen
    source, sink = n_s + n_h, n_s + n_h + 1
    # Who has an edge, by counting rather than sorting 2.5 million edges; node
    # numbers fit int32, which OR-Tools takes as they are.
    seekers = np.flatnonzero(np.bincount(graph.seeker, minlength=n_s)).astype(np.int32)
    helpers = np.flatnonzero(np.bincount(graph.helper, minlength=n_h)).astype(np.int32)
    i32, i64 = np.int32, np.int64
    flow = min_cost_flow.SimpleMinCostFlow()
    add = flow.add_arcs_with_capacity_and_unit_cost
    # Arcs are numbered in the order they are added, the edges first, as `flows`
    # reads them. Added piece by piece, no concatenated copy of the 2.5 million
    # arcs sits beside OR-Tools' own (the round's memory peaks in the solve).
    cost = _edge_costs(graph, seekers.size, coverage, n_s + n_h + 2)
    tails, heads = graph.seeker.astype(i32, copy=False), (n_s + graph.helper).astype(i32)
    add(tails, heads, np.ones(n_e, i64), cost)
    del cost, tails, heads
    zeros, ones = np.zeros(seekers.size, i64), np.ones(seekers.size, i64)
    add(np.full(seekers.size, source, i32), seekers, ones, zeros)
    capacity = graph.capacity[helpers].astype(i64, copy=False)
    add(n_s + helpers, np.full(helpers.size, sink, i32), capacity, np.zeros(helpers.size, i64))
    if not coverage:
        add(seekers, np.full(seekers.size, sink, i32), ones, zeros)
    flow.set_nodes_supplies(
        np.array([source, sink], dtype=np.int32), np.array([seekers.size, -seekers.size])
    )
    status = flow.solve_max_flow_with_min_cost() if coverage else flow.solve()
    if status != flow.OPTIMAL:
        raise RuntimeError(f"min-cost flow did not reach an optimum: {status}")
    return flow.flows(np.arange(n_e, dtype=np.int32)) > 0


def _edge_costs(graph: CandidateGraph, n_seekers: int, coverage: bool, n_nodes: int) -> IntArray:
    score = graph.score.astype(np.int64)
    if coverage:
        cost = -score
    else:
        # Score first; one extra pair is worth less than one point of score, so
        # ties in total score go to the answer with more pairs.
        pairs_cap = min(n_seekers, int(graph.capacity.sum())) + 1
        cost = -(score * pairs_cap + 1)
    if int(np.abs(cost).max()) * (n_nodes + 1) >= COST_LIMIT:
        raise ValueError("scores too large for an exact flow; rescale them")
    return cost


def _result(graph: CandidateGraph, objective: Objective, chosen: BoolArray) -> MatchResult:
    seeker, helper, score = graph.seeker[chosen], graph.helper[chosen], graph.score[chosen]
    order = np.argsort(seeker, kind="stable")
    matches = tuple(
        Match(int(graph.seeker_ids[s]), int(graph.helper_ids[h]), int(p) / SCALE)
        for s, h, p in zip(seeker[order], helper[order], score[order], strict=True)
    )
    return MatchResult(
        objective=objective,
        matches=matches,
        unmatched=tuple(_unmatched(graph, chosen)),
        total=int(score.sum()),
    )


def _unmatched(graph: CandidateGraph, chosen: BoolArray) -> list[Unmatched]:
    """Everyone left out, each with the plainest true reason."""
    matched = np.zeros(graph.seeker_ids.size, dtype=bool)
    matched[graph.seeker[chosen]] = True
    load = np.bincount(graph.helper[chosen], minlength=graph.helper_ids.size)
    room = load < graph.capacity
    has_room = np.zeros(graph.seeker_ids.size, dtype=bool)
    has_room[graph.seeker[room[graph.helper]]] = True
    out = []
    for s in np.flatnonzero(~matched).tolist():
        code = int(graph.empty_reason[s])
        slug, words = EMPTY_REASONS[code] if code else NOT_CHOSEN if has_room[s] else AT_CAPACITY
        out.append(Unmatched(int(graph.seeker_ids[s]), slug, words))
    return out

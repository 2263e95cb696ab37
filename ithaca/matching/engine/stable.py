"""Stable matching: seeker-proposing deferred acceptance with helper capacities.

Seekers rank their candidates by pair score (ties: lower helper index first);
helpers rank seekers by their own score for the pair, which defaults to the
same pair score (ties: lower seeker index first). The result is the stable
matching every seeker likes best, and no pair in the graph would rather be
together than with what they got.
"""

from __future__ import annotations

from heapq import heappush, heapreplace

import numpy as np

from .types import BoolArray, CandidateGraph, IntArray


def deferred_acceptance(graph: CandidateGraph, helper_score: IntArray | None = None) -> BoolArray:
    """A mask over the graph's edges marking the seeker-optimal stable matching."""
    h_score = (graph.score if helper_score is None else helper_score).tolist()
    order = np.lexsort((graph.helper, -graph.score, graph.seeker))
    bounds = np.searchsorted(graph.seeker[order], np.arange(graph.seeker_ids.size + 1))
    prefs, helper, seeker = order.tolist(), graph.helper.tolist(), graph.seeker.tolist()
    capacity = graph.capacity.tolist()
    next_pick, last = bounds[:-1].tolist(), bounds[1:].tolist()
    # Each helper holds a min-heap of (their score, -seeker, edge): the root is the
    # held proposal they like least, the one to bump when a better one arrives.
    held: list[list[tuple[int, int, int]]] = [[] for _ in capacity]
    free = [s for s in range(len(next_pick) - 1, -1, -1) if next_pick[s] < last[s]]
    while free:
        s = free.pop()
        while next_pick[s] < last[s]:
            edge = prefs[next_pick[s]]
            next_pick[s] += 1
            h = helper[edge]
            offer = (h_score[edge], -s, edge)
            if len(held[h]) < capacity[h]:
                heappush(held[h], offer)
                break
            if held[h] and offer > held[h][0]:
                bumped = heapreplace(held[h], offer)
                free.append(seeker[bumped[2]])
                break
    chosen = np.zeros(graph.n_edges, dtype=bool)
    for heap in held:
        for _, _, edge in heap:
            chosen[edge] = True
    return chosen


def blocking_pairs(
    graph: CandidateGraph, chosen: BoolArray, helper_score: IntArray | None = None
) -> list[tuple[int, int]]:
    """Edges (as seeker/helper index pairs) whose two sides both prefer each other.

    Used to check a matching; an empty list means it is stable.
    """
    h_score = graph.score if helper_score is None else helper_score
    mine: dict[int, tuple[int, int]] = {}
    theirs: dict[int, list[tuple[int, int]]] = {}
    for e in np.flatnonzero(chosen).tolist():
        s, h = int(graph.seeker[e]), int(graph.helper[e])
        mine[s] = (int(graph.score[e]), -h)
        theirs.setdefault(h, []).append((int(h_score[e]), -s))
    found = []
    for e in np.flatnonzero(~chosen).tolist():
        s, h = int(graph.seeker[e]), int(graph.helper[e])
        seeker_wants = s not in mine or (int(graph.score[e]), -h) > mine[s]
        held = theirs.get(h, [])
        room = len(held) < int(graph.capacity[h])
        helper_wants = room or (bool(held) and (int(h_score[e]), -s) > min(held))
        if seeker_wants and helper_wants:
            found.append((s, h))
    return found

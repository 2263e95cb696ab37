"""The candidate graph: hard rules, then exact scores, then the best k helpers per seeker.

The result is exactly what the per-pair path would give (check every rule
with `check_rules`, score with `score_pair`, drop must-have failures, rank by
scaled score then helper order, keep k), but built with arrays so a whole
organisation fits in seconds. How:

1. seeker-only and helper-only rules filter the pool; seekers are grouped by
   language set, each group meeting only helpers who share a language;
2. person-by-person exclusions (self, line manager, assessor, opt-outs, ...)
   become a short list of forbidden pairs;
3. `kernel.Scanner` keeps, per seeker, a small superset of its best helpers;
4. those pairs are scored exactly, and a bound check proves nothing outside the
   superset could beat the k-th kept pair; the rare seeker that fails the
   check is rescored against every allowed helper.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from . import fused, rules
from .features import NeedText, PoolFeatures
from .kernel import Plan, Scanner
from .progress import Tracker
from .text import TextIndex, tfidf_index
from .types import (
    DEFAULT_K,
    MAX_POINTS,
    SCALE,
    BoolArray,
    CancelFn,
    CandidateGraph,
    Helper,
    IntArray,
    Program,
    ProgressFn,
    Seeker,
)

# The scan keeps a few spare places per seeker so that pairs failing a must-have
# only on exact rescoring rarely force a full rescoring of that seeker.
SPARE = 4
EXACT_CHUNK = 2_000_000  # pairs per exact-rescoring chunk (bounds memory)
VERIFY_CHUNK = 500_000  # kept pairs scored exactly at a time (bounds memory)


@dataclass(frozen=True, eq=False)
class _Edges:
    seeker: IntArray
    helper: IntArray
    score: IntArray

    @staticmethod
    def empty() -> _Edges:
        none = np.zeros(0, dtype=np.int64)
        return _Edges(none, none, none)

    @staticmethod
    def join(parts: Sequence[_Edges]) -> _Edges:
        if not parts:
            return _Edges.empty()
        return _Edges(*(np.concatenate([getattr(p, f) for p in parts]) for f in _FIELDS))


_FIELDS = ("seeker", "helper", "score")


def candidate_graph(
    seekers: Sequence[Seeker],
    helpers: Sequence[Helper],
    program: Program,
    *,
    k: int = DEFAULT_K,
    text: TextIndex | None = None,
    workers: int | None = None,
    progress: ProgressFn | None = None,
    should_cancel: CancelFn | None = None,
) -> CandidateGraph:
    """Allowed pairs with their exact integer scores, the best k per seeker.

    `text` defaults to TF-IDF fitted on this pool; pass a `vector_index` for
    embeddings. Phases reported: rules, features, scoring, candidates.
    """
    _validate(seekers, helpers, k)
    tracker = Tracker(progress, should_cancel)
    # A process loads the compiled scan from Numba's cache once (0.3 s of CPU and
    # more of waiting); on another thread, beside the rules and features, rather
    # than in the scan's first block.
    with ThreadPoolExecutor(max_workers=1) as loader:
        loaded = loader.submit(fused.warm) if fused.AVAILABLE else None
        seeker_ok = rules.seeker_mask(seekers, program)
        helper_ok = rules.helper_mask(helpers, program)
        group_of, groups = rules.language_groups(seekers, helpers)
        ex_s, ex_h = rules.excluded_pairs(seekers, helpers, program)
        tracker.checkpoint("rules")
        index = text if text is not None else tfidf_index(seekers, helpers)
        features = PoolFeatures(seekers, helpers, program, index)
        tracker.checkpoint("features")
        if loaded is not None:
            loaded.result()
    plans, allowed = _plans(seeker_ok, helper_ok, group_of, groups, ex_s, ex_h)
    builder = _Builder(features, k, len(helpers), ex_s * max(len(helpers), 1) + ex_h, workers)
    edges = builder.run(plans, allowed, tracker)
    tracker.checkpoint("candidates")
    return _graph(seekers, helpers, edges, seeker_ok, allowed)


def _validate(seekers: Sequence[Seeker], helpers: Sequence[Helper], k: int) -> None:
    if k < 1:
        raise ValueError("k must be at least 1")
    if len({s.id for s in seekers}) != len(seekers):
        raise ValueError("seeker ids must be unique")
    if len({h.id for h in helpers}) != len(helpers):
        raise ValueError("helper ids must be unique")


def _plans(
    seeker_ok: BoolArray,
    helper_ok: BoolArray,
    group_of: IntArray,
    groups: list[IntArray],
    ex_s: IntArray,
    ex_h: IntArray,
) -> tuple[list[Plan], IntArray]:
    """One plan per language group, and how many helpers each seeker may meet."""
    allowed = np.zeros(seeker_ok.size, dtype=np.int64)
    plans = []
    order = np.argsort(group_of, kind="stable")
    starts = np.searchsorted(group_of[order], np.arange(len(groups) + 1))
    for g, members in enumerate(groups):
        in_group = order[starts[g] : starts[g + 1]]
        chosen = np.sort(in_group[seeker_ok[in_group]])
        cols = members[helper_ok[members]]
        if chosen.size == 0:
            continue
        inside = np.isin(ex_s, chosen) & np.isin(ex_h, cols)
        blocked = np.bincount(ex_s[inside], minlength=seeker_ok.size)[chosen]
        allowed[chosen] = cols.size - blocked
        plans.append(Plan(chosen, cols, ex_s[inside], ex_h[inside]))
    return plans, allowed


def _order(edges: _Edges, n_helpers: int) -> IntArray:
    """Edge order: by seeker, then score descending, then helper index.

    One int64 key sorts several times faster than a three-key lexsort.
    """
    key = edges.seeker * (MAX_POINTS + 1) + (MAX_POINTS - edges.score)
    return np.argsort(key * n_helpers + edges.helper)


def _top_k(edges: _Edges, k: int, n_helpers: int) -> tuple[_Edges, IntArray]:
    """Best k per seeker by (score desc, helper index asc), plus each seeker's rank."""
    order = _order(edges, n_helpers)
    s = edges.seeker[order]
    first = np.flatnonzero(np.r_[True, s[1:] != s[:-1]]) if s.size else s
    rank = np.arange(s.size) - np.repeat(first, np.diff(np.r_[first, s.size]))
    keep = order[rank < k]
    return _Edges(edges.seeker[keep], edges.helper[keep], edges.score[keep]), rank[rank < k]


class _Builder:
    def __init__(
        self,
        features: PoolFeatures,
        k: int,
        n_helpers: int,
        excluded: IntArray,
        workers: int | None,
    ) -> None:
        self.features, self.k, self.n_helpers = features, k, max(n_helpers, 1)
        self.excluded = np.sort(excluded)
        self.workers = workers or min(4, os.cpu_count() or 1)
        w_max = float(features.weight_sum.max()) if features.weight_sum.size else 0.0
        # float32 sums drift by far less than `err` from the exact float64 ones
        # (a dot product of unit vectors errs by at most about dim * 2**-24); the
        # margin adds three steps of the integer score grid on top.
        text = features.factors.get("need_similarity")
        dim = text.text.dim if isinstance(text, NeedText) and not text.text.is_sparse else 0
        text_err = max(2e-4, dim * 2.0**-23)
        self.err = w_max * 1e-5 + features.weights["need_similarity"] * text_err
        self.margin = 2 * self.err + 3 * w_max / (100 * SCALE)

    def run(self, plans: list[Plan], allowed: IntArray, tracker: Tracker) -> _Edges:
        weighted = self.features.weight_sum > 0
        scans = [self._subplan(p, weighted[p.seekers] & (allowed[p.seekers] > 0)) for p in plans]
        total = sum(p.seekers.size for p in scans) or 1
        done = 0

        def on_block(rows: int) -> None:
            nonlocal done
            done += rows
            tracker.report("scoring", done / total)

        # Spare places only help when exact scores can fail a must-have.
        musts = any(self.features.must_above(name) is not None for name in self.features.factors)
        kk = self.k + (SPARE if musts else 0)
        scanner = Scanner(self.features, kk, self.margin, self.workers)
        checked: list[Future[list[_Edges]]] = []
        parts: list[_Edges] = []
        # A group's kept pairs are scored exactly on a thread of their own while
        # the next group is scanned, and the next group's layers are made ready
        # on another while this one's blocks run, so no core waits for the other.
        with (
            ThreadPoolExecutor(max_workers=1) as checker,
            ThreadPoolExecutor(max_workers=1) as preparer,
        ):
            ready = preparer.submit(scanner.prepare, scans[0]) if scans else None
            for i, (plan, sub) in enumerate(zip(plans, scans, strict=True)):
                group = ready.result()  # type: ignore[union-attr]
                if i + 1 < len(scans):
                    ready = preparer.submit(scanner.prepare, scans[i + 1])
                out = group.run(on_block, tracker.cancelled)
                del group  # its layers and tables are not needed by the exact scoring
                checked.append(checker.submit(self._verified, sub, out.seeker, out.helper, out.tau))
                flat = plan.seekers[~weighted[plan.seekers] & (allowed[plan.seekers] > 0)]
                if flat.size:
                    # With no factor to go on every score is 0: the first k allowed helpers win.
                    most = (
                        np.bincount(plan.excluded_seeker).max() if plan.excluded_seeker.size else 0
                    )
                    parts.append(self._exact_rows(flat, plan.cols[: self.k + int(most)]))
            found = [edges for future in checked for edges in future.result()]
        tracker.checkpoint("scoring")
        return _Edges.join(found + parts)

    @staticmethod
    def _subplan(plan: Plan, chosen: BoolArray) -> Plan:
        seekers = plan.seekers[chosen]
        keep = np.isin(plan.excluded_seeker, seekers)
        return Plan(seekers, plan.cols, plan.excluded_seeker[keep], plan.excluded_helper[keep])

    def _verified(self, plan: Plan, s: IntArray, h: IntArray, tau: np.ndarray) -> list[_Edges]:
        """Exact top-k from the scan's superset; seekers failing the bound get a full rescore."""
        score, ok = self._scores(s, h)
        top, rank = _top_k(_Edges(s[ok], h[ok], score[ok]), self.k, self.n_helpers)
        local = np.searchsorted(plan.seekers, top.seeker)
        count = np.bincount(local, minlength=plan.seekers.size)
        kth = np.full(plan.seekers.size, -1, dtype=np.int64)
        kth[local[rank == self.k - 1]] = top.score[rank == self.k - 1]
        weight = self.features.weight_sum[plan.seekers]
        limit = (tau.astype(np.float64) - self.margin + self.err) * (100 * SCALE) / weight
        bound = np.floor(np.where(np.isfinite(limit), limit, -1.0) + 0.5)
        failed = np.isfinite(tau) & ((count < self.k) | (kth <= bound))
        kept = _Edges(*(a[~failed[local]] for a in (top.seeker, top.helper, top.score)))
        if failed.any():
            return [kept, self._exact_rows(plan.seekers[failed], plan.cols)]
        return [kept]

    def _scores(self, s: IntArray, h: IntArray) -> tuple[IntArray, BoolArray]:
        """`score_pairs` a chunk at a time: its temporaries are several times the
        pairs' size, and this runs beside the scan of the next language group."""
        score = np.empty(s.size, dtype=np.int64)
        ok = np.empty(s.size, dtype=bool)
        for lo in range(0, s.size, VERIFY_CHUNK):
            hi = lo + VERIFY_CHUNK
            score[lo:hi], ok[lo:hi] = self.features.score_pairs(s[lo:hi], h[lo:hi])
        return score, ok

    def _exact_rows(self, seekers: IntArray, cols: IntArray) -> _Edges:
        """Score `seekers` exactly against every one of `cols` (the slow, sure path)."""
        parts = []
        step = max(1, EXACT_CHUNK // max(cols.size, 1))
        for lo in range(0, seekers.size, step):
            chunk = seekers[lo : lo + step]
            s, h = np.repeat(chunk, cols.size), np.tile(cols, chunk.size)
            allowed = ~np.isin(s * self.n_helpers + h, self.excluded)
            s, h = s[allowed], h[allowed]
            score, ok = self.features.score_pairs(s, h)
            parts.append(_top_k(_Edges(s[ok], h[ok], score[ok]), self.k, self.n_helpers)[0])
        return _Edges.join(parts)


def _graph(
    seekers: Sequence[Seeker],
    helpers: Sequence[Helper],
    edges: _Edges,
    seeker_ok: BoolArray,
    allowed: IntArray,
) -> CandidateGraph:
    order = _order(edges, max(len(helpers), 1))
    has_edges = np.bincount(edges.seeker, minlength=len(seekers)) > 0
    reason = np.where(has_edges, 0, 3).astype(np.int8)
    reason[~has_edges & (allowed == 0)] = 2
    reason[~seeker_ok] = 1
    return CandidateGraph(
        seeker_ids=np.array([s.id for s in seekers], dtype=np.int64),
        helper_ids=np.array([h.id for h in helpers], dtype=np.int64),
        capacity=np.array([max(h.capacity, 0) for h in helpers], dtype=np.int64),
        seeker=edges.seeker[order].astype(np.int32),
        helper=edges.helper[order].astype(np.int32),
        score=edges.score[order],
        empty_reason=reason,
    )

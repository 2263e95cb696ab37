"""The large-pool scan: every seeker against every allowed helper, in float32 blocks.

A 100k x 30k pool has three billion pairs, too many to score exactly one by
one. The scan adds up each factor's precomputed rows for a block of seekers,
marks ruled-out pairs with -inf, and keeps for each seeker only the helpers
within a small margin of its kk-th best. Exact scores are then computed for
those few pairs only (see candidates.py), and the margin plus a check there
make the final top-k exact rather than approximate.

With Numba installed, the layers and the selection run in one compiled pass
per seeker row instead (`fused.py`, `_Fused`), keeping exactly the same
cells; the NumPy path here stays as the reference and the fallback.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from . import fused as fused_kernel
from .features import (
    NEG_INF,
    Float32,
    InterestParts,
    NeedText,
    PoolFeatures,
    PreferenceParts,
    TableFactor,
)
from .types import IntArray, MatchingCancelled

# Below this many bytes a factor gets one precomputed row per key for the whole
# group; above it, rows are computed per block for the keys that block needs.
TABLE_BYTES = 512 * 2**20
BLOCK_CELLS = 2**20  # about 4 MB of float32 per block: stays in cache, amortises calls
SAMPLE = 512  # columns used to guess a safe per-row threshold
BOLD_SIGMAS, BOLD_EXTRA = 4.0, 3.0  # see select()
NEG_FLOOR = np.float32(-1e30)
# A "must" on text similarity is applied loosely here (float32) and exactly later.
TEXT_SLACK = 1e-3


@dataclass(frozen=True, eq=False)
class Plan:
    """One language group: the seekers to scan and the helpers they may meet."""

    seekers: IntArray  # sorted seeker indices
    cols: IntArray  # sorted helper indices
    excluded_seeker: IntArray  # ruled-out pairs inside the group, sorted by seeker
    excluded_helper: IntArray


@dataclass(frozen=True, eq=False)
class ScanOutput:
    seeker: IntArray
    helper: IntArray
    tau: npt.NDArray[np.float32]  # per scanned seeker: its kk-th best float32 sum


class _Layer:
    """One factor's contribution for a group: a table, or rows computed per block."""

    def __init__(self, factor: TableFactor, weight: float, must: float | None, plan: Plan) -> None:
        self.factor, self.weight, self.must, self.cols = factor, weight, must, plan.cols
        codes = factor.codes[plan.seekers]
        used = np.unique(codes[codes >= 0])
        self.table: Float32 | None = None
        self.parts = factor.live_parts(plan.cols) if must is None else None
        self.live = factor.live_rows(self.parts) if self.parts is not None else None
        self.seekers = plan.seekers
        if self.live is not None:
            self.codes = codes
        elif (used.size + 1) * plan.cols.size * 4 <= TABLE_BYTES:
            self.table = np.empty((used.size + 1, plan.cols.size), dtype=np.float32)
            self.table[-1] = 0.0  # the row for seekers the factor does not apply to
            for lo in range(0, used.size, 64):
                keys = used[lo : lo + 64]
                self.table[lo : lo + keys.size] = factor.block32(keys, plan.cols, weight, must)
            self.codes = np.where(codes >= 0, np.searchsorted(used, codes), used.size)
        else:
            self.codes = codes

    def reorder(self, perm: IntArray) -> None:
        """Scan the group's seekers in the order `perm` (rows of the plan)."""
        self.codes, self.seekers = self.codes[perm], self.seekers[perm]

    def add_to(self, block: Float32, lo: int, hi: int) -> None:
        if self.live is not None:
            # Only seekers the factor applies to need a row; the rest add nothing.
            applies = self.codes[lo:hi] >= 0
            if applies.all():
                block += self.live(self.seekers[lo:hi], self.weight)
            elif applies.any():
                picked = np.flatnonzero(applies)
                block[picked] += self.live(self.seekers[lo + picked], self.weight)
            return
        if self.table is not None:
            # Row by row: a row of the block and of the table stay in cache, where
            # gathering the block's rows first would write and read a block-sized copy.
            table = self.table
            for row, code in zip(block, self.codes[lo:hi].tolist(), strict=True):
                np.add(row, table[code], out=row)
            return
        rows, inverse = self.block_rows(lo, hi)
        block += rows[inverse]

    def block_rows(self, lo: int, hi: int) -> tuple[Float32, IntArray]:
        """The rows of a layer too large for a table: one per key the block needs."""
        keys, inverse = np.unique(self.codes[lo:hi], return_inverse=True)
        applies = keys >= 0
        rows = np.zeros((keys.size, self.cols.size), dtype=np.float32)
        rows[applies] = self.factor.block32(keys[applies], self.cols, self.weight, self.must)
        return rows, inverse.ravel()


class _Text:
    def __init__(self, factor: NeedText, weight: float, must: float | None, plan: Plan) -> None:
        self.factor, self.weight, self.must = factor, np.float32(weight), must
        self.rows = factor.s_row[plan.seekers]
        self.applies = factor.applicable[plan.seekers]
        self.side = factor.text.helper_side(factor.h_row[plan.cols])

    def reorder(self, perm: IntArray) -> None:
        self.rows, self.applies = self.rows[perm], self.applies[perm]

    def start(self, lo: int, hi: int) -> Float32:
        sims = self.factor.text.block(self.rows[lo:hi], self.side, float(self.weight))
        if self.must is not None:
            # Seekers who wrote nothing are not held to a must-have on text.
            limit = np.float32((self.must - TEXT_SLACK) * self.weight)
            sims[(sims <= limit) & self.applies[lo:hi, None]] = NEG_INF
        return sims


def select(block: Float32, kk: int, margin: float) -> tuple[IntArray, IntArray, Float32]:
    """Per row, every column within `margin` of the row's kk-th best, plus that value.

    A row with fewer than kk finite values keeps them all and reports -inf.
    The first columns serve as a sample for guessing thresholds, so columns
    should come in an order unrelated to their scores.
    """
    n_rows, n_cols = block.shape
    if n_cols <= kk:
        rows, cols = _where(block > NEG_FLOOR)
        return rows, cols, np.full(n_rows, NEG_INF, dtype=np.float32)
    if n_cols <= 2 * max(SAMPLE, 4 * kk):
        tau = _kth_largest(block, kk)
        keep = (block >= (tau - np.float32(margin))[:, None]) & (block > NEG_FLOOR)
        rows, cols = _where(keep)
        return rows, cols, tau
    picked = block[:, : max(SAMPLE, 4 * kk)]
    # A sample's kk-th best can only be at or below the row's kk-th best, so it
    # is a safe threshold but keeps about kk * n / sample columns. A bolder one,
    # the sample's r-th best, keeps about r * n / sample; the row has fewer than
    # kk columns above it with Poisson odds P(X >= r), X ~ Poisson(kk * sample / n),
    # so r sits BOLD_SIGMAS standard deviations out and failures are redone.
    expected = kk * picked.shape[1] / n_cols
    bold = expected + BOLD_SIGMAS * math.sqrt(expected) + BOLD_EXTRA
    bold_rank = min(kk, max(1, math.ceil(bold)))
    found = _survivors(block, _kth_largest(picked, bold_rank), kk, margin)
    if not found[4].all():
        found = _redo(block, picked, found, kk, margin)
    rows, flat, values, tau, _ = found
    keep = values >= tau[rows] - np.float32(margin)
    return rows[keep], flat[keep] - rows[keep] * n_cols, tau


Survivors = tuple[IntArray, IntArray, Float32, Float32, npt.NDArray[np.bool_]]


def _redo(block: Float32, picked: Float32, found: Survivors, kk: int, margin: float) -> Survivors:
    """Rows the bold threshold left unproven, redone with the sample's safe kk-th best."""
    rows, flat, values, tau, sure = found
    redo = np.flatnonzero(~sure)
    r2, f2, v2, t2, _ = _survivors(block[redo], _kth_largest(picked[redo], kk), kk, margin)
    kept = sure[rows]
    rows = np.concatenate([rows[kept], redo[r2]])
    flat = np.concatenate([flat[kept], f2 + (redo[r2] - r2) * block.shape[1]])
    values = np.concatenate([values[kept], v2])
    tau[redo] = t2
    return rows, flat, values, tau, np.ones_like(sure)


def _survivors(block: Float32, threshold: Float32, kk: int, margin: float) -> Survivors:
    """Cells at or above each row's threshold (less the margin), each row's kk-th best
    among them, and whether that proves the row complete (kk cells at or above it)."""
    n_rows, n_cols = block.shape
    guess = np.maximum(threshold, NEG_FLOOR) - np.float32(margin)
    flat = np.flatnonzero(block >= guess[:, None])
    rows = flat // n_cols
    values = block.ravel()[flat]
    counts = np.bincount(rows, minlength=n_rows)
    width = int(counts.max()) if counts.size else 0
    tau = np.full(n_rows, NEG_INF, dtype=np.float32)
    if width >= kk:
        padded = np.full((n_rows, width), NEG_INF, dtype=np.float32)
        slot = np.arange(rows.size) - (np.cumsum(counts) - counts)[rows]
        padded.ravel()[rows * width + slot] = values
        tau = _kth_largest(padded, kk)
    sure = (tau >= threshold) | (threshold <= NEG_FLOOR)
    return rows, flat, values, tau, sure


def _kth_largest(values: Float32, kk: int) -> Float32:
    # Selecting the kk-th smallest of the negated rows is several times faster in
    # NumPy than asking for index n - kk directly.
    return -np.partition(-values, kk - 1, axis=1)[:, kk - 1]


def _where(mask: npt.NDArray[np.bool_]) -> tuple[IntArray, IntArray]:
    """Row and column of each True cell (np.nonzero is several times slower in 2-D)."""
    flat = np.flatnonzero(mask)
    rows = flat // mask.shape[1]
    return rows, flat - rows * mask.shape[1]


def _exclusions(
    plan: Plan, order: IntArray, perm: IntArray, bounds: list[tuple[int, int]]
) -> tuple[IntArray, IntArray, IntArray]:
    """Ruled-out pairs as (scanned row, shuffled column), sorted by row, and where
    each block's share starts. Row i of the scan is seeker `plan.seekers[perm[i]]`."""
    position = np.empty_like(order)
    position[order] = np.arange(order.size)
    row_of = np.empty_like(perm)
    row_of[perm] = np.arange(perm.size)
    rows = row_of[np.searchsorted(plan.seekers, plan.excluded_seeker)]
    cols = position[np.searchsorted(plan.cols, plan.excluded_helper)]
    by_row = np.argsort(rows, kind="stable")
    rows, cols = rows[by_row], cols[by_row]
    starts = np.searchsorted(rows, [lo for lo, _ in bounds] + [plan.seekers.size])
    return rows, cols, starts


def _row_order(layers: list[_Layer], n_rows: int) -> IntArray:
    """Rows sorted by their table rows, the largest table first."""
    tabled = sorted((la for la in layers if la.table is not None), key=lambda la: la.table.size)  # type: ignore[union-attr]
    if not tabled:
        return np.arange(n_rows)
    return np.lexsort([la.codes for la in tabled])


class _Fused:
    """A group's layers laid out for `fused.scan_rows`, which adds and selects row by row."""

    def __init__(self, layers: list[_Layer], seekers: IntArray, n_cols: int) -> None:
        self.n_cols = n_cols
        n = seekers.size
        dummy_u8 = np.zeros((1, 1), dtype=np.uint8)
        self.kinds: list[int] = []
        self.tables: list[Float32 | None] = []
        self.per_block: list[_Layer | None] = []
        self.table_codes = np.zeros((fused_kernel.TABLE_SLOTS, n), dtype=np.int64)
        self.i_applies = self.p_applies = np.zeros(n, dtype=np.bool_)
        self.i_indicator, self.i_slots = dummy_u8, np.zeros((n, 0), dtype=np.int64)
        self.i_size = np.ones(n, dtype=np.int64)
        self.i_hsize: npt.NDArray[np.unsignedinteger] = np.zeros(n_cols, dtype=np.uint8)
        self.i_weight = np.float32(0.0)
        self.p_dept = self.p_ident = self.p_tags = dummy_u8
        self.p_dept_row = self.p_ident_row = np.zeros(n, dtype=np.int64)
        self.p_wish = np.zeros((n, 0), dtype=np.int64)
        self.p_factor = np.zeros(n, dtype=np.float32)
        for layer in layers:
            parts = layer.parts
            if isinstance(parts, InterestParts):
                self.kinds.append(fused_kernel.KIND_INTERESTS)
                self.i_applies = layer.codes >= 0
                self.i_indicator, self.i_hsize = parts.indicator, parts.helper_sizes
                self.i_slots = np.ascontiguousarray(parts.slots[seekers])
                sizes = layer.factor.sn[seekers]  # type: ignore[attr-defined]
                self.i_size = np.maximum(sizes, 1).astype(np.int64)
                self.i_weight = np.float32(layer.weight)
            elif isinstance(parts, PreferenceParts):
                self.kinds.append(fused_kernel.KIND_PREFERENCES)
                self.p_applies = layer.codes >= 0
                self.p_dept, self.p_ident, self.p_tags = parts.dept, parts.ident, parts.tags
                self.p_dept_row = parts.dept_row[seekers]
                self.p_ident_row = parts.ident_row[seekers]
                self.p_wish = np.ascontiguousarray(parts.wish[seekers])
                self.p_factor = layer.factor.row_factors(seekers, layer.weight)  # type: ignore[attr-defined]
            else:
                slot = len(self.tables)
                self.kinds.append(slot)
                self.tables.append(layer.table)
                self.per_block.append(None if layer.table is not None else layer)
                if layer.table is not None:
                    self.table_codes[slot] = layer.codes
        self.kinds_array = np.array(self.kinds, dtype=np.int64)

    @staticmethod
    def make(layers: list[_Layer], seekers: IntArray, n_cols: int) -> _Fused | None:
        """The layout, or None when the layers do not fit the kernel (NumPy path then)."""
        live = [type(layer.parts) for layer in layers if layer.parts is not None]
        tables = sum(layer.parts is None for layer in layers)
        known = all(kind in (InterestParts, PreferenceParts) for kind in live)
        if not known or len(set(live)) < len(live) or tables > fused_kernel.TABLE_SLOTS:
            return None
        return _Fused(layers, seekers, n_cols)

    def rows(
        self,
        base: Float32 | None,
        lo: int,
        hi: int,
        excl_rows: IntArray,
        excl_cols: IntArray,
        kk: int,
        margin: float,
    ) -> tuple[IntArray, IntArray, Float32]:
        dummy = np.zeros((1, 1), dtype=np.float32)
        tables = [dummy] * fused_kernel.TABLE_SLOTS
        codes = self.table_codes[:, lo:hi]
        if any(layer is not None for layer in self.per_block):
            codes = codes.copy()  # this block's own codes for its per-block rows
        for slot, (table, layer) in enumerate(zip(self.tables, self.per_block, strict=True)):
            if layer is not None:
                table, codes[slot] = layer.block_rows(lo, hi)
            tables[slot] = table  # type: ignore[assignment]
        starts = np.searchsorted(excl_rows, np.arange(hi - lo + 1))
        rows, cols, tau = fused_kernel.scan_rows(
            np.ascontiguousarray(base) if base is not None else dummy,
            base is not None,
            self.n_cols,
            tuple(tables),
            np.ascontiguousarray(codes),
            self.kinds_array,
            self.i_applies[lo:hi],
            self.i_indicator,
            self.i_slots[lo:hi],
            self.i_size[lo:hi],
            self.i_hsize,
            self.i_weight,
            self.p_applies[lo:hi],
            self.p_dept,
            self.p_dept_row[lo:hi],
            self.p_ident,
            self.p_ident_row[lo:hi],
            self.p_tags,
            self.p_wish[lo:hi],
            self.p_factor[lo:hi],
            starts.astype(np.int64),
            excl_cols.astype(np.int64),
            kk,
            np.float32(margin),
            NEG_FLOOR,
        )
        return rows, cols, tau


class _Group:
    """A language group made ready by `Scanner.prepare`; its blocks run on the scanner's
    threads."""

    def __init__(
        self,
        scanner: Scanner,
        seekers: IntArray,
        cols: IntArray,
        perm: IntArray,
        bounds: list[tuple[int, int]],
        layers: list[_Layer],
        text: _Text | None,
        exclusions: tuple[IntArray, IntArray, IntArray],
        fused_rows: _Fused | None,
    ) -> None:
        self.scanner, self.seekers, self.cols, self.perm = scanner, seekers, cols, perm
        self.bounds, self.layers, self.text = bounds, layers, text
        self.excl_rows, self.col_pos, self.row_bounds = exclusions
        self.fused_rows = fused_rows

    def block(self, i: int) -> tuple[IntArray, IntArray, Float32]:
        lo, hi = self.bounds[i]
        a, b = self.row_bounds[i], self.row_bounds[i + 1]
        kk, margin, text = self.scanner.kk, self.scanner.margin, self.text
        excl_rows, col_pos = self.excl_rows[a:b] - lo, self.col_pos[a:b]
        if self.fused_rows is not None:
            base = text.start(lo, hi) if text else None
            rows, found, tau = self.fused_rows.rows(base, lo, hi, excl_rows, col_pos, kk, margin)
            return self.seekers[lo + rows], self.cols[found], tau
        block = text.start(lo, hi) if text else np.zeros((hi - lo, self.cols.size), np.float32)
        for layer in self.layers:
            layer.add_to(block, lo, hi)
        block[excl_rows, col_pos] = NEG_INF
        rows, found, tau = select(block, kk, margin)
        return self.seekers[lo + rows], self.cols[found], tau

    def run(self, on_block: Callable[[int], None], cancelled: Callable[[], bool]) -> ScanOutput:
        parts = list(self.scanner._run_all(self.block, self.bounds, on_block, cancelled))
        if not parts:
            empty = np.zeros(0, dtype=np.int64)
            return ScanOutput(empty, empty, np.zeros(0, dtype=np.float32))
        tau = np.empty(self.seekers.size, dtype=np.float32)
        tau[self.perm] = np.concatenate([p[2] for p in parts])
        return ScanOutput(
            seeker=np.concatenate([p[0] for p in parts]),
            helper=np.concatenate([p[1] for p in parts]),
            tau=tau,
        )


class Scanner:
    """Runs the block scan for each language group, on a few threads."""

    def __init__(
        self,
        features: PoolFeatures,
        kk: int,
        margin: float,
        workers: int,
        fused: bool | None = None,
    ) -> None:
        self.features, self.kk, self.margin, self.workers = features, kk, margin, workers
        # The compiled kernel when Numba is installed; the NumPy path otherwise.
        self.fused = fused_kernel.AVAILABLE if fused is None else fused

    def scan(
        self, plan: Plan, on_block: Callable[[int], None], cancelled: Callable[[], bool]
    ) -> ScanOutput:
        return self.prepare(plan).run(on_block, cancelled)

    def prepare(self, plan: Plan) -> _Group:
        """A group's layers, row order and exclusions, ready to scan (`_Group.run`).

        Kept apart from the scan itself so that the next group can be made
        ready while this one's blocks run (candidates.py).
        """
        # Shuffle the helpers once so that the first columns of every block are a
        # fair sample for select(): helper order may follow seniority or sign-up.
        order = np.random.default_rng(plan.cols.size).permutation(plan.cols.size)
        cols = plan.cols[order]
        layers, text = self._layers(
            Plan(plan.seekers, cols, plan.excluded_seeker, plan.excluded_helper)
        )
        # Seekers who share table rows are scanned one after another, so those
        # rows are read from cache rather than memory; each row's result is its own.
        perm = _row_order(layers, plan.seekers.size)
        for layer in layers:
            layer.reorder(perm)
        if text:
            text.reorder(perm)
        seekers = plan.seekers[perm]
        step = max(8, min(512, BLOCK_CELLS // max(plan.cols.size, 1)))
        bounds = [(lo, min(lo + step, seekers.size)) for lo in range(0, seekers.size, step)]
        exclusions = _exclusions(plan, order, perm, bounds)
        fused_rows = _Fused.make(layers, seekers, cols.size) if self.fused else None
        return _Group(self, seekers, cols, perm, bounds, layers, text, exclusions, fused_rows)

    def _layers(self, plan: Plan) -> tuple[list[_Layer], _Text | None]:
        layers, text = [], None
        for name, factor in self.features.factors.items():
            weight, must = self.features.weights[name], self.features.must_above(name)
            if isinstance(factor, NeedText):
                text = _Text(factor, weight, must, plan)
            else:
                layers.append(_Layer(factor, weight, must, plan))
        return layers, text

    def _run_all(
        self,
        run: Callable[[int], tuple[IntArray, IntArray, Float32]],
        bounds: list[tuple[int, int]],
        on_block: Callable[[int], None],
        cancelled: Callable[[], bool],
    ) -> Iterator[tuple[IntArray, IntArray, Float32]]:
        """Blocks in order, a bounded number in flight, cancel checked between blocks."""
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            pending: list[Future[tuple[IntArray, IntArray, Float32]]] = []
            for i in range(len(bounds)):
                pending.append(pool.submit(run, i))
                if len(pending) >= 2 * self.workers:
                    yield self._finish(pending.pop(0), on_block, cancelled, pending)
            while pending:
                yield self._finish(pending.pop(0), on_block, cancelled, pending)

    @staticmethod
    def _finish(
        future: Future[tuple[IntArray, IntArray, Float32]],
        on_block: Callable[[int], None],
        cancelled: Callable[[], bool],
        pending: list[Future[tuple[IntArray, IntArray, Float32]]],
    ) -> tuple[IntArray, IntArray, Float32]:
        result = future.result()
        on_block(result[2].size)
        if cancelled():
            for other in pending:
                other.cancel()
            raise MatchingCancelled("matching was cancelled while scoring")
        return result

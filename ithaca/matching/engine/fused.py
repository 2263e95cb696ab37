"""The scan's inner loop compiled with Numba: every layer and the selection in one pass.

`kernel.Scanner` adds a block's factor layers with NumPy, one pass over the
whole block each, then selects each row's best cells in several more. This
kernel does the same work one seeker row at a time: the row (a few hundred
kilobytes at most) stays in cache while each layer is added to it, in the same
order and with the same float32 operations as the NumPy path, so every cell
gets the same bits; then one pass keeps the row's kk best in a small heap and
collects every cell within the margin of the final kk-th best. Candidates and
per-row thresholds are therefore exactly those of `kernel.select`.

The kernel releases the GIL, so the scan's threads run blocks side by side.
It is compiled on first use and cached on disk (`cache=True`, next to this
file or in NUMBA_CACHE_DIR); `python -m ithaca.matching.engine.fused`
compiles it ahead of a worker's first round (`make install` does).
Without Numba, `AVAILABLE` is false and the scan keeps its NumPy path.
"""

from __future__ import annotations

import os
import time
from importlib.util import find_spec
from typing import Any

import numpy as np

# Set ITHACA_FUSED_SCAN=0 to force the NumPy path (kept as the reference).
AVAILABLE = find_spec("numba") is not None and os.environ.get("ITHACA_FUSED_SCAN", "1") != "0"

TABLE_SLOTS = 5  # at most this many table layers (six factors, one of them text)
KIND_INTERESTS, KIND_PREFERENCES = TABLE_SLOTS, TABLE_SLOTS + 1
CHUNK = 512  # columns built at a time: 2 KB of float32, in the first-level cache
GROUP = 32  # cells per group in the selection (see _select_row)


def _push(heap: Any, kk: int, v: Any) -> Any:  # pragma: no cover - compiled
    """Replace the smallest of a full min-heap by `v` (larger); the new smallest."""
    i = 0
    while True:
        left = 2 * i + 1
        if left >= kk:
            break
        child = left
        if left + 1 < kk and heap[left + 1] < heap[left]:
            child = left + 1
        if heap[child] >= v:
            break
        heap[i] = heap[child]
        i = child
    heap[i] = v
    return heap[0]


def _select_row(
    buf: Any, kk: int, margin: Any, heap: Any, gmax: Any, cand_col: Any, cand_val: Any
) -> Any:  # pragma: no cover - compiled
    """Collect the cells of a row within `margin` of its kk-th best; (count, kk-th best).

    The cells are dealt into groups (cell j to group j mod G, GROUP cells each)
    and each group's best found with element-wise maxima, which vectorise. If
    kk groups reach x, kk cells do, so the groups' kk-th best is a safe floor:
    only the few groups at or above it less the margin are walked cell by cell,
    keeping the kk best in a min-heap.
    """
    n_cols = buf.size
    neg_inf = np.float32(-np.inf)
    m = 0
    if n_cols <= kk:
        for j in range(n_cols):
            cand_col[m] = j
            cand_val[m] = buf[j]
            m += 1
        return m, neg_inf
    n_groups = n_cols // GROUP
    grouped = n_groups >= kk
    low0 = neg_inf
    if grouped:
        first = buf[:n_groups]
        for g in range(n_groups):
            gmax[g] = first[g]
        for q in range(1, GROUP):
            part = buf[q * n_groups : (q + 1) * n_groups]
            for g in range(n_groups):
                v = part[g]
                gmax[g] = v if v > gmax[g] else gmax[g]
        for q in range(kk):
            heap[q] = neg_inf
        floor = neg_inf
        for g in range(n_groups):
            if gmax[g] > floor:
                floor = _push(heap, kk, gmax[g])
        low0 = floor - margin
    for q in range(kk):
        heap[q] = neg_inf
    floor = neg_inf
    low = low0
    for g in range(n_groups + 1):
        if g < n_groups:
            if grouped and gmax[g] < low0:
                continue
            start, stop, step = g, GROUP * n_groups, n_groups
        else:  # the cells left over after the groups
            start, stop, step = GROUP * n_groups, n_cols, 1
        for j in range(start, stop, step):
            v = buf[j]
            if v >= low:
                cand_col[m] = j
                cand_val[m] = v
                m += 1
                if v > floor:
                    floor = _push(heap, kk, v)
                    if floor - margin > low:
                        low = floor - margin
    return m, floor


def _scan_rows(
    base: Any,
    has_base: bool,
    n_cols: int,
    tables: Any,
    table_codes: Any,
    kinds: Any,
    i_applies: Any,
    i_indicator: Any,
    i_slots: Any,
    i_size: Any,
    i_hsize: Any,
    i_weight: Any,
    p_applies: Any,
    p_dept: Any,
    p_dept_row: Any,
    p_ident: Any,
    p_ident_row: Any,
    p_tags: Any,
    p_wish: Any,
    p_factor: Any,
    excl_start: Any,
    excl_col: Any,
    kk: int,
    margin: Any,
    neg_floor: Any,
) -> Any:  # pragma: no cover - compiled; tests compare it with the NumPy path
    """Rows and columns of the kept cells, and each row's kk-th best (float32)."""
    n_rows = excl_start.size - 1
    neg_inf = np.float32(-np.inf)
    buf = np.empty(n_cols, dtype=np.float32)
    acc = np.empty(CHUNK, dtype=np.int32)
    cand_col = np.empty(n_cols, dtype=np.int64)
    cand_val = np.empty(n_cols, dtype=np.float32)
    heap = np.empty(max(kk, 1), dtype=np.float32)
    gmax = np.empty(n_cols // GROUP + 1, dtype=np.float32)
    tau = np.empty(n_rows, dtype=np.float32)
    cap = n_rows * (kk + 8) + 16
    out_row = np.empty(cap, dtype=np.int64)
    out_col = np.empty(cap, dtype=np.int64)
    n_out = 0
    for r in range(n_rows):
        # The row is built a chunk of columns at a time, each layer in turn, so
        # the chunk stays in the first-level cache; each cell still gets its
        # layers added in the same order as the NumPy path.
        for c0 in range(0, n_cols, CHUNK):
            c1 = min(c0 + CHUNK, n_cols)
            width = c1 - c0
            out = buf[c0:c1]
            if has_base:
                src = base[r, c0:c1]
                for j in range(width):
                    out[j] = src[j]
            else:
                for j in range(width):
                    out[j] = np.float32(0.0)
            for kind in kinds:
                if kind < TABLE_SLOTS:
                    row = tables[kind][table_codes[kind, r], c0:c1]
                    for j in range(width):
                        out[j] += row[j]
                elif kind == KIND_INTERESTS:
                    if not i_applies[r]:
                        continue
                    for j in range(width):
                        acc[j] = 0
                    for q in range(i_slots.shape[1]):
                        ind = i_indicator[i_slots[r, q], c0:c1]
                        for j in range(width):
                            acc[j] += np.int32(ind[j])
                    size = np.int32(i_size[r])
                    hsize = i_hsize[c0:c1]
                    for j in range(width):
                        shared = acc[j]
                        union = size + np.int32(hsize[j]) - shared
                        out[j] += (np.float32(shared) * i_weight) / np.float32(union)
                else:
                    if not p_applies[r]:
                        continue
                    dept = p_dept[p_dept_row[r], c0:c1]
                    ident = p_ident[p_ident_row[r], c0:c1]
                    for j in range(width):
                        acc[j] = np.int32(dept[j]) + np.int32(ident[j])
                    for q in range(p_wish.shape[1]):
                        tag = p_tags[p_wish[r, q], c0:c1]
                        for j in range(width):
                            acc[j] += np.int32(tag[j])
                    factor = p_factor[r]
                    for j in range(width):
                        out[j] += np.float32(acc[j]) * factor
        for e in range(excl_start[r], excl_start[r + 1]):
            buf[excl_col[e]] = neg_inf
        m, floor = _select_row(buf, kk, margin, heap, gmax, cand_col, cand_val)
        tau[r] = floor
        low = floor - margin
        if n_out + m > cap:
            cap = max(2 * cap, n_out + m)
            grown_row = np.empty(cap, dtype=np.int64)
            grown_col = np.empty(cap, dtype=np.int64)
            grown_row[:n_out] = out_row[:n_out]
            grown_col[:n_out] = out_col[:n_out]
            out_row, out_col = grown_row, grown_col
        for q in range(m):
            v = cand_val[q]
            if v >= low and v > neg_floor:
                out_row[n_out] = r
                out_col[n_out] = cand_col[q]
                n_out += 1
    return out_row[:n_out], out_col[:n_out], tau


scan_rows: Any = _scan_rows
if AVAILABLE:
    import numba

    _jit = numba.njit(nogil=True, cache=True, error_model="numpy")
    _push = _jit(_push)  # called from the compiled functions below, compiled too
    _select_row = _jit(_select_row)
    scan_rows = _jit(_scan_rows)


def warm() -> float:
    """Compile (or load from the cache) the kernel for the types the scan passes; seconds."""
    start = time.perf_counter()
    if not AVAILABLE:
        return 0.0
    f32, u8, i64 = np.float32, np.uint8, np.int64
    empty_u8 = np.zeros((1, 1), dtype=u8)
    for hsize in (np.zeros(1, dtype=np.uint8), np.zeros(1, dtype=np.uint16)):
        scan_rows(
            np.zeros((1, 1), dtype=f32),
            True,
            1,
            tuple(np.zeros((1, 1), dtype=f32) for _ in range(TABLE_SLOTS)),
            np.zeros((TABLE_SLOTS, 1), dtype=i64),
            np.zeros(0, dtype=i64),
            np.zeros(1, dtype=np.bool_),
            empty_u8,
            np.zeros((1, 1), dtype=i64),
            np.ones(1, dtype=i64),
            hsize,
            f32(1.0),
            np.zeros(1, dtype=np.bool_),
            empty_u8,
            np.zeros(1, dtype=i64),
            empty_u8,
            np.zeros(1, dtype=i64),
            empty_u8,
            np.zeros((1, 0), dtype=i64),
            np.zeros(1, dtype=f32),
            np.zeros(2, dtype=i64),
            np.zeros(0, dtype=i64),
            1,
            f32(0.0),
            f32(-1e30),
        )
    return time.perf_counter() - start


if __name__ == "__main__":
    print(f"fused scan kernel ready in {warm():.2f} s (numba: {AVAILABLE})")

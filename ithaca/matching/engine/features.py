"""The scoring factors as array formulas over a whole pool.

`scoring.py` explains one pair; this module computes the same numbers for
millions of pairs. Each factor answers two questions:

* `pairs(s, h)`: exact float64 values for aligned seeker/helper index arrays,
  computed with the same operations in the same order as the per-pair path so
  totals agree to the last bit (the tests hold them to it);
* `block32(keys, cols, ...)`: weighted float32 rows for the large-pool scan.
  Most factors depend on the seeker only through a few distinct "keys" (a time
  zone, a target role, a preference set), so the scan computes one row per key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse

from . import scoring as sc
from .rules import flatten
from .text import TextIndex, tokens
from .types import (
    FACTORS,
    LEVEL_WEIGHTS,
    PREF_HELPER_IDENTITY,
    PREF_OUTSIDE_DEPARTMENT,
    PREF_SHARED_IDENTITY,
    SCALE,
    BoolArray,
    FloatArray,
    Helper,
    IntArray,
    Program,
    Seeker,
)

Words = npt.NDArray[np.uint64]
Float32 = npt.NDArray[np.float32]
LiveRows = Callable[[IntArray, float], Float32]
NEG_INF = np.float32(-np.inf)


def bit_words(sets: Sequence[Iterable[str]], vocab: dict[str, int]) -> Words:
    """One row of 64-bit words per set, bit i set when vocab item i is present."""
    out = np.zeros((len(sets), max(1, (len(vocab) + 63) // 64)), dtype=np.uint64)
    rows, b = flatten(sets, np.uint64, vocab.__getitem__)
    if b.size:
        col = (b >> np.uint64(6)).astype(np.int64)
        np.bitwise_or.at(out, (rows, col), np.uint64(1) << (b & np.uint64(63)))
    return out


def popcount(words: Words) -> IntArray:
    return np.bitwise_count(words).sum(axis=-1, dtype=np.int64)


def _vocab(sets: Iterable[Iterable[str]]) -> dict[str, int]:
    """Each distinct item, numbered in the order first met."""
    return {item: i for i, item in enumerate(dict.fromkeys(chain.from_iterable(sets)))}


def _keys(columns: npt.NDArray[np.generic], usable: BoolArray) -> tuple[IntArray, IntArray]:
    """Distinct rows among usable seekers: a code per seeker (-1 if unusable), a seeker per key."""
    codes = np.full(columns.shape[0], -1, dtype=np.int64)
    picked = np.flatnonzero(usable)
    if picked.size == 0:
        return codes, picked
    flat = columns[picked].reshape(picked.size, -1)
    nan = flat.dtype.kind == "f" and bool(np.isnan(flat).any())
    if flat.dtype.kind not in "biuf" or nan or flat.shape[1] == 0:
        _, first, inverse = np.unique(flat, axis=0, return_index=True, return_inverse=True)
        codes[picked] = inverse.ravel()
        return codes, picked[first]
    # What np.unique(axis=0) gives (keys in the rows' lexicographic order, each
    # key's first row), by a stable sort of the columns instead of sorting the
    # rows as structured records, which is several times slower.
    order = (
        np.argsort(flat[:, 0], kind="stable") if flat.shape[1] == 1 else np.lexsort(flat.T[::-1])
    )
    ranked = flat[order]
    starts = np.ones(order.size, dtype=bool)
    starts[1:] = np.any(ranked[1:] != ranked[:-1], axis=1)
    codes[picked[order]] = np.cumsum(starts) - 1
    return codes, picked[order[starts]]


def _nan_array(values: Iterable[float | None]) -> FloatArray:
    return np.array([np.nan if v is None else float(v) for v in values], dtype=np.float64)


class TableFactor:
    """Base for factors whose seeker side reduces to distinct keys."""

    name = ""
    codes: IntArray  # per seeker; -1 where the factor does not apply to them
    key_seeker: IntArray  # a representative seeker per key

    @property
    def applicable(self) -> BoolArray:
        return self.codes >= 0

    @property
    def n_keys(self) -> int:
        return int(self.key_seeker.size)

    def values(self, s: IntArray, h: IntArray) -> FloatArray:
        """Values for broadcastable seeker/helper index arrays, ignoring applicability."""
        raise NotImplementedError

    def pairs(self, s: IntArray, h: IntArray) -> FloatArray:
        n_helpers = self.helper_count
        cells = self.n_keys * n_helpers
        if 0 < cells <= MAX_PAIR_TABLE and (self._pair_table is not None or s.size >= cells):
            # Many pairs: each key's values over every helper once, then a lookup.
            # A key stands for seekers whose values are the same, element by element.
            table = self._pair_table
            if table is None:
                table = np.zeros((self.n_keys + 1, n_helpers), dtype=np.float64)
                table[:-1] = self.values(self.key_seeker[:, None], np.arange(n_helpers)[None, :])
                self._pair_table = table
            return table[self.codes[s], h]  # code -1 is the last row, all 0
        return np.where(self.codes[s] >= 0, self.values(s, h), 0.0)

    _pair_table: FloatArray | None = None
    helper_count = 0  # set by factors whose pairs may come from a table

    def rows(self, keys: IntArray, cols: IntArray) -> FloatArray:
        return self.values(self.key_seeker[keys][:, None], cols[None, :])

    def live(self, cols: IntArray) -> LiveRows | None:
        """A faster per-seeker row maker for the scan, for factors with too many keys."""
        parts = self.live_parts(cols)
        return None if parts is None else self.live_rows(parts)

    def live_parts(self, cols: IntArray) -> Any:
        """What `live` works from, over `cols` (None: no live rows for this factor)."""
        return None

    def live_rows(self, parts: Any) -> LiveRows:
        raise NotImplementedError

    def block32(
        self, keys: IntArray, cols: IntArray, weight: float, must_above: float | None
    ) -> Float32:
        rows = self.rows(keys, cols)
        out = (rows * weight).astype(np.float32)
        if must_above is not None:
            out[rows <= must_above] = NEG_INF
        return out


class Timezone(TableFactor):
    name = "timezone_overlap"

    def __init__(self, seekers: Sequence[Seeker], helpers: Sequence[Helper]) -> None:
        self.s_off = _nan_array(s.utc_offset for s in seekers)
        self.h_off = _nan_array(h.utc_offset for h in helpers)
        self.codes, self.key_seeker = _keys(self.s_off, ~np.isnan(self.s_off))
        self.helper_count = len(helpers)

    def values(self, s: IntArray, h: IntArray) -> FloatArray:
        diff = np.abs(self.s_off[s] - self.h_off[h]) % 24.0
        diff = np.minimum(diff, 24.0 - diff)
        value = np.maximum(0.0, sc.WORKING_HOURS - diff) / sc.WORKING_HOURS
        return np.where(np.isnan(value), 0.0, value)


class Experience(TableFactor):
    name = "experience_gap"

    def __init__(self, seekers: Sequence[Seeker], helpers: Sequence[Helper], p: Program) -> None:
        self.direction = sc.experience_direction(p)
        self.sy, self.sg = (
            _nan_array(s.years for s in seekers),
            _nan_array(s.grade for s in seekers),
        )
        self.hy, self.hg = (
            _nan_array(h.years for h in helpers),
            _nan_array(h.grade for h in helpers),
        )
        usable = ~(np.isnan(self.sy) & np.isnan(self.sg))
        key_cols = np.nan_to_num(np.stack([self.sy, self.sg], axis=1), nan=-1e300)
        self.codes, self.key_seeker = _keys(key_cols, usable)
        self.helper_count = len(helpers)

    def values(self, s: IntArray, h: IntArray) -> FloatArray:
        use_grade = ~np.isnan(self.sg[s]) & ~np.isnan(self.hg[h])
        by_grade = (self.hg[h] - self.sg[s]) / sc.GRADE_SPAN
        gap = np.where(use_grade, by_grade, (self.hy[h] - self.sy[s]) / sc.YEARS_SPAN)
        if self.direction == "peer":
            value = np.maximum(0.0, 1.0 - np.abs(gap) / sc.PEER_BAND)
        elif self.direction == "junior":
            value = np.minimum(np.maximum(-gap, 0.0), 1.0)
        else:
            value = np.minimum(np.maximum(gap, 0.0), 1.0)
        return np.where(np.isnan(value), 0.0, value)


class Interests(TableFactor):
    name = "shared_interests"

    def __init__(self, seekers: Sequence[Seeker], helpers: Sequence[Helper]) -> None:
        vocab = _vocab([*(s.interests for s in seekers), *(h.interests for h in helpers)])
        self.sw = bit_words([s.interests for s in seekers], vocab)
        self.hw = bit_words([h.interests for h in helpers], vocab)
        self.sn, self.hn = popcount(self.sw), popcount(self.hw)
        self.codes, self.key_seeker = _keys(self.sw, self.sn > 0)
        self._slots: IntArray | None = None

    def values(self, s: IntArray, h: IntArray) -> FloatArray:
        inter = popcount(self.sw[s] & self.hw[h])
        union = self.sn[s] + self.hn[h] - inter
        return inter / np.maximum(union, 1)

    def live_rows(self, parts: InterestParts) -> LiveRows:
        """Per-seeker float32 rows for the scan, without one row per distinct key.

        Interest sets are nearly unique per seeker, so rows cannot be shared.
        Instead the shared count is summed from one 0/1 byte row per interest
        the seeker lists, then divided by the union size.
        """
        indicator, slots, helper_sizes = parts.indicator, parts.slots, parts.helper_sizes
        small, most = helper_sizes.dtype, slots.shape[1]

        def rows(seekers: IntArray, weight: float) -> Float32:
            chosen = slots[seekers]
            shared = indicator[chosen[:, 0]]
            for j in range(1, most):
                shared += indicator[chosen[:, j]]
            # Seekers without interests get size 1 so their row is 0 / (1 + b) = 0.
            union = np.add.outer(np.maximum(self.sn[seekers], 1).astype(small), helper_sizes)
            union -= shared
            out = shared.astype(np.float32)
            out *= np.float32(weight)
            out /= union
            return out

        return rows

    def live_parts(self, cols: IntArray) -> InterestParts | None:
        """The byte tables `live` works from (the fused scan reads them directly)."""
        most = int(self.sn.max()) if self.sn.size else 0
        if self.sw.shape[1] * 64 > MAX_ONE_HOT or most > MAX_SLOTS or not most:
            return None
        indicator = _indicator(self.hw[cols], self.sw.shape[1] * 64)
        if self._slots is None:  # the same for every language group: made once
            self._slots = _slots(self.sw, most, indicator.shape[0] - 1)
        slots = self._slots
        # Counts stay whole numbers in the smallest integer type that holds the
        # largest union, and become float32 only once, for the division.
        small = np.uint8 if most + int(self.hn.max(initial=0)) <= 255 else np.uint16
        return InterestParts(indicator, slots, self.hn[cols].astype(small))


@dataclass(frozen=True, eq=False)
class InterestParts:
    """Shared interests over a fixed list of helpers, as byte tables."""

    indicator: npt.NDArray[np.uint8]  # one 0/1 row per interest (helpers along), plus a zero row
    slots: IntArray  # per seeker: the indicator rows of their interests, padded with the zero row
    helper_sizes: npt.NDArray[np.unsignedinteger]  # each helper's number of interests


MAX_SLOTS = 12
MAX_PAIR_TABLE = 4_000_000  # float64 cells (32 MB) for walked-the-path values of a whole pool
MAX_ONE_HOT = 1024
MAX_IDENTITY_SETS = 256


def _one_hot(words: Words) -> Float32:
    bits = np.unpackbits(words.view(np.uint8), axis=1, bitorder="little")
    return bits.astype(np.float32)


def _slots(words: Words, most: int, empty: int) -> IntArray:
    """Each row's set bits as indices, padded with `empty` (an all-zero row)."""
    bits = _one_hot(words)[:, :empty].astype(bool)
    slots = np.full((bits.shape[0], max(most, 1)), empty, dtype=np.int64)
    rows, cols = np.nonzero(bits)
    first = np.searchsorted(rows, np.arange(bits.shape[0]))
    slots[rows, np.arange(rows.size) - first[rows]] = cols
    return slots


def _indicator(words: Words, n_bits: int) -> npt.NDArray[np.uint8]:
    """One 0/1 byte row per bit (helpers along the columns), plus a final zero row."""
    out = np.zeros((n_bits + 1, words.shape[0]), dtype=np.uint8)
    out[:-1] = _one_hot(words)[:, :n_bits].T
    return out


class Preferences(TableFactor):
    name = "preferences"

    def __init__(self, seekers: Sequence[Seeker], helpers: Sequence[Helper]) -> None:
        keys = [sc.known_preferences(s) for s in seekers]
        prefix = PREF_HELPER_IDENTITY
        wanted = [[k.removeprefix(prefix) for k in ks if k.startswith(prefix)] for ks in keys]
        vocab = _vocab(
            [*(s.identities for s in seekers), *(h.identities for h in helpers), *wanted]
        )
        all_depts = (*(s.department for s in seekers), *(h.department for h in helpers))
        depts = _vocab([d] for d in all_depts if d)
        self.out = np.array([PREF_OUTSIDE_DEPARTMENT in k for k in keys], dtype=bool)
        self.shared = np.array([PREF_SHARED_IDENTITY in k for k in keys], dtype=bool)
        self.sd = np.array([depts.get(s.department, -1) for s in seekers], dtype=np.int64)
        self.hd = np.array([depts.get(h.department, -1) for h in helpers], dtype=np.int64)
        self.sid = bit_words([s.identities for s in seekers], vocab)
        self.hid = bit_words([h.identities for h in helpers], vocab)
        self.want = bit_words(wanted, vocab)
        self.known = self.out.astype(np.int64) + self.shared + popcount(self.want)
        key_cols = np.concatenate(
            [
                np.stack([self.out, self.shared, np.where(self.out, self.sd, -1)], axis=1),
                np.where(self.shared[:, None], self.sid, 0).view(np.int64),
                self.want.view(np.int64),
            ],
            axis=1,
        )
        self.codes, self.key_seeker = _keys(key_cols, self.known > 0)
        self._seeker_side: tuple[Words, IntArray, IntArray] | tuple[()] | None = None

    def values(self, s: IntArray, h: IntArray) -> FloatArray:
        sd, hd = self.sd[s], self.hd[h]
        met = (self.out[s] & (sd >= 0) & (hd >= 0) & (sd != hd)).astype(np.int64)
        hid = self.hid[h]
        met += self.shared[s] & np.any((self.sid[s] & hid) != 0, axis=-1)
        met += popcount(self.want[s] & hid)
        known = self.known[s]
        return np.where(known > 0, met / np.maximum(known, 1), 0.0)

    def _met(self, keys: IntArray, cols: IntArray) -> npt.NDArray[np.uint8]:
        """How many of each key's preferences each helper meets, one part at a time.

        Splitting by preference kind keeps each part's table tiny (a handful of
        departments or identity sets) however many distinct keys there are.
        """
        seeker = self.key_seeker[keys]
        met = np.zeros((keys.size, cols.size), dtype=np.uint8)
        hd, hid = self.hd[cols], self.hid[cols]
        out = self.out[seeker]
        if out.any():
            depts, inv = np.unique(self.sd[seeker[out]], return_inverse=True)
            part = (depts[:, None] >= 0) & (hd[None, :] >= 0) & (depts[:, None] != hd[None, :])
            met[out] += part[inv.ravel()]
        shared = self.shared[seeker]
        if shared.any():
            ids, inv = np.unique(self.sid[seeker[shared]], axis=0, return_inverse=True)
            part = np.any((ids[:, None, :] & hid[None, :, :]) != 0, axis=-1)
            met[shared] += part[inv.ravel()]
        want = self.want[seeker]
        wanting = popcount(want) > 0
        if wanting.any():
            wants, inv = np.unique(want[wanting], axis=0, return_inverse=True)
            counts = popcount(wants[:, None, :] & hid[None, :, :]).astype(np.uint8)
            met[wanting] += counts[inv.ravel()]
        return met

    def live_rows(self, parts: PreferenceParts) -> LiveRows:
        """Per-seeker float32 rows built from three small 0/1 tables.

        Preference sets combine departments, identities and wishes into many
        distinct keys, but each part alone has only a handful of values, so a
        seeker's row is the sum of one department row, one identity row and
        one row per identity asked for.
        """
        dept, dept_row, ident, ident_row = parts.dept, parts.dept_row, parts.ident, parts.ident_row
        tags, wish = parts.tags, parts.wish

        def rows(seekers: IntArray, weight: float) -> Float32:
            met = dept[dept_row[seekers]] + ident[ident_row[seekers]]
            for j in range(wish.shape[1]):
                met += tags[wish[seekers, j]]
            out = met.astype(np.float32)
            out *= self.row_factors(seekers, weight)[:, None]
            return out

        return rows

    def row_factors(self, seekers: IntArray, weight: float) -> Float32:
        """Each seeker's weight per preference met, as the scan multiplies by it."""
        return (weight / np.maximum(self.known[seekers], 1)).astype(np.float32)

    def live_parts(self, cols: IntArray) -> PreferenceParts | None:
        """The byte tables `live` works from (the fused scan reads them directly)."""
        if self._seeker_side is None:  # the same for every language group: made once
            ids, id_of = np.unique(self.sid, axis=0, return_inverse=True)
            most = int(popcount(self.want).max(initial=0))
            if ids.shape[0] > MAX_IDENTITY_SETS or most > MAX_SLOTS:
                self._seeker_side = ()
            else:
                n_bits = self.hid.shape[1] * 64
                wish = _slots(self.want, most, n_bits)[:, :most]
                self._seeker_side = (ids, id_of.ravel(), wish)
        if not self._seeker_side:
            return None
        ids, id_of, wish = self._seeker_side
        hd, hid = self.hd[cols], self.hid[cols]
        n_dept = int(max(self.sd.max(initial=-1), self.hd.max(initial=-1))) + 1
        dept = np.zeros((n_dept + 1, cols.size), dtype=np.uint8)
        dept[:-1] = (hd[None, :] >= 0) & (hd[None, :] != np.arange(n_dept)[:, None])
        ident = np.zeros((ids.shape[0] + 1, cols.size), dtype=np.uint8)
        ident[:-1] = np.any((ids[:, None, :] & hid[None, :, :]) != 0, axis=-1)
        return PreferenceParts(
            dept=dept,
            dept_row=np.where(self.out & (self.sd >= 0), self.sd, n_dept),
            ident=ident,
            ident_row=np.where(self.shared, id_of, ids.shape[0]),
            tags=_indicator(hid, hid.shape[1] * 64),
            wish=wish,
        )

    def rows(self, keys: IntArray, cols: IntArray) -> FloatArray:
        known = self.known[self.key_seeker[keys]]
        return self._met(keys, cols).astype(np.int64) / known[:, None]

    def block32(
        self, keys: IntArray, cols: IntArray, weight: float, must_above: float | None
    ) -> Float32:
        if must_above is not None:
            return super().block32(keys, cols, weight, must_above)
        out = self._met(keys, cols).astype(np.float32)
        out *= (weight / self.known[self.key_seeker[keys]]).astype(np.float32)[:, None]
        return out


@dataclass(frozen=True, eq=False)
class PreferenceParts:
    """Preferences met over a fixed list of helpers, as byte tables (helpers along)."""

    dept: npt.NDArray[np.uint8]  # per department: helpers in another one; last row zero
    dept_row: IntArray  # per seeker: their department's row, or the zero row
    ident: npt.NDArray[np.uint8]  # per identity set: helpers sharing one; last row zero
    ident_row: IntArray  # per seeker
    tags: npt.NDArray[np.uint8]  # per identity: helpers who have it; last row zero
    wish: IntArray  # per seeker: the tag rows of identities asked for, padded with the zero row


class WalkedThePath(TableFactor):
    name = "walked_the_path"

    def __init__(self, seekers: Sequence[Seeker], helpers: Sequence[Helper]) -> None:
        # Job titles repeat across an organisation: tokenise each distinct one once.
        memo: dict[str, frozenset[str]] = {}

        def words(text: str) -> frozenset[str]:
            found = memo.get(text)
            if found is None:
                found = memo[text] = frozenset(tokens(text))
            return found

        targets = [words(s.target) for s in seekers]
        entries = [[words(e) for e in (*h.roles, *h.transitions)] for h in helpers]
        flat = [e for per_helper in entries for e in per_helper]
        vocab = _vocab([*targets, *flat])
        key_of: dict[frozenset[str], int] = {}
        self.codes = np.array(
            [key_of.setdefault(t, len(key_of)) if t else -1 for t in targets], dtype=np.int64
        )
        self.key_tokens = _binary_csr(list(key_of), vocab)
        self.key_len = np.array([len(t) for t in key_of], dtype=np.float64)
        self.entry_tokens = _binary_csr(flat, vocab)
        self.entry_count = np.array([len(e) for e in entries], dtype=np.int64)
        self.entry_start = np.concatenate([[0], np.cumsum(self.entry_count)])
        self._cache: tuple[IntArray, sparse.csr_matrix, IntArray, BoolArray] | None = None
        self._table: FloatArray | None = None

    def _entries_of(self, cols: IntArray) -> tuple[sparse.csr_matrix, IntArray, BoolArray]:
        cache = self._cache  # read once: the scan's threads may replace it meanwhile
        if cache is not None and cache[0] is cols:
            return cache[1], cache[2], cache[3]
        counts = self.entry_count[cols]
        starts = self.entry_start[cols]
        offsets = np.cumsum(counts) - counts
        ids = np.repeat(starts - offsets, counts) + np.arange(int(counts.sum()))
        transposed = self.entry_tokens[ids].T.tocsr()
        self._cache = (cols, transposed, offsets, counts > 0)
        return transposed, offsets, counts > 0

    def rows(self, keys: IntArray, cols: IntArray) -> FloatArray:
        transposed, offsets, has = self._entries_of(cols)
        best = np.zeros((keys.size, cols.size), dtype=np.float64)
        if transposed.shape[1] and keys.size:
            counts = (self.key_tokens[keys] @ transposed).toarray()
            best[:, has] = np.maximum.reduceat(counts, offsets[has], axis=1)
        return best / self.key_len[keys][:, None]

    def pairs(self, s: IntArray, h: IntArray) -> FloatArray:
        cells = self.n_keys * self.entry_count.size
        if cells <= MAX_PAIR_TABLE and (self._table is not None or s.size >= self.n_keys):
            # Many pairs: one row per key over every helper, then a lookup. Each
            # value is the same division of the same whole-number counts as below.
            table = self._table
            if table is None:
                table = np.zeros((self.n_keys + 1, self.entry_count.size), dtype=np.float64)
                helpers = np.arange(self.entry_count.size)
                for lo in range(0, self.n_keys, 64):
                    keys = np.arange(lo, min(lo + 64, self.n_keys))
                    table[lo : lo + keys.size] = self.rows(keys, helpers)
                self._table = table
            return table[self.codes[s], h]  # code -1 is the last row, all 0
        out = np.zeros(s.size, dtype=np.float64)
        codes = self.codes[s]
        order = np.argsort(codes, kind="stable")
        bounds = np.searchsorted(codes[order], np.arange(-1, self.n_keys + 1))
        chunk = 16
        for lo in range(0, self.n_keys, chunk):
            sel = order[bounds[lo + 1] : bounds[min(lo + chunk, self.n_keys) + 1]]
            if sel.size == 0:
                continue
            cols, inverse = np.unique(h[sel], return_inverse=True)
            keys, key_pos = np.unique(codes[sel], return_inverse=True)
            out[sel] = self.rows(keys, cols)[key_pos, inverse]
        return out

    @property
    def n_keys(self) -> int:
        return int(self.key_len.size)


def _binary_csr(sets: Sequence[frozenset[str]], vocab: dict[str, int]) -> sparse.csr_matrix:
    indptr = np.zeros(len(sets) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(s) for s in sets])
    indices = np.fromiter((vocab[t] for s in sets for t in sorted(s)), np.int32, int(indptr[-1]))
    data = np.ones(indices.size, dtype=np.float64)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(sets), max(len(vocab), 1)))


class NeedText:
    """need_similarity: cosine of text vectors; not keyed, computed per seeker."""

    name = "need_similarity"

    def __init__(
        self, seekers: Sequence[Seeker], helpers: Sequence[Helper], text: TextIndex
    ) -> None:
        self.text = text
        self.s_row = np.array([text.seeker_row(s.id) for s in seekers], dtype=np.int64)
        self.h_row = np.array([text.helper_row(h.id) for h in helpers], dtype=np.int64)
        self.applicable = text.seeker_has_text(self.s_row)

    def pairs(self, s: IntArray, h: IntArray) -> FloatArray:
        return self.text.pair_similarities(self.s_row[s], self.h_row[h])


def factor_table(
    name: str,
    seekers: Sequence[Seeker],
    helpers: Sequence[Helper],
    program: Program,
    text: TextIndex,
) -> TableFactor | NeedText:
    """The array form of the factor ``name`` (one of `FACTORS`) over these people."""
    if name == "walked_the_path":
        return WalkedThePath(seekers, helpers)
    if name == "experience_gap":
        return Experience(seekers, helpers, program)
    if name == "need_similarity":
        return NeedText(seekers, helpers, text)
    if name == "shared_interests":
        return Interests(seekers, helpers)
    if name == "timezone_overlap":
        return Timezone(seekers, helpers)
    if name == "preferences":
        return Preferences(seekers, helpers)
    raise KeyError(name)


class PoolFeatures:
    """Every active factor of a pool plus the per-seeker weight sums that normalise totals."""

    def __init__(
        self,
        seekers: Sequence[Seeker],
        helpers: Sequence[Helper],
        program: Program,
        text: TextIndex,
    ) -> None:
        self.program = program
        self.levels = sc.levels_for(program)
        self.weights = {f: float(LEVEL_WEIGHTS[self.levels[f]]) for f in FACTORS}
        self.factors: dict[str, TableFactor | NeedText] = {
            f: factor_table(f, seekers, helpers, program, text)
            for f in FACTORS
            if self.weights[f] > 0
        }
        self.weight_sum = np.zeros(len(seekers), dtype=np.float64)
        for f, factor in self.factors.items():
            self.weight_sum += self.weights[f] * factor.applicable

    def must_above(self, factor: str) -> float | None:
        return self.program.must_above if self.levels[factor] == "must" else None

    def score_pairs(self, s: IntArray, h: IntArray) -> tuple[IntArray, BoolArray]:
        """Integer-scaled totals and whether each pair clears every must-have factor."""
        acc = np.zeros(s.size, dtype=np.float64)
        must_ok = np.ones(s.size, dtype=bool)
        for f, factor in self.factors.items():
            value = factor.pairs(s, h)
            acc += self.weights[f] * value
            threshold = self.must_above(f)
            if threshold is not None:
                must_ok &= ~(factor.applicable[s] & (value <= threshold))
        weight = self.weight_sum[s]
        total = np.divide(acc * 100.0, weight, out=np.zeros_like(acc), where=weight > 0)
        return np.rint(total * SCALE).astype(np.int64), must_ok

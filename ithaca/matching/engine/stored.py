"""What a round keeps of each pair it makes: its factors' numbers, not their sentences.

Writing every factor's sentence for every pair was most of what a
100,000-seeker round spent after solving (about 60 microseconds a pair of
plain Python). A pair is explained when someone reads it instead
(`scoring.breakdown_from_values`), from the numbers worked out here for all
pairs at once with the array formulas of `features.py`, which give the same
values as the per-pair path to the last bit. Only the text similarity needs
the whole pool (its TF-IDF is fitted on everyone waiting), so its value and
the shared words behind it are kept with the pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .features import factor_table
from .scoring import levels_for
from .text import TextIndex
from .types import (
    FACTORS,
    LEVEL_WEIGHTS,
    BoolArray,
    FloatArray,
    Helper,
    IntArray,
    Program,
    Seeker,
)


@dataclass(frozen=True)
class PairValues:
    """Each pair's factor values (a row per pair, a column per factor in `FACTORS` order)."""

    levels: dict[str, str]
    values: FloatArray  # 0.0 where the factor does not apply
    applicable: BoolArray
    totals: FloatArray  # the score out of 100, as `score_pair` adds it up
    words: list[list[str]]  # the words behind each pair's text similarity

    def stored(self) -> list[list[float | None]]:
        """Each pair's values as kept: None where a factor does not apply."""
        rows: list[list[float | None]] = self.values.tolist()
        for i, j in zip(*np.nonzero(~self.applicable), strict=True):
            rows[i][j] = None
        return rows


class PoolTables:
    """Every factor's array form over a whole pool, for `pair_values` of any of its pairs.

    A factor's value for a pair does not depend on who else the tables were
    built over (the scan's exact scores rely on the same), so a round builds
    these while the flow solves, before it knows its pairs (`rounds.solve_pool`).
    """

    def __init__(
        self,
        seekers: Sequence[Seeker],
        helpers: Sequence[Helper],
        program: Program,
        text: TextIndex,
    ) -> None:
        self.program, self.text = program, text
        self.seeker_at = {s.id: i for i, s in enumerate(seekers)}
        self.helper_at = {h.id: j for j, h in enumerate(helpers)}
        self.factors = {f: factor_table(f, seekers, helpers, program, text) for f in FACTORS}

    def indices(self, pairs: Sequence[tuple[Seeker, Helper]]) -> tuple[IntArray, IntArray]:
        """Each pair's seeker and helper as rows of the tables."""
        seeker_at, helper_at = self.seeker_at, self.helper_at
        s_idx = np.fromiter((seeker_at[s.id] for s, _ in pairs), np.int64, len(pairs))
        h_idx = np.fromiter((helper_at[h.id] for _, h in pairs), np.int64, len(pairs))
        return s_idx, h_idx


def pair_values(
    pairs: Sequence[tuple[Seeker, Helper]],
    program: Program,
    text: TextIndex,
    tables: PoolTables | None = None,
) -> PairValues:
    """Every factor of many pairs at once: the numbers `score_pair` gives, without words.

    `tables`, built over a pool holding every pair's people with the same
    program and text index, spares building them for these pairs' people.
    """
    if tables is None:
        tables, s_idx, h_idx = _own_tables(pairs, program, text)
    elif tables.program is not program or tables.text is not text:
        raise ValueError("these tables were built for another program or text index")
    else:
        s_idx, h_idx = tables.indices(pairs)
    n = len(pairs)
    values = np.zeros((n, len(FACTORS)), dtype=np.float64)
    applicable = np.zeros((n, len(FACTORS)), dtype=bool)
    levels = levels_for(program)
    acc = np.zeros(n, dtype=np.float64)
    weight = np.zeros(n, dtype=np.int64)
    for j, f in enumerate(FACTORS):
        factor = tables.factors[f]
        ok = np.asarray(factor.applicable)[s_idx]
        value = np.where(ok, factor.pairs(s_idx, h_idx), 0.0) if n else values[:, j]
        values[:, j], applicable[:, j] = value, ok
        w = LEVEL_WEIGHTS[levels[f]]
        if w:
            # The per-pair sum in the same order; adding 0.0 for a factor that does
            # not apply leaves it unchanged, so totals agree to the last bit.
            acc += w * value
            weight += w * ok
    totals = np.divide(acc * 100.0, weight, out=np.zeros(n), where=weight > 0)
    return PairValues(
        levels=dict(levels),
        values=values,
        applicable=applicable,
        totals=totals,
        words=_shared_words(pairs, values[:, FACTORS.index("need_similarity")], text),
    )


def _own_tables(
    pairs: Sequence[tuple[Seeker, Helper]], program: Program, text: TextIndex
) -> tuple[PoolTables, IntArray, IntArray]:
    """Tables over the pairs' own people (each once), and each pair's rows in them."""
    seekers: dict[int, int] = {}
    helpers: dict[int, int] = {}
    s_list: list[Seeker] = []
    h_list: list[Helper] = []
    s_idx = np.empty(len(pairs), dtype=np.int64)
    h_idx = np.empty(len(pairs), dtype=np.int64)
    for i, (seeker, helper) in enumerate(pairs):
        at = seekers.get(seeker.id)
        if at is None:
            at = seekers[seeker.id] = len(s_list)
            s_list.append(seeker)
        s_idx[i] = at
        at = helpers.get(helper.id)
        if at is None:
            at = helpers[helper.id] = len(h_list)
            h_list.append(helper)
        h_idx[i] = at
    return PoolTables(s_list, h_list, program, text), s_idx, h_idx


def _shared_words(
    pairs: Sequence[tuple[Seeker, Helper]], similarity: FloatArray, text: TextIndex
) -> list[list[str]]:
    """`TextIndex.shared_terms` of each pair whose texts are at all alike (the rest: none)."""
    out: list[list[str]] = [[] for _ in pairs]
    if not text.is_sparse or not text.vocabulary:
        return out
    for i in np.flatnonzero(similarity > 0.0).tolist():
        seeker, helper = pairs[i]
        out[i] = text.shared_terms(seeker.id, helper.id)
    return out

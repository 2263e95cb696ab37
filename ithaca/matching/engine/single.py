"""One person against a whole pool: the array path behind candidate lists and offers.

`rank_candidates` explains one seeker against each helper pair by pair, which
is fine for hundreds of helpers but took seconds for thousands. `PoolIndex`
prepares a pool once (text vectors, factor tables, the person-by-person
exclusions, language groups) so that one seeker is scored against every
helper, or one helper against every seeker, with array formulas that give the
same integer scores as `score_pair` (both use `features.PoolFeatures`). Callers
explain only the people they show, with `score_pair` and `check_rules`.

Capacity is the one input that changes with every proposal, so it is not
baked in: callers pass each helper's free places as they are now.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from . import rules
from .features import PoolFeatures
from .text import TextIndex, tfidf_index
from .types import BoolArray, Helper, IntArray, Program, Seeker


class PoolIndex:
    """A pool prepared for ranking one person against everyone on the other side."""

    def __init__(
        self,
        seekers: Sequence[Seeker],
        helpers: Sequence[Helper],
        program: Program,
        text: TextIndex | None = None,
    ) -> None:
        self.seekers, self.helpers, self.program = tuple(seekers), tuple(helpers), program
        self.text = text if text is not None else tfidf_index(self.seekers, self.helpers)
        self.features = PoolFeatures(self.seekers, self.helpers, program, self.text)
        self.seeker_at = {s.id: i for i, s in enumerate(self.seekers)}
        self.helper_at = {h.id: j for j, h in enumerate(self.helpers)}
        self.seeker_ok = rules.seeker_mask(self.seekers, program)
        # Every helper-only rule but free places, which callers pass in fresh.
        self.helper_ok = rules.helper_mask([replace(h, capacity=1) for h in self.helpers], program)
        self.group_of, groups = rules.language_groups(self.seekers, self.helpers)
        self.speaks = np.zeros((len(groups), len(self.helpers)), dtype=bool)
        for g, members in enumerate(groups):
            self.speaks[g, members] = True
        # Unique pairs, sorted by seeker index (they come from sorted keys).
        self.ex_s, self.ex_h = rules.excluded_pairs(self.seekers, self.helpers, program)

    def helpers_for(self, seeker: int, free: IntArray) -> tuple[IntArray, IntArray]:
        """Allowed helper indices for one seeker, best first, with integer-scaled scores.

        `free` holds each helper's free places now. Ties keep the helpers' order,
        and pairs failing a must-have factor are left out, as in `rank_candidates`.
        """
        if not self.seeker_ok[seeker]:
            return _none(), _none()
        allowed = self.helper_ok & (free > 0) & self.speaks[self.group_of[seeker]]
        lo, hi = np.searchsorted(self.ex_s, [seeker, seeker + 1])
        allowed[self.ex_h[lo:hi]] = False
        cols = np.flatnonzero(allowed)
        rows = np.full(cols.size, seeker, dtype=np.int64)
        return _best_first(cols, *self.features.score_pairs(rows, cols))

    def seekers_for(self, helper: int, wanted: BoolArray) -> tuple[IntArray, IntArray]:
        """Allowed seeker indices among `wanted` for one helper, best first, with scores.

        The helper's free places are the caller's to check (none means nobody).
        """
        if not self.helper_ok[helper]:
            return _none(), _none()
        allowed = self.seeker_ok & wanted & self.speaks[self.group_of, helper]
        allowed[self.ex_s[self.ex_h == helper]] = False
        rows = np.flatnonzero(allowed)
        cols = np.full(rows.size, helper, dtype=np.int64)
        return _best_first(rows, *self.features.score_pairs(rows, cols))


def _none() -> IntArray:
    return np.zeros(0, dtype=np.int64)


def _best_first(people: IntArray, score: IntArray, ok: BoolArray) -> tuple[IntArray, IntArray]:
    people, score = people[ok], score[ok]
    order = np.lexsort((people, -score))
    return people[order], score[order]

"""What a round stores of each pair: the numbers `score_pair` gives, and its breakdown again."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ithaca.matching.engine import FACTORS, score_pair, tfidf_index
from ithaca.matching.engine.phrase import Phrase
from ithaca.matching.engine.scoring import breakdown_from_values
from ithaca.matching.engine.stored import PoolTables, pair_values
from ithaca.matching.engine.synthetic import random_pool, random_program


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    n_seekers=st.integers(1, 10),
    n_helpers=st.integers(1, 8),
    vectors=st.booleans(),
)
def test_stored_numbers_are_score_pairs_own_and_give_its_breakdown_back(
    seed, n_seekers, n_helpers, vectors
):
    """Every factor's value, whether it applies, the total and the shared words, for all
    pairs at once, to the last bit; and the breakdown rebuilt from them (through JSON,
    as the database keeps them) without the text index is `score_pair`'s."""
    pool = random_pool(
        seed, n_seekers, n_helpers, program=random_program(seed), vector_dim=3 * vectors
    )
    text = pool.vectors or tfidf_index(pool.seekers, pool.helpers)
    pairs = [(s, h) for s in pool.seekers for h in pool.helpers if s.id != h.id]
    found = pair_values(pairs, pool.program, text)
    stored = json.loads(json.dumps(found.stored()))
    for i, (seeker, helper) in enumerate(pairs):
        breakdown = score_pair(seeker, helper, pool.program, text)
        factors = {f.factor: f for f in breakdown.factors}
        assert found.levels == {f: factors[f].level for f in FACTORS}
        assert found.values[i].tolist() == [factors[f].value for f in FACTORS]
        assert found.applicable[i].tolist() == [factors[f].applicable for f in FACTORS]
        assert found.totals[i] == breakdown.total
        again = breakdown_from_values(
            seeker, helper, pool.program, found.levels, stored[i], found.words[i]
        )
        assert again == breakdown
        assert [_data(f.explanation) for f in again.factors] == [
            _data(f.explanation) for f in breakdown.factors
        ]


def _data(said: str) -> object:
    """A sentence's template and values (a Phrase), which `==` on text does not compare."""
    return said.as_data() if isinstance(said, Phrase) else said


@settings(max_examples=30, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    n_seekers=st.integers(1, 12),
    n_helpers=st.integers(1, 8),
    vectors=st.booleans(),
)
def test_a_pools_tables_give_each_pair_the_numbers_its_own_people_give(
    seed, n_seekers, n_helpers, vectors
):
    """A round builds the factor tables over its whole pool while it solves; the pairs it
    then stores read the same values, applicability, totals and words from them, to the
    last bit, as from tables over the pairs' own people."""
    pool = random_pool(
        seed, n_seekers, n_helpers, program=random_program(seed), vector_dim=3 * vectors
    )
    text = pool.vectors or tfidf_index(pool.seekers, pool.helpers)
    rng = random.Random(seed)
    pairs = [(s, h) for s in pool.seekers for h in pool.helpers if s.id != h.id]
    pairs = rng.sample(pairs, k=rng.randint(0, len(pairs)))
    tables = PoolTables(pool.seekers, pool.helpers, pool.program, text)
    own, from_pool = (
        pair_values(pairs, pool.program, text),
        pair_values(pairs, pool.program, text, tables),
    )
    assert from_pool.levels == own.levels
    assert from_pool.values.tobytes() == own.values.tobytes()
    assert from_pool.applicable.tolist() == own.applicable.tolist()
    assert from_pool.totals.tobytes() == own.totals.tobytes()
    assert from_pool.words == own.words


def test_tables_of_another_program_are_refused() -> None:
    pool = random_pool(3, 4, 3, vector_dim=3)
    tables = PoolTables(pool.seekers, pool.helpers, pool.program, pool.vectors)
    other = random_program(4)
    with pytest.raises(ValueError, match="another program"):
        pair_values([(pool.seekers[0], pool.helpers[0])], other, pool.vectors, tables)

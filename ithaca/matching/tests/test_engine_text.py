"""Text similarity: tokens, TF-IDF and precomputed vectors."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ithaca.matching.engine import Helper, Seeker, tfidf_index, tokens, vector_index


def test_it_keeps_content_words_lower_cased_without_plurals():
    assert tokens("I want help with Managers and the Budgets!") == ["manager", "budget"]
    assert tokens("business stress") == ["business", "stress"]


def pool(need: str, *expertise: str) -> tuple[list[Seeker], list[Helper]]:
    seekers = [Seeker(id=1, name="Sam", need=need)]
    helpers = [Helper(id=10 + i, name=f"H{i}", expertise=e) for i, e in enumerate(expertise)]
    return seekers, helpers


def sims(index, n_helpers: int) -> np.ndarray:
    rows = np.zeros(n_helpers, dtype=np.int64)
    return index.pair_similarities(rows, np.arange(n_helpers, dtype=np.int64))


def test_it_scores_identical_texts_1_and_unrelated_texts_0():
    seekers, helpers = pool("delegation feedback", "delegation feedback", "spreadsheets", "")

    assert sims(tfidf_index(seekers, helpers), 3) == pytest.approx([1.0, 0.0, 0.0])


def test_it_names_the_words_two_texts_share():
    seekers, helpers = pool("delegation and difficult feedback", "feedback, delegation, budgets")

    assert sorted(tfidf_index(seekers, helpers).shared_terms(1, 10)) == ["delegation", "feedback"]


def test_it_normalises_vectors_and_clips_opposites_to_zero():
    index = vector_index([1, 2], [[3.0, 4.0], [0.0, 0.0]], [10, 11], [[6.0, 8.0], [-3.0, -4.0]])

    assert index.pair_similarities(np.array([0, 0]), np.array([0, 1])) == pytest.approx([1.0, 0.0])
    assert list(index.seeker_has_text(np.array([0, 1]))) == [True, False]
    assert index.shared_terms(1, 10) == []


def test_it_treats_unknown_people_as_having_no_text():
    index = vector_index([1], [[1.0, 0.0]], [10], [[1.0, 0.0]])

    assert index.seeker_row(99) == -1
    assert index.pair_similarities(np.array([-1]), np.array([0])) == pytest.approx([0.0])


VOCABULARY = ["team", "lead", "budget", "hiring", "feedback", "python", "teaching"]
words = st.lists(st.sampled_from(VOCABULARY), max_size=6)


@settings(max_examples=50, deadline=None)
@given(
    needs=st.lists(st.builds(" ".join, words), min_size=1, max_size=4),
    offers=st.lists(st.builds(" ".join, words), min_size=1, max_size=4),
)
def test_it_gives_the_same_similarity_one_pair_at_a_time_or_all_at_once(needs, offers):
    seekers = [Seeker(id=i, name=str(i), need=n) for i, n in enumerate(needs)]
    helpers = [Helper(id=100 + j, name=str(j), expertise=o) for j, o in enumerate(offers)]
    index = tfidf_index(seekers, helpers)
    s, h = np.divmod(np.arange(len(needs) * len(offers)), len(offers))

    together = index.pair_similarities(s, h)
    apart = [index.pair_similarities(s[i : i + 1], h[i : i + 1])[0] for i in range(s.size)]

    assert list(together) == apart
    assert np.all((together >= 0.0) & (together <= 1.0))
    assert np.allclose(
        index.block(s[:1], index.helper_side(h[: len(offers)]))[0],
        together[: len(offers)],
        atol=1e-6,
    )


def test_one_sparse_pair_is_bit_identical_to_the_same_pair_in_a_batch():
    """Explanations read a pair alone (fast path); rounds read them by the million."""
    from ithaca.matching.engine.synthetic import random_pool, random_program

    for seed in range(5):
        pool = random_pool(seed, 30, 20, program=random_program(seed))
        index = tfidf_index(pool.seekers, pool.helpers)
        rows = np.repeat(np.arange(-1, 30), 21), np.tile(np.arange(-1, 20), 31)
        together = index.pair_similarities(*rows)
        alone = [index.pair_similarities(s[None], h[None])[0] for s, h in zip(*rows, strict=True)]
        assert np.array_equal(np.array(alone), together)
        assert together.max() > 0  # some pairs share words, so the check is not vacuous

"""The third-party reader's words: hashed n-grams, the same at training and at run time."""

from __future__ import annotations

import math

import numpy as np
import pytest

from ithaca.intake.triage import semantic, train, words

pytestmark = pytest.mark.skipif(not semantic.available(), reason="semantic reader not installed")


def test_words_pairs_and_triples_are_counted_once() -> None:
    assert words.tokens("She\u2019ll attend, OK? She'll") == [
        "she'll",
        "attend",
        ",",
        "ok",
        "?",
        "she'll",
    ]
    slots = words.ngram_slots("go go go")
    # "go", "go go", "go go go": three n-grams, each once.
    assert len(slots) == 3
    assert slots == sorted(slots)
    assert all(0 <= s < words.BUCKETS for s in slots)
    assert words.ngram_slots("!!!") == words.ngram_slots("!!!")  # stable across calls
    assert words.ngram_slots("") == []


def test_the_run_time_probability_is_the_trained_model_on_the_training_features() -> None:
    text = "Could one of your coaches take my new deputy on? She'll start in May."
    trained = semantic._trained()["third_party"]
    assert trained["words"]["buckets"] == words.BUCKETS
    _, _, word_weights = semantic._third_party_model()
    features = train.third_party_features(semantic.embed([text]), [text]).toarray()[0]
    dim = len(trained["weights"])
    # The stored word weights carry the training scale; the features carry it too.
    full = np.concatenate([np.asarray(trained["weights"]), word_weights / train.WORDS_SCALE])
    expected = 1 / (1 + math.exp(-(float(features @ full) + trained["bias"])))

    assert dim == 512
    assert semantic.third_party_probability(text) == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize(
    ("theirs", "mine"),
    [
        (
            "I need my supervisors to become more assertive with the night crew.",
            "I need to become more assertive with my supervisors and the night crew.",
        ),
        (
            "Nous voulons que nos chefs d'équipe apprennent à mieux déléguer.",
            "Je veux apprendre à mieux déléguer à mes chefs d'équipe.",
        ),
    ],
)
def test_who_is_to_change_moves_the_reader(theirs: str, mine: str) -> None:
    heard_theirs = semantic.third_party_probability(theirs)
    heard_mine = semantic.third_party_probability(mine)

    assert heard_theirs is not None and heard_mine is not None
    assert heard_theirs > 2 * heard_mine

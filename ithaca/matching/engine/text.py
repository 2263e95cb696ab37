"""Text similarity between what a seeker asks for and what a helper offers.

The default is TF-IDF cosine over word tokens, with no model to download.
`vector_index` accepts precomputed vectors instead (for example sentence
embeddings made elsewhere), so a semantic model can be swapped in without
touching scoring. Both kinds answer the same three questions: similarity of
given pairs, a dense block for the large-pool scan, and the shared words
behind a score.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

import numpy as np
import numpy.typing as npt
from scipy import sparse

from .types import FloatArray, Helper, Seeker

_STOPWORD_TEXT = """a about above after again all also am an and any are as at be been being
    below between both but by can could did do does doing down during each few for
    from further get had has have having he her here hers him his how i if in into
    is it its itself just me more most my myself no nor not now of off on once only
    or other our ours out over own same she should so some such than that the their
    them then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your yours
    want wants like really help getting"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_WORD = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    """Lower-case word tokens without stopwords, with a light plural strip.

    The plural strip is deliberately crude ("managers" -> "manager"): it only
    has to make the same word match itself on both sides.
    """
    out = []
    for word in _WORD.findall(text.casefold()):
        if word in STOPWORDS:
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        out.append(word)
    return out


# A SciPy CSR matrix (TF-IDF) or a dense float64 array (vectors); SciPy's sparse
# types are too loose for mypy to narrow between the two, hence Any.
Matrix: TypeAlias = Any
PAIR_CHUNK = 65536  # pairs per step: keeps the row copies in cache
# Up to this many pairs, sparse similarities are read straight from the CSR arrays:
# SciPy's row slicing costs about half a millisecond a pair, which made
# explaining a 70,000-pair round take a minute.
FEW_PAIRS = 8


@dataclass(frozen=True, eq=False)
class TextIndex:
    """L2-normalised text vectors for seekers and helpers, looked up by person id.

    Each matrix carries one extra all-zero last row, so row -1 means "no text".
    """

    seeker_rows: Mapping[int, int]
    helper_rows: Mapping[int, int]
    seekers: Matrix
    helpers: Matrix
    vocabulary: tuple[str, ...] = ()

    @property
    def is_sparse(self) -> bool:
        return sparse.issparse(self.seekers)

    @property
    def dim(self) -> int:
        return int(self.seekers.shape[1])

    def seeker_row(self, seeker_id: int) -> int:
        return self.seeker_rows.get(seeker_id, -1)

    def helper_row(self, helper_id: int) -> int:
        return self.helper_rows.get(helper_id, -1)

    def seeker_has_text(self, rows: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
        """Whether each seeker row has a non-zero vector (else the factor does not apply)."""
        if self.is_sparse:
            counts = np.diff(self.seekers.indptr)
            return counts[rows] > 0
        return np.any(self.seekers[rows] != 0.0, axis=1)

    def pair_similarities(
        self, seeker_rows: npt.NDArray[np.int64], helper_rows: npt.NDArray[np.int64]
    ) -> FloatArray:
        """Cosine similarity for aligned pairs, clipped to [0, 1].

        Each pair's value depends only on its two rows, so asking for one pair
        or a million gives bit-identical answers.
        """
        sims = np.empty(seeker_rows.size, dtype=np.float64)
        if self.is_sparse and seeker_rows.size <= FEW_PAIRS:
            for i, (s_row, h_row) in enumerate(zip(seeker_rows, helper_rows, strict=True)):
                _, products = self._products(int(s_row), int(h_row))
                # The same reduction as SciPy's row sum over the same values, in the
                # same (column) order, so the result is bit-identical to the batch path.
                sims[i] = np.add.reduceat(products, [0])[0] if products.size else 0.0
            return np.clip(sims, 0.0, 1.0)
        for lo in range(0, seeker_rows.size, PAIR_CHUNK):
            s, h = seeker_rows[lo : lo + PAIR_CHUNK], helper_rows[lo : lo + PAIR_CHUNK]
            if self.is_sparse:
                prod = self.seekers[s].multiply(self.helpers[h])
                sims[lo : lo + s.size] = np.asarray(prod.sum(axis=1), dtype=np.float64).ravel()
            else:
                sims[lo : lo + s.size] = (self.seekers[s] * self.helpers[h]).sum(axis=1)
        return np.clip(sims, 0.0, 1.0)

    def helper_side(self, helper_rows: npt.NDArray[np.int64]) -> Matrix:
        """Helper vectors prepared once for many `block` calls (transposed, float32)."""
        if self.is_sparse:
            return self.helpers[helper_rows].T.tocsr().astype(np.float32)
        return np.ascontiguousarray(self.helpers[helper_rows].T, dtype=np.float32)

    def block(
        self, seeker_rows: npt.NDArray[np.int64], side: Matrix, weight: float = 1.0
    ) -> npt.NDArray[np.float32]:
        """Approximate (float32) weighted similarities of some seekers against prepared helpers.

        Only negatives are clipped: values above `weight` can only come from
        float32 rounding, far below the scan's error allowance.
        """
        left = (self.seekers[seeker_rows] * weight).astype(np.float32)
        if self.is_sparse:
            out = np.asarray((left @ side).toarray(), dtype=np.float32)
        else:
            out = left @ side
        return np.maximum(out, np.float32(0.0), out=out)

    def shared_terms(self, seeker_id: int, helper_id: int, limit: int = 3) -> list[str]:
        """The words that contribute most to a pair's similarity (TF-IDF only)."""
        if not self.is_sparse or not self.vocabulary:
            return []
        cols, products = self._products(self.seeker_row(seeker_id), self.helper_row(helper_id))
        order = np.argsort(-products, kind="stable")[:limit]
        return [self.vocabulary[int(cols[i])] for i in order if products[i] > 0]

    def _products(self, seeker_row: int, helper_row: int) -> tuple[npt.NDArray[Any], FloatArray]:
        """One sparse pair's shared columns (ascending) and their non-zero products,
        exactly as SciPy's element-wise multiply of the two rows stores them."""
        left, right = self.seekers, self.helpers
        s_row = seeker_row % left.shape[0]  # -1, "no text", is the trailing empty row
        h_row = helper_row % right.shape[0]
        a, b = left.indptr[s_row], left.indptr[s_row + 1]
        c, d = right.indptr[h_row], right.indptr[h_row + 1]
        cols, i, j = np.intersect1d(
            left.indices[a:b], right.indices[c:d], assume_unique=True, return_indices=True
        )
        products = left.data[a + i] * right.data[c + j]
        kept = products != 0
        return cols[kept], products[kept]


def seeker_document(seeker: Seeker) -> str:
    return seeker.need


def helper_document(helper: Helper) -> str:
    return f"{helper.expertise} {helper.bio}"


def tfidf_index(seekers: Sequence[Seeker], helpers: Sequence[Helper]) -> TextIndex:
    """Fit TF-IDF on the pool's own texts (smoothed idf, sublinear tf)."""
    seeker_docs = [tokens(seeker_document(s)) for s in seekers]
    helper_docs = [tokens(helper_document(h)) for h in helpers]
    vocab: dict[str, int] = {}
    for doc in (*seeker_docs, *helper_docs):
        for word in doc:
            vocab.setdefault(word, len(vocab))
    n_docs = len(seeker_docs) + len(helper_docs)
    df = np.zeros(len(vocab), dtype=np.float64)
    for doc in (*seeker_docs, *helper_docs):
        for word in set(doc):
            df[vocab[word]] += 1.0
    idf = np.log((1.0 + n_docs) / (1.0 + df)) + 1.0
    return TextIndex(
        seeker_rows={s.id: i for i, s in enumerate(seekers)},
        helper_rows={h.id: i for i, h in enumerate(helpers)},
        seekers=_tfidf_matrix(seeker_docs, vocab, idf),
        helpers=_tfidf_matrix(helper_docs, vocab, idf),
        vocabulary=tuple(vocab),
    )


def _tfidf_matrix(docs: Iterable[list[str]], vocab: Mapping[str, int], idf: FloatArray) -> Matrix:
    indptr: list[int] = [0]
    indices: list[int] = []
    data: list[float] = []
    for doc in docs:
        counts = Counter(vocab[w] for w in doc)
        cols = sorted(counts)
        weights = [(1.0 + math.log(counts[c])) * float(idf[c]) for c in cols]
        norm = math.sqrt(sum(w * w for w in weights)) or 1.0
        indices.extend(cols)
        data.extend(w / norm for w in weights)
        indptr.append(len(indices))
    indptr.append(len(indices))  # the trailing all-zero "no text" row
    shape = (len(indptr) - 1, max(len(vocab), 1))
    return sparse.csr_matrix(
        (np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int32), indptr),
        shape=shape,
    )


def vector_index(
    seeker_ids: Sequence[int],
    seeker_vectors: Sequence[Sequence[float]] | FloatArray,
    helper_ids: Sequence[int],
    helper_vectors: Sequence[Sequence[float]] | FloatArray,
) -> TextIndex:
    """Use precomputed vectors (one row per id, any width) instead of TF-IDF.

    Rows are normalised here; an all-zero row means "no text" for that person.
    """
    return TextIndex(
        seeker_rows={int(pid): i for i, pid in enumerate(seeker_ids)},
        helper_rows={int(pid): i for i, pid in enumerate(helper_ids)},
        seekers=_dense_matrix(seeker_vectors, len(seeker_ids)),
        helpers=_dense_matrix(helper_vectors, len(helper_ids)),
    )


def _dense_matrix(rows: Sequence[Sequence[float]] | FloatArray, count: int) -> FloatArray:
    given = np.asarray(rows, dtype=np.float64)
    given = given.reshape(count, -1) if given.size else np.zeros((count, 1))
    mat = np.zeros((count + 1, max(given.shape[1], 1)), dtype=np.float64)
    mat[:count, : given.shape[1]] = given
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    np.divide(mat, norms, out=mat, where=norms > 0)
    return mat

"""The words of a statement as the third-party reader sees them: hashed word n-grams.

The sentence embedding (``semantic``) hears what a statement is about, and two statements
about the same need ("I want to get better at feedback" and "I want my supervisors to get
better at feedback") sit close together in it: who is to change is carried by a few small
words. Those words and their order ("want my", "them to", "she'll attend", "inscrire
l'ensemble") are what this module gives the reader besides the embedding: every word, pair
and triple of words of the lowercased statement, each hashed into one of ``BUCKETS`` slots
(CRC-32, the same on every machine and Python), each counted once. Standard library only.
"""

from __future__ import annotations

import itertools
import math
import re
import zlib

BUCKETS = 2**18
# Words (apostrophes kept inside them: "she'll", "l'ensemble") and the punctuation that
# ends a thought, which then starts or ends a pair ("me.", ", but").
_TOKEN = re.compile(r"[\w']+|[.!?,;]")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower().replace("\u2019", "'"))


def ngram_slots(text: str) -> list[int]:
    """The distinct slots of the statement's words, pairs and triples, in ascending order."""
    words = tokens(text)
    grams = set(words)
    grams.update(f"{a} {b}" for a, b in itertools.pairwise(words))
    grams.update(f"{a} {b} {c}" for a, b, c in zip(words, words[1:], words[2:], strict=False))
    return sorted({zlib.crc32(g.encode("utf-8")) % BUCKETS for g in grams})


def ngram_features(text: str) -> tuple[list[int], float]:
    """The statement's slots and their length, by which each slot's value of 1 is divided
    so that the statement's n-grams have unit length (0.0 when it has no word at all).
    Training (``train.third_party_features``) and reading
    (``semantic.third_party_probability``) both take them from here."""
    slots = ngram_slots(text)
    return slots, math.sqrt(len(slots))

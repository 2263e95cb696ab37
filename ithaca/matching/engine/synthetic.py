"""Made-up pools for tests, benchmarks and demos.

The people are invented but shaped like a real organisation: most share a
language, some manage or assess one another, a few opt out of each other,
targets and past roles come from one job vocabulary so paths really overlap.
Small pools draw from small vocabularies so that every rule and tie shows up.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

import numpy as np

from .text import TextIndex, vector_index
from .types import FACTORS, LEVELS, Helper, Kind, Level, Program, Seeker

LANGUAGES = ("English", "French", "German", "Spanish", "Welsh")
ROLE_WORDS = ("ward", "clinical", "team", "project", "senior", "practice", "research", "data")
ROLE_NOUNS = ("manager", "nurse", "lead", "engineer", "analyst", "director", "educator")
_TOPIC_TEXT = (
    "delegation feedback leadership conflict hiring budget strategy stakeholder promotion "
    "confidence presentation negotiation career change resilience burnout networking "
    "research writing statistics python teaching mentoring patients safety quality audit "
    "wellbeing boundaries priorities planning coaching influence visibility"
)
TOPICS = tuple(_TOPIC_TEXT.split())
INTERESTS = tuple(f"interest-{i}" for i in range(40))
IDENTITIES = ("woman", "man", "non-binary", "black", "asian", "lgbtq", "disabled", "parent")
MODALITIES = ("executive", "leadership", "life", "team", "general")
OFFSETS = (-8.0, -5.0, -3.0, 0.0, 0.0, 1.0, 2.0, 5.5, 8.0, 10.0)


@dataclass(frozen=True)
class Pool:
    seekers: list[Seeker]
    helpers: list[Helper]
    program: Program
    vectors: TextIndex | None = None


def random_pool(
    seed: int,
    n_seekers: int,
    n_helpers: int,
    *,
    program: Program | None = None,
    vector_dim: int = 0,
    min_capacity: int = 0,
) -> Pool:
    """A pool of `n_seekers` and `n_helpers`; `vector_dim` > 0 adds embedding-like vectors."""
    rnd = random.Random(seed)
    scale = max(n_seekers, n_helpers)
    helper_ids = [n_seekers + j for j in range(n_helpers)]
    both = [j for j in range(n_helpers) if rnd.random() < 0.05][:n_seekers]
    for j, person in zip(both, rnd.sample(range(n_seekers), len(both)), strict=True):
        helper_ids[j] = person  # some people both seek and help
    seekers = [_seeker(rnd, i, helper_ids, scale) for i in range(n_seekers)]
    helpers = [_helper(rnd, pid, n_seekers, min_capacity) for pid in helper_ids]
    chosen = program or random_program(seed)
    declined = {
        (rnd.randrange(n_seekers), rnd.choice(helper_ids))
        for _ in range(n_seekers // 50 + (1 if n_seekers and helper_ids else 0))
    }
    chosen = replace(chosen, declined=frozenset(declined) | chosen.declined)
    vectors = _vectors(seed, seekers, helpers, vector_dim) if vector_dim else None
    return Pool(seekers, helpers, chosen, vectors)


def random_program(seed: int, kind: Kind | None = None) -> Program:
    """A program with random levels, mode and rule settings."""
    rnd = random.Random(seed * 7919 + 1)
    if kind is None:
        kind = "mentoring" if rnd.random() < 0.5 else "coaching"
    modes = ("traditional", "reverse", "peer", "diversity") if kind == "mentoring" else MODALITIES
    levels: list[Level] = list(LEVELS)
    weights = {f: rnd.choice(levels) for f in FACTORS if rnd.random() < 0.6}
    return Program(
        kind=kind,
        mode=rnd.choice(modes),
        weights=weights,
        requires_training=rnd.random() < 0.5,
        chain_depth=rnd.randint(0, 4),
        eligible_seekers=True if rnd.random() < 0.8 else frozenset(range(0, 10_000, 2)),
        eligible_helpers=True,
        must_above=rnd.choice((0.0, 0.0, 0.25, 0.5)),
    )


def _role(rnd: random.Random) -> str:
    return f"{rnd.choice(ROLE_WORDS).title()} {rnd.choice(ROLE_NOUNS).title()}"


def _words(rnd: random.Random, low: int, high: int) -> str:
    return " ".join(rnd.choice(TOPICS) for _ in range(rnd.randint(low, high)))


def _languages(rnd: random.Random) -> frozenset[str]:
    langs = {"English"} if rnd.random() < 0.85 else set()
    if rnd.random() < 0.3 or not langs:
        langs.add(rnd.choice(LANGUAGES[1:]))
    return frozenset(langs)


def _some(rnd: random.Random, items: tuple[str, ...], most: int) -> frozenset[str]:
    return frozenset(rnd.sample(items, rnd.randint(0, most)))


def _maybe_one(rnd: random.Random, ids: list[int], chance: float) -> frozenset[int]:
    return frozenset([rnd.choice(ids)]) if ids and rnd.random() < chance else frozenset()


def _seeker(rnd: random.Random, i: int, helper_ids: list[int], scale: int) -> Seeker:
    pick = rnd.choice
    chain = tuple(pick(helper_ids) for _ in range(rnd.randint(0, 4))) if helper_ids else ()
    prefs = set()
    if rnd.random() < 0.3:
        options = [
            "outside_my_department",
            "shared_identity",
            f"helper_identity:{pick(IDENTITIES)}",
        ]
        prefs = set(rnd.sample(options, rnd.randint(1, 3)))
    few = helper_ids and rnd.random() < 0.15
    return Seeker(
        id=i,
        name=f"Seeker {i}",
        languages=_languages(rnd),
        manager_chain=chain,
        assessor_ids=frozenset([pick(helper_ids)]) if few else frozenset(),
        blocked_ids=frozenset([pick(helper_ids)])
        if helper_ids and rnd.random() < 0.1
        else frozenset(),
        conflict_ids=frozenset([pick(helper_ids)])
        if helper_ids and rnd.random() < 0.05
        else frozenset(),
        target=_role(rnd) if rnd.random() < 0.85 else "",
        need=_words(rnd, 3, 8) if rnd.random() < 0.9 else "",
        interests=_some(rnd, INTERESTS[: 8 + scale // 20], 4),
        utc_offset=pick(OFFSETS) if rnd.random() < 0.95 else None,
        years=float(rnd.randint(0, 15)) if rnd.random() < 0.9 else None,
        grade=rnd.randint(1, 6) if rnd.random() < 0.3 else None,
        department=f"Department {rnd.randint(1, 12)}" if rnd.random() < 0.95 else "",
        identities=_some(rnd, IDENTITIES, 2),
        preferences=frozenset(prefs),
    )


def _helper(rnd: random.Random, pid: int, n_seekers: int, min_capacity: int) -> Helper:
    blocked: frozenset[int] = frozenset()
    if n_seekers and rnd.random() < 0.05:
        blocked = frozenset(rnd.randrange(n_seekers) for _ in range(rnd.randint(1, 3)))
    transitions = (f"{rnd.choice(ROLE_NOUNS)} to {rnd.choice(ROLE_NOUNS)}",)
    return Helper(
        id=pid,
        name=f"Helper {pid}",
        capacity=rnd.randint(min_capacity, 5),
        languages=_languages(rnd),
        blocked_ids=blocked,
        trained=rnd.random() < 0.85,
        modalities=_some(rnd, MODALITIES, 3),
        roles=tuple(_role(rnd) for _ in range(rnd.randint(0, 3))),
        transitions=transitions if rnd.random() < 0.3 else (),
        expertise=_words(rnd, 4, 10) if rnd.random() < 0.95 else "",
        bio=_words(rnd, 0, 5),
        interests=_some(rnd, INTERESTS, 5),
        utc_offset=rnd.choice(OFFSETS) if rnd.random() < 0.95 else None,
        years=float(rnd.randint(2, 30)) if rnd.random() < 0.95 else None,
        grade=rnd.randint(1, 8) if rnd.random() < 0.3 else None,
        department=f"Department {rnd.randint(1, 12)}" if rnd.random() < 0.95 else "",
        identities=_some(rnd, IDENTITIES, 2),
    )


def _vectors(seed: int, seekers: list[Seeker], helpers: list[Helper], dim: int) -> TextIndex:
    """Clustered vectors: people on the same topic point roughly the same way."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((24, dim))
    s_topic = rng.integers(0, 24, len(seekers))
    h_topic = rng.integers(0, 24, len(helpers))
    s_vec = centres[s_topic] + 0.8 * rng.standard_normal((len(seekers), dim))
    h_vec = centres[h_topic] + 0.8 * rng.standard_normal((len(helpers), dim))
    s_vec[rng.random(len(seekers)) < 0.05] = 0.0  # a few seekers wrote nothing
    return vector_index([s.id for s in seekers], s_vec, [h.id for h in helpers], h_vec)

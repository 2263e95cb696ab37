"""The pure matching core: hard rules, explainable scores and the whole-pool solver.

No Django here. Callers build `Seeker`, `Helper` and `Program` values from their
models, then either explain one pair (`check_rules`, `score_pair`,
`rank_candidates`) or match a whole pool (`candidate_graph` then `solve`, or
`match_pool` for both).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .candidates import candidate_graph
    from .rules import check_rules, is_allowed
    from .scoring import default_levels, levels_for, rank_candidates, score_pair, score_pairs
    from .single import PoolIndex
    from .solver import OBJECTIVES, flow_matching, match_pool, solve
    from .stable import blocking_pairs, deferred_acceptance
    from .text import TextIndex, tfidf_index, tokens, vector_index

from .types import (
    DEFAULT_K,
    FACTORS,
    LEVEL_WEIGHTS,
    LEVELS,
    MAX_POINTS,
    SCALE,
    Breakdown,
    CandidateGraph,
    FactorScore,
    Helper,
    Match,
    MatchingCancelled,
    MatchResult,
    Program,
    RuleCheck,
    Seeker,
    Unmatched,
)

# Models, forms and the eligibility check only need the value types above; the
# array code needs SciPy and the solver OR-Tools, which take a second or more to
# import. So the rest is imported on first use: `engine.solve` works as before,
# but a process that never matches anyone (a management command, a worker that
# serves only pages) never pays for them.
_LAZY = {
    "candidate_graph": "candidates",
    "check_rules": "rules",
    "is_allowed": "rules",
    "default_levels": "scoring",
    "levels_for": "scoring",
    "rank_candidates": "scoring",
    "score_pair": "scoring",
    "score_pairs": "scoring",
    "OBJECTIVES": "solver",
    "flow_matching": "solver",
    "match_pool": "solver",
    "solve": "solver",
    "PoolIndex": "single",
    "blocking_pairs": "stable",
    "deferred_acceptance": "stable",
    "TextIndex": "text",
    "tfidf_index": "text",
    "tokens": "text",
    "vector_index": "text",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "DEFAULT_K",
    "FACTORS",
    "LEVELS",
    "LEVEL_WEIGHTS",
    "MAX_POINTS",
    "OBJECTIVES",
    "SCALE",
    "Breakdown",
    "CandidateGraph",
    "FactorScore",
    "Helper",
    "Match",
    "MatchResult",
    "MatchingCancelled",
    "PoolIndex",
    "Program",
    "RuleCheck",
    "Seeker",
    "TextIndex",
    "Unmatched",
    "blocking_pairs",
    "candidate_graph",
    "check_rules",
    "default_levels",
    "deferred_acceptance",
    "flow_matching",
    "is_allowed",
    "levels_for",
    "match_pool",
    "rank_candidates",
    "score_pair",
    "score_pairs",
    "solve",
    "tfidf_index",
    "tokens",
    "vector_index",
]

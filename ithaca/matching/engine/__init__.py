"""The pure matching core: hard rules, explainable scores and the whole-pool solver.

No Django here. Callers build `Seeker`, `Helper` and `Program` values from their
models, then either explain one pair (`check_rules`, `score_pair`,
`rank_candidates`) or match a whole pool (`candidate_graph` then `solve`, or
`match_pool` for both).
"""

from .candidates import DEFAULT_K, candidate_graph
from .rules import check_rules, is_allowed
from .scoring import default_levels, levels_for, rank_candidates, score_pair
from .solver import OBJECTIVES, flow_matching, match_pool, solve
from .stable import blocking_pairs, deferred_acceptance
from .text import TextIndex, tfidf_index, tokens, vector_index
from .types import (
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
    "solve",
    "tfidf_index",
    "tokens",
    "vector_index",
]

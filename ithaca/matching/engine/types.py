"""Plain data the matching engine reads and returns.

Everything here is a frozen dataclass or a NumPy-backed record so the engine
never touches the ORM: the Django side turns rows into these, calls the engine,
and writes the answer back through its own services.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

Kind = Literal["mentoring", "coaching"]
Level = Literal["must", "high", "medium", "low", "off"]
Objective = Literal["fit", "coverage", "stable"]

# The order is fixed: both scoring paths add factors in this order, which keeps
# their floating-point totals bit-identical.
FACTORS: tuple[str, ...] = (
    "walked_the_path",
    "experience_gap",
    "need_similarity",
    "shared_interests",
    "timezone_overlap",
    "preferences",
)
LEVELS: tuple[Level, ...] = ("must", "high", "medium", "low", "off")
LEVEL_WEIGHTS: Mapping[str, int] = {"must": 3, "high": 3, "medium": 2, "low": 1, "off": 0}

# Preference keys a seeker may list (the rest name factors or identities).
PREF_OUTSIDE_DEPARTMENT = "outside_my_department"
PREF_SHARED_IDENTITY = "shared_identity"
PREF_HELPER_IDENTITY = "helper_identity:"
# Best candidates kept per seeker in a round, unless the program says otherwise.
DEFAULT_K = 25
# Scores are 0..100 with two decimals; the solver works on integers, so a score
# of 87.25 travels as 8725.
SCALE = 100
MAX_POINTS = 100 * SCALE

# NumPy is imported only when the array aliases are first used (by the array
# modules, which import NumPy anyway): models and forms read the constants and
# dataclasses here, and a process that never matches should not pay for NumPy.
if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    IntArray: TypeAlias = npt.NDArray[np.int64]
    Int32Array: TypeAlias = npt.NDArray[np.int32]
    FloatArray: TypeAlias = npt.NDArray[np.float64]
    BoolArray: TypeAlias = npt.NDArray[np.bool_]


def __getattr__(name: str) -> Any:
    if name not in ("IntArray", "Int32Array", "FloatArray", "BoolArray"):
        # The import system asks modules for `__path__` and the like: say no without NumPy.
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import numpy as np
    import numpy.typing as npt

    aliases = {
        "IntArray": np.int64,
        "Int32Array": np.int32,
        "FloatArray": np.float64,
        "BoolArray": np.bool_,
    }
    value = npt.NDArray[aliases[name]]  # type: ignore[valid-type]
    globals()[name] = value
    return value


ProgressFn = Callable[[str, float], None]
CancelFn = Callable[[], bool]


class MatchingCancelled(Exception):
    """Raised between phases when the caller's cancel check returns True."""


@dataclass(frozen=True, slots=True)
class Seeker:
    """A mentee or coachee, as the engine needs to see them.

    `manager_chain` lists the seeker's managers nearest first (line manager,
    then their manager, ...). `blocked_ids` are people the seeker opted out of;
    `identities` are only tags the seeker chose to disclose for matching.
    """

    id: int
    name: str
    languages: frozenset[str] = frozenset()
    manager_chain: tuple[int, ...] = ()
    assessor_ids: frozenset[int] = frozenset()
    blocked_ids: frozenset[int] = frozenset()
    conflict_ids: frozenset[int] = frozenset()
    target: str = ""
    need: str = ""
    interests: frozenset[str] = frozenset()
    utc_offset: float | None = None
    years: float | None = None
    grade: int | None = None
    department: str = ""
    identities: frozenset[str] = frozenset()
    preferences: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Helper:
    """A mentor or coach. `capacity` is the number of places still free."""

    id: int
    name: str
    capacity: int = 1
    languages: frozenset[str] = frozenset()
    blocked_ids: frozenset[int] = frozenset()
    conflict_ids: frozenset[int] = frozenset()
    trained: bool = False
    modalities: frozenset[str] = frozenset()
    roles: tuple[str, ...] = ()
    transitions: tuple[str, ...] = ()
    expertise: str = ""
    bio: str = ""
    interests: frozenset[str] = frozenset()
    utc_offset: float | None = None
    years: float | None = None
    grade: int | None = None
    department: str = ""
    identities: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Program:
    """The program a pool is matched for.

    `weights` overrides the default level of any factor. `chain_depth` is how
    far up the seeker's management chain a mentor is ruled out (1 = only the
    line manager). `eligible_*` is True (everyone), False (nobody) or a set of
    person ids. `declined` holds (seeker_id, helper_id) pairs declined before.
    A "must" factor excludes a pair whose value is not above `must_above`.
    """

    kind: Kind
    mode: str = "traditional"
    weights: Mapping[str, Level] = field(default_factory=dict)
    requires_training: bool = False
    chain_depth: int = 2
    eligible_seekers: bool | frozenset[int] = True
    eligible_helpers: bool | frozenset[int] = True
    declined: frozenset[tuple[int, int]] = frozenset()
    must_above: float = 0.0


@dataclass(frozen=True, slots=True)
class RuleCheck:
    """One hard rule checked for one pair, with the reason in plain words."""

    rule: str
    passed: bool
    explanation: str


@dataclass(frozen=True, slots=True)
class FactorScore:
    """One factor's part of a score: its value in [0, 1] and the points it adds."""

    factor: str
    level: Level
    value: float
    points: float
    applicable: bool
    explanation: str


@dataclass(frozen=True, slots=True)
class Breakdown:
    """A pair's score out of 100 and how each factor contributed to it."""

    total: float
    factors: tuple[FactorScore, ...]
    excluded_by: tuple[str, ...] = ()

    @property
    def excluded(self) -> bool:
        return bool(self.excluded_by)

    @property
    def scaled(self) -> int:
        """The integer the solver optimises (total * SCALE, rounded half to even)."""
        return round(self.total * SCALE)


# Why a seeker has no candidate at all; 0 means they have candidates.
# (The Django side translates these by their slug: ithaca/matching/phrases.py.)
EMPTY_REASONS: Mapping[int, tuple[str, str]] = {
    1: ("seeker_not_eligible", "Not eligible for this program."),
    2: ("no_helper_after_rules", "No eligible helper after hard rules."),
    3: ("no_helper_meets_musts", "No helper meets the program's must-have factors."),
}
AT_CAPACITY = ("helpers_at_capacity", "Every suitable helper is at capacity.")
NOT_CHOSEN = ("not_chosen", "A suitable helper had room, but the objective left this seeker out.")


@dataclass(frozen=True, eq=False)
class CandidateGraph:
    """Sparse bipartite graph of allowed, scored pairs (indices into the id arrays).

    Edges are grouped by seeker and, within a seeker, best first. `score` is
    the integer-scaled total (0..MAX_POINTS). `empty_reason` holds a key of
    EMPTY_REASONS per seeker (0 when the seeker has edges).
    """

    seeker_ids: IntArray
    helper_ids: IntArray
    capacity: IntArray
    seeker: Int32Array
    helper: Int32Array
    score: IntArray
    empty_reason: npt.NDArray[np.int8]

    @property
    def n_edges(self) -> int:
        return int(self.seeker.shape[0])

    @classmethod
    def from_edges(
        cls,
        capacity: npt.ArrayLike,
        seeker: npt.ArrayLike,
        helper: npt.ArrayLike,
        score: npt.ArrayLike,
        n_seekers: int,
    ) -> CandidateGraph:
        """A graph from bare edges (ids are the indices), e.g. one built elsewhere."""
        import numpy as np

        caps = np.asarray(capacity, dtype=np.int64)
        s = np.asarray(seeker, dtype=np.int32)
        has_edges = np.bincount(s, minlength=n_seekers) > 0
        return cls(
            seeker_ids=np.arange(n_seekers, dtype=np.int64),
            helper_ids=np.arange(caps.size, dtype=np.int64),
            capacity=caps,
            seeker=s,
            helper=np.asarray(helper, dtype=np.int32),
            score=np.asarray(score, dtype=np.int64),
            empty_reason=np.where(has_edges, 0, 2).astype(np.int8),
        )


@dataclass(frozen=True, slots=True)
class Match:
    seeker_id: int
    helper_id: int
    score: float


@dataclass(frozen=True, slots=True)
class Unmatched:
    seeker_id: int
    reason: str
    explanation: str


@dataclass(frozen=True, slots=True)
class MatchResult:
    """The pairs proposed for a whole pool and why anyone was left out.

    `total` is the sum of the matched pairs' integer-scaled scores.
    """

    objective: Objective
    matches: tuple[Match, ...]
    unmatched: tuple[Unmatched, ...]
    total: int

    @property
    def total_points(self) -> float:
        return self.total / SCALE

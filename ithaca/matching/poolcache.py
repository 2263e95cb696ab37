"""Each program's pool, text index and factor tables, kept between requests.

Building a program's pool reads every participant, profile and career, fits
TF-IDF and prepares the factor tables: seconds for a program of 20,000 people,
which every candidate list and offer list used to pay. This module keeps one
prepared `engine.PoolIndex` per program in the process and rebuilds it when a
cheap fingerprint changes: the program and its matching rules, its
participations, its people's profiles, match profiles, careers and intakes.
It is also rebuilt after `MAX_AGE` seconds, so nothing the fingerprint misses
(an edited career entry) stays stale for long.

The program's open relationships (helpers' places in use, seekers' requests)
change with every proposal: they are kept apart (`Open`), under their own
fingerprint, the number of the program's relationships and when one last
changed, read in the same query as the pool's. A new proposal, an answer or an
ending reads them again without rebuilding the pool. And the hard rules are
checked again, on fresh rows, for the people a page shows (`ranking.py`).
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Aggregate, CharField, Count, Func, Max, QuerySet, Subquery, Value
from django.db.models.functions import Cast, Concat

from ithaca.accounts.models import CareerEntry, Profile
from ithaca.intake.models import Intake
from ithaca.matching import engine
from ithaca.matching.kinds import model_for
from ithaca.matching.models import MatchingConfig, MatchProfile
from ithaca.matching.pool import Pool, Taken, build_pool
from ithaca.programs.lifecycle import OPEN_STATUSES
from ithaca.programs.models import Participation, Program

MAX_AGE = 600.0  # seconds


RANKINGS_KEPT = 256  # seekers' and helpers' ranked lists kept per program and Open


@dataclass(frozen=True, eq=False)
class Prepared:
    """A program's pool with its index, and each helper's declared places."""

    pool: Pool
    index: engine.PoolIndex
    places: Any  # IntArray: declared capacity per helper, in pool order
    languages: list[str]  # every language a helper speaks: the candidates' filter offers them
    fingerprint: tuple[Any, ...]
    built: float


@dataclass(frozen=True, eq=False)
class Open:
    """A program's open relationships as one fingerprint of them found them, counted
    against one prepared pool, with the ranked lists worked out from them so far."""

    pairs: list[tuple[int, int]]  # (helper id, seeker id)
    taken: Taken
    free: Any  # IntArray: each helper's free places, in pool order
    waiting: Any  # BoolArray: seekers without an open relationship, in pool order
    asked: Mapping[int, frozenset[int]]  # seeker id -> helpers they have an open one with
    fingerprint: tuple[Any, ...]
    built: float
    # (seeker or helper, pool position) -> (order, scores); filled as pages ask.
    ranked: dict[tuple[str, int], tuple[Any, Any]] = field(default_factory=dict)

    def ranking(self, key: tuple[str, int], work: Callable[[], tuple[Any, Any]]) -> tuple[Any, Any]:
        """A ranked list worked out once for these open relationships."""
        found = self.ranked.get(key)
        if found is None:
            if len(self.ranked) >= RANKINGS_KEPT:
                self.ranked.clear()
            found = self.ranked[key] = work()
        return found


_cache: dict[int, Prepared] = {}
_open: dict[int, tuple[Prepared, Open]] = {}
_statements: dict[tuple[str, int, str], tuple[str, tuple[Any, ...]]] = {}
_lock = threading.Lock()


def prepared(program: Program) -> Prepared:
    """The program's prepared pool, rebuilt when its fingerprint changed."""
    return current(program)[0]


def current(program: Program) -> tuple[Prepared, Open]:
    """The program's prepared pool and its open relationships now, each read again
    only when its own fingerprint changed (both fingerprints are one query)."""
    fingerprint, relationships = _fingerprints(program)
    ready = _prepared(program, fingerprint)
    found = _open.get(program.pk)
    now = time.monotonic()
    if (
        found is not None
        and found[0] is ready
        and found[1].fingerprint == relationships
        and now - found[1].built < MAX_AGE
    ):
        return found
    found = (ready, _read_open(program, ready, relationships))
    _open[program.pk] = found
    return found


def _prepared(program: Program, fingerprint: tuple[Any, ...]) -> Prepared:
    found = _cache.get(program.pk)
    if found and found.fingerprint == fingerprint and time.monotonic() - found.built < MAX_AGE:
        return found
    with _lock:  # one rebuild per process at a time; the others wait for it
        found = _cache.get(program.pk)
        if found and found.fingerprint == fingerprint:
            return found
        found = _build(program, fingerprint)
        _cache[program.pk] = found
        return found


def _read_open(program: Program, ready: Prepared, fingerprint: tuple[Any, ...]) -> Open:
    import numpy as np

    pairs = open_pairs(program)
    counted = taken(pairs)
    asked: dict[int, set[int]] = defaultdict(set)
    for helper_id, seeker_id in pairs:
        asked[seeker_id].add(helper_id)
    busy = counted.busy_seekers
    waiting = np.array([s.id not in busy for s in ready.pool.seekers], dtype=bool)
    return Open(
        pairs=pairs,
        taken=counted,
        free=free_places(ready, counted.in_use),
        waiting=waiting,
        asked={seeker: frozenset(helpers) for seeker, helpers in asked.items()},
        fingerprint=fingerprint,
        built=time.monotonic(),
    )


def forget(program_id: int | None = None) -> None:
    """Drop one program's prepared pool, or every one (tests start clean)."""
    with _lock:
        if program_id is None:
            _cache.clear()
            _open.clear()
        else:
            _cache.pop(program_id, None)
            _open.pop(program_id, None)


def open_pairs(program: Program) -> list[tuple[int, int]]:
    """Open relationships now, as (helper id, seeker id) pairs."""
    model = model_for(program)
    rows = model.objects.filter(program=program, status__in=OPEN_STATUSES).values_list(
        f"{model.HELPER_FIELD}_id", f"{model.SEEKER_FIELD}_id"
    )
    return list(rows)


def taken(pairs: list[tuple[int, int]]) -> Taken:
    """The open relationships counted: places in use per helper, and the seekers who have one."""
    in_use: dict[int, int] = defaultdict(int)
    busy: set[int] = set()
    for helper_id, seeker_id in pairs:
        in_use[helper_id] += 1
        busy.add(seeker_id)
    return Taken(in_use, busy)


def _build(program: Program, fingerprint: tuple[Any, ...]) -> Prepared:
    import numpy as np

    pool = build_pool(program, waiting_only=False)
    index = engine.PoolIndex(pool.seekers, pool.helpers, pool.rules, text=pool.text)
    declared = dict(
        Participation.objects.filter(program=program)
        .exclude(role=Participation.Role.SEEKER)
        .values_list("user_id", "capacity")
    )
    places = np.array([declared.get(h.id) or 0 for h in pool.helpers], dtype=np.int64)
    languages = sorted({lang for h in pool.helpers for lang in h.languages})
    return Prepared(pool, index, places, languages, fingerprint, time.monotonic())


def free_places(ready: Prepared, in_use: Mapping[int, int]) -> Any:
    """Each helper's free places now (IntArray in pool order): the declared places less
    those in use, subtracted for the helpers who have some rather than for all 9,000."""
    free = ready.places.copy()
    helper_at = ready.index.helper_at
    for helper_id, n in in_use.items():
        j = helper_at.get(helper_id)
        if j is not None:
            free[j] -= n
    return free


def _fingerprints(program: Program) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    """One query: when anything a pool is built from last changed, and how many rows there
    are; and the same of the program's relationships, apart (the pool's, the open ones').

    Profiles, careers and intakes are taken organisation-wide (an index answers each
    at once), so a change to anyone's profile rebuilds every program's pool: rare
    enough, and far cheaper than asking about the program's members only. Every
    change of a relationship's status saves its `updated_at` (`programs.relationships`,
    the matching services), so count and latest change see each one.

    The statement is compiled once per program and kept (compiling its eight
    subqueries cost more CPU than PostgreSQL spent answering them); its values are
    compared only with each other, so they are taken as the driver returns them.
    """
    key = (connection.alias, program.pk, program.kind)
    statement = _statements.get(key)
    if statement is None:
        statement = _statements[key] = _fingerprint_query(program).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(*statement)
        row = cursor.fetchone()
    if row is None:
        raise Program.DoesNotExist
    *pool, relationships = row
    return (program.pk, *pool), (program.pk, relationships)


def _fingerprint_query(program: Program) -> QuerySet[Any, Any]:
    model = model_for(program)
    return (
        Program.objects.filter(pk=program.pk)
        .annotate(
            config=_scalar(MatchingConfig.objects.filter(program=program), Max("updated_at")),
            parts=_count_and_latest(Participation.objects.filter(program=program)),
            wishes=_count_and_latest(MatchProfile.objects.filter(program=program)),
            profiles_at=_scalar(Profile.objects.all(), Max("updated_at")),
            careers_top=_scalar(CareerEntry.objects.all(), Max("id")),
            intakes_at=_scalar(Intake.objects.all(), Max("updated_at")),
            relationships=_count_and_latest(model.objects.filter(program=program)),
        )
        .values_list(
            "created_at",
            "updated_at",
            "config",
            "parts",
            "wishes",
            "profiles_at",
            "careers_top",
            "intakes_at",
            "relationships",
        )
        .order_by()
    )


def _scalar(rows: QuerySet[Any], aggregate: Aggregate | Func) -> Subquery:
    """An aggregate over `rows` as a scalar subquery (no GROUP BY)."""
    one = rows.order_by().annotate(_one=Value(1)).values("_one")
    return Subquery(one.annotate(value=aggregate).values("value"))


def _count_and_latest(rows: QuerySet[Any]) -> Subquery:
    """How many rows and when one last changed, as one text ("20001 2026-12-07 ..."):
    one pass over the program's rows where two scalar subqueries made two (a
    participation count and its latest change were 8 ms each for 20,000 people)."""
    text = CharField()
    both = Concat(
        # COUNT(*) rather than COUNT(id): an index without the id can answer it.
        Cast(Count("*"), text),
        Value(" "),
        Cast(Max("updated_at"), text),
        output_field=text,
    )
    return _scalar(rows, both)

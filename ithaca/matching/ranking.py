"""Ranked lists with reasons: a seeker's best candidates, and the seekers a helper could help.

Both read the pool through `pool.build_pool` and rank with the engine, so the
rules and scores people see are the ones a round applies.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.core.errors import DomainError
from ithaca.matching import engine, poolcache
from ithaca.matching.explain import breakdown_json, explain
from ithaca.matching.models import ProposalExplanation
from ithaca.matching.pool import Pool, Taken, build_pool
from ithaca.matching.selectors import explanation_of
from ithaca.programs.models import HelpingRelationship, Program


@dataclass(frozen=True, slots=True)
class Filters:
    """What a seeker narrows their candidates by."""

    outside_department: bool = False
    language: str = ""
    min_score: float = 0.0


@dataclass(frozen=True, slots=True)
class Ranked:
    """One person on a ranked list, with the score and the reasons behind it.

    The reasons are written out when first read: pages and the API explain only
    the page they show (10 or 20 of the 25 ranked).
    """

    person: User
    score: float
    scored: engine.Breakdown = field(repr=False)
    checks: list[engine.RuleCheck] = field(repr=False)
    _written: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def breakdown(self) -> dict[str, Any]:
        if not self._written:
            self._written.update(breakdown_json(self.scored, self.checks))
        return self._written


@dataclass(frozen=True, slots=True)
class Candidates:
    ranked: list[Ranked]
    languages: list[str]
    already_asked: list[User]
    max_open_requests: int  # the program's setting, as the cached pool read it this request


def candidates_for(program: Program, seeker: User, filters: Filters | None = None) -> Candidates:
    """The seeker's best allowed helpers, best first, at most the program's top k.

    One seeker is scored against every helper at once from the program's
    prepared pool (`poolcache`); only the people shown are explained, after
    their hard rules are checked again on fresh rows.
    """

    filters = filters or Filters()
    ready, now = poolcache.current(program)
    pool, index = ready.pool, ready.index
    position = index.seeker_at.get(seeker.pk)
    if position is None:
        raise DomainError(_("You are not an active seeker in %(program)s.") % {"program": program})
    me = pool.seekers[position]
    asked = now.asked.get(me.id, frozenset())
    taken = now.taken
    order, scores = now.ranking(
        ("seeker", position), lambda: _listed(index.helpers_for(position, now.free))
    )
    floor = filters.min_score * engine.SCALE - 0.5
    wanted = (
        pool.helpers[j]
        for j, score in zip(order, scores, strict=True)
        if score >= floor
        and pool.helpers[j].id not in asked
        and _passes(me, pool.helpers[j], filters)
    )
    top_k = pool.config.top_k
    rows = _checked(pool, wanted, top_k, lambda helpers: _fresh_seeker(pool, me, helpers, taken))
    return Candidates(
        ranked=[r for r in rows if r.score >= filters.min_score],
        languages=ready.languages,
        already_asked=[pool.people[i] for i in sorted(asked) if i in pool.people],
        max_open_requests=pool.config.max_open_requests,
    )


Checks = dict[int, tuple[engine.Seeker, engine.Helper, engine.Program]]


def _fresh(
    pool: Pool, seeker_ids: list[int], helper_ids: list[int], waiting_only: bool, taken: Taken
) -> Pool:
    """These people's hard-rule inputs as the database holds them now.

    The scores come from the cached pool, so what only they read is left out; the
    settings are the cached pool's, whose fingerprint this request checked, and the
    open relationships are those this request's fingerprint checked (`poolcache.current`).
    """
    return build_pool(
        pool.program,
        seeker_ids=seeker_ids,
        helper_ids=helper_ids,
        waiting_only=waiting_only,
        rules_only=True,
        config=pool.config,
        taken=taken,
    )


def _fresh_seeker(
    pool: Pool, me: engine.Seeker, helpers: list[engine.Helper], taken: Taken
) -> Checks:
    """The pairs (this seeker, each helper) as the database holds them now, by helper id."""
    fresh = _fresh(pool, [me.id], [h.id for h in helpers], False, taken)
    seeker = fresh.seeker_by_id.get(me.id)
    if seeker is None:
        return {}
    return {h.id: (seeker, h, fresh.rules) for h in fresh.helpers}


def _fresh_helper(
    pool: Pool, me: engine.Helper, seekers: list[engine.Seeker], taken: Taken
) -> Checks:
    """The pairs (each waiting seeker, this helper) as the database holds them now, by seeker id."""
    fresh = _fresh(pool, [s.id for s in seekers], [me.id], True, taken)
    helper = fresh.helper_by_id.get(me.id)
    if helper is None:
        return {}
    return {s.id: (s, helper, fresh.rules) for s in fresh.seekers}


def _checked(
    pool: Pool,
    ranked: Iterator[Any],
    limit: int,
    fresh: Callable[[list[Any]], Checks],
) -> list[Ranked]:
    """The first `limit` of `ranked` whose hard rules still hold on fresh rows, explained.

    The ranking comes from the cached pool; a rule that changed since (a new
    opt-out, a declined proposal, a helper now full) drops that person here.
    Fresh rows are read for a batch at a time, a few more than are still wanted
    (few are dropped between two preparations of the pool), so a page costs a
    fixed number of queries unless many of its people were dropped.
    """
    rows: list[Ranked] = []
    while len(rows) < limit:
        wanted = limit - len(rows)
        batch = list(islice(ranked, wanted + wanted // 4 + 2))
        if not batch:
            break
        now = fresh(batch)
        pending = iter(batch)
        while len(rows) < limit:
            allowed = _allowed(pending, now, limit - len(rows))
            if not allowed:
                break
            rows += _explained(pool, allowed)
    return rows


Allowed = tuple[Any, engine.Seeker, engine.Helper, list[engine.RuleCheck]]


def _allowed(pending: Iterator[Any], now: Checks, wanted: int) -> list[Allowed]:
    """The next `wanted` of `pending` whose hard rules hold on fresh rows."""
    allowed: list[Allowed] = []
    for cached in pending:
        pair = now.get(cached.id)
        if pair is None:
            continue
        seeker, helper, rules = pair
        checks = engine.check_rules(seeker, helper, rules)
        if all(c.passed for c in checks):
            allowed.append((cached, seeker, helper, checks))
            if len(allowed) >= wanted:
                break
    return allowed


def _explained(pool: Pool, allowed: list[Allowed]) -> list[Ranked]:
    """Each pair scored with the cached values, as the ranking was, against the pool's
    text index (all at once); those failing a must-have factor left out."""
    pairs = [(pool.seeker_by_id[s.id], pool.helper_by_id[h.id]) for _, s, h, _ in allowed]
    scored = engine.score_pairs(pairs, pool.rules, pool.text)
    return [
        Ranked(pool.people[cached.id], round(breakdown.total, 2), breakdown, checks)
        for (cached, _, _, checks), breakdown in zip(allowed, scored, strict=True)
        if not breakdown.excluded
    ]


def _listed(ranked: tuple[Any, Any]) -> tuple[list[int], list[int]]:
    """A ranking's positions and scores as lists, kept that way between requests."""
    order, scores = ranked
    return order.tolist(), scores.tolist()


def _passes(me: engine.Seeker, helper: engine.Helper, filters: Filters) -> bool:
    if filters.language and filters.language not in helper.languages:
        return False
    if filters.outside_department:
        return bool(helper.department) and helper.department != me.department
    return True


@dataclass(frozen=True, slots=True)
class Offers:
    ranked: list[Ranked]
    free_places: int


def offers_for(program: Program, helper: User, limit: int = 50) -> Offers:
    """Waiting seekers this helper may be proposed to, best first, and the helper's free places."""
    ready, now = poolcache.current(program)
    pool, index = ready.pool, ready.index
    position = index.helper_at.get(helper.pk)
    if position is None:
        message = (
            _("You are not an active mentor in %(program)s.")
            if program.is_mentoring
            else _("You are not an active coach in %(program)s.")
        )
        raise DomainError(message % {"program": program})
    taken = now.taken
    free = int(now.free[position])
    me = pool.helpers[position]
    if free <= 0:
        return Offers(ranked=[], free_places=0)
    order, _scores = now.ranking(
        ("helper", position), lambda: _listed(index.seekers_for(position, now.waiting))
    )
    wanted = (pool.seekers[i] for i in order)
    rows = _checked(pool, wanted, limit, lambda seekers: _fresh_helper(pool, me, seekers, taken))
    return Offers(ranked=rows, free_places=free)


def proposal_breakdown(
    relationship: HelpingRelationship,
) -> tuple[ProposalExplanation | None, dict[str, Any] | None]:
    """The stored explanation of a proposal, or, for a pair proposed outside matching (an
    event, the console), one worked out now; None when either person has left the program."""
    program = relationship.program
    stored = explanation_of(program.kind, relationship.pk)
    if stored is not None:
        return stored, stored.breakdown
    helper_id, seeker_id = relationship.helper_id_value, relationship.seeker_id_value
    pool = build_pool(program, seeker_ids=[seeker_id], helper_ids=[helper_id], waiting_only=False)
    seeker, helper = pool.seeker_by_id.get(seeker_id), pool.helper_by_id.get(helper_id)
    if seeker is None or helper is None:
        return None, None
    return None, breakdown_json(*explain(seeker, helper, pool.rules, pool.text))

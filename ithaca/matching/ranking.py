"""Ranked lists with reasons: a seeker's best candidates, and the seekers a helper could help.

Both read the pool through `pool.build_pool` and rank with the engine, so the
rules and scores people see are the ones a round applies.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ithaca.accounts.models import User
from ithaca.core.errors import DomainError
from ithaca.matching import engine
from ithaca.matching.explain import breakdown_json, explain
from ithaca.matching.kinds import helper_word, model_for
from ithaca.matching.models import ProposalExplanation
from ithaca.matching.pool import Pool, build_pool
from ithaca.matching.selectors import explanation_of
from ithaca.programs.lifecycle import OPEN_STATUSES
from ithaca.programs.models import HelpingRelationship, Program


@dataclass(frozen=True, slots=True)
class Filters:
    """What a seeker narrows their candidates by."""

    outside_department: bool = False
    language: str = ""
    min_score: float = 0.0


@dataclass(frozen=True, slots=True)
class Ranked:
    """One person on a ranked list, with the score and the reasons behind it."""

    person: User
    score: float
    breakdown: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Candidates:
    ranked: list[Ranked]
    languages: list[str]
    already_asked: list[User]


def candidates_for(program: Program, seeker: User, filters: Filters | None = None) -> Candidates:
    """The seeker's best allowed helpers, best first, at most the program's top k."""
    filters = filters or Filters()
    pool = build_pool(program, seeker_ids=[seeker.pk], waiting_only=False)
    me = pool.seeker_by_id.get(seeker.pk)
    if me is None:
        raise DomainError(f"You are not an active seeker in {program}.")
    model = model_for(program)
    asked = set(
        model.objects.filter(
            program=program, status__in=OPEN_STATUSES, **{model.SEEKER_FIELD: seeker}
        ).values_list(f"{model.HELPER_FIELD}_id", flat=True)
    )
    helpers = [h for h in pool.helpers if h.id not in asked and _passes(me, h, filters)]
    ranked = engine.rank_candidates(me, helpers, pool.rules, text=pool.text)
    rows = [_row(pool, me, helper, b) for helper, b in ranked if b.total >= filters.min_score]
    return Candidates(
        ranked=rows[: pool.config.top_k],
        languages=sorted({lang for h in pool.helpers for lang in h.languages}),
        already_asked=[pool.people[i] for i in sorted(asked) if i in pool.people],
    )


def _passes(me: engine.Seeker, helper: engine.Helper, filters: Filters) -> bool:
    if filters.language and filters.language not in helper.languages:
        return False
    if filters.outside_department:
        return bool(helper.department) and helper.department != me.department
    return True


def _row(
    pool: Pool, seeker: engine.Seeker, helper: engine.Helper, breakdown: engine.Breakdown
) -> Ranked:
    checks = engine.check_rules(seeker, helper, pool.rules)
    return Ranked(
        pool.people[helper.id], round(breakdown.total, 2), breakdown_json(breakdown, checks)
    )


@dataclass(frozen=True, slots=True)
class Offers:
    ranked: list[Ranked]
    free_places: int


def offers_for(program: Program, helper: User, limit: int = 50) -> Offers:
    """Waiting seekers this helper may be proposed to, best first, and the helper's free places."""
    pool = build_pool(program, helper_ids=[helper.pk], waiting_only=True)
    me = pool.helper_by_id.get(helper.pk)
    if me is None:
        raise DomainError(f"You are not an active {helper_word(program)} in {program}.")
    scored = []
    for position, seeker in enumerate(pool.seekers):
        if not engine.is_allowed(seeker, me, pool.rules):
            continue
        breakdown = engine.score_pair(seeker, me, pool.rules, pool.text)
        if not breakdown.excluded:
            scored.append((-breakdown.scaled, position, seeker, breakdown))
    scored.sort(key=lambda item: (item[0], item[1]))
    rows = []
    for _, _, seeker, breakdown in scored[:limit]:
        checks = engine.check_rules(seeker, me, pool.rules)
        person = pool.people[seeker.id]
        rows.append(Ranked(person, round(breakdown.total, 2), breakdown_json(breakdown, checks)))
    return Offers(ranked=rows, free_places=max(me.capacity, 0))


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

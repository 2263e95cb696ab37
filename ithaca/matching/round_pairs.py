"""A round's pairs as people read them: explained and their hard rules checked when shown.

A round stores each pair's numbers, not its sentences (`explain.stored_pairs`):
the score, each factor's value and level, and the words behind its text
similarity, which are all that depends on the whole pool (the text index is
fitted on everyone waiting). Writing six factor sentences and twelve rule
sentences a pair was most of what a 100,000-seeker round spent after solving.
The factors are put in words again from the stored numbers and the two people,
and the engine only pairs people who pass every rule, a rule reading only the
two people and the program, so the rules are checked again, on fresh rows. Both
happen for the pairs a page or the API shows, and for good when the draft is
published (before anyone's free places change).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ithaca.matching import engine
from ithaca.matching.explain import explained, rules_json, unexplained
from ithaca.matching.models import RoundPair
from ithaca.matching.pool import build_pool
from ithaca.programs.models import Program

# Above this many pairs the whole program is read rather than a list of ids
# (a publish of 70,000 pairs would otherwise send 140,000 ids in one query).
MAX_LISTED = 500


def unchecked(breakdown: dict[str, Any]) -> bool:
    """Whether a stored breakdown still needs its hard rules (a round stores none)."""
    return bool(breakdown) and "rules" not in breakdown


def complete_breakdowns(program: Program, pairs: Sequence[RoundPair]) -> None:
    """Give each pair stored without its words or hard rules the whole breakdown.

    Its factors are explained from the numbers the round stored, and its rules
    checked as they hold now. Changes the pairs in memory only; `round_publish`
    saves them. A pair whose seeker or helper has left the program gets an empty
    list of rules and keeps its factors' numbers without their sentences.
    Reads the same few queries however many pairs there are.
    """
    missing = [pair for pair in pairs if unchecked(pair.breakdown)]
    if not missing:
        return
    listed = len(missing) <= MAX_LISTED
    pool = build_pool(
        program,
        seeker_ids={pair.seeker_id for pair in missing} if listed else None,
        helper_ids={pair.helper_id for pair in missing} if listed else None,
        waiting_only=False,
        rules_only=not any(unexplained(pair.breakdown) for pair in missing),
    )
    for pair in missing:
        seeker = pool.seeker_by_id.get(pair.seeker_id)
        helper = pool.helper_by_id.get(pair.helper_id)
        checks = engine.check_rules(seeker, helper, pool.rules) if seeker and helper else []
        breakdown = pair.breakdown
        if unexplained(breakdown):
            breakdown = explained(breakdown, seeker, helper, pool.rules)
        pair.breakdown = {**breakdown, "rules": rules_json(checks)}

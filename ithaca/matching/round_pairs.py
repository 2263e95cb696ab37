"""A round's pairs as people read them: their hard rules are checked when shown.

A round stores each pair's score and factors, which depend on the whole pool
(the text index is fitted on everyone waiting), but not the sentences of its
hard rules: twelve sentences a pair were half of what a 100,000-seeker round
spent explaining and writing its draft. The engine only pairs people who pass
every rule, and a rule reads only the two people and the program, so the rules
are checked again, on fresh rows, for the pairs a page or the API shows, and
stored for good when the draft is published (before anyone's free places
change).
"""

from __future__ import annotations

from collections.abc import Sequence

from ithaca.matching import engine
from ithaca.matching.explain import rules_json
from ithaca.matching.models import RoundPair
from ithaca.matching.pool import build_pool
from ithaca.programs.models import Program

# Above this many pairs the whole program is read rather than a list of ids
# (a publish of 70,000 pairs would otherwise send 140,000 ids in one query).
MAX_LISTED = 500


def unchecked(breakdown: dict[str, object]) -> bool:
    """Whether a stored breakdown still needs its hard rules (a round stores none)."""
    return bool(breakdown) and "rules" not in breakdown


def with_rules(program: Program, pairs: Sequence[RoundPair]) -> None:
    """Give each pair stored without its hard rules the rules as they hold now.

    Changes the pairs in memory only; `round_publish` saves them. A pair whose
    seeker or helper has left the program gets an empty list.
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
        rules_only=True,
    )
    for pair in missing:
        seeker = pool.seeker_by_id.get(pair.seeker_id)
        helper = pool.helper_by_id.get(pair.helper_id)
        checks = engine.check_rules(seeker, helper, pool.rules) if seeker and helper else []
        pair.breakdown = {**pair.breakdown, "rules": rules_json(checks)}

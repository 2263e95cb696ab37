"""Hard rules: a pair that breaks one is never proposed, by any path.

`check_rules` explains one pair rule by rule, in words both people and the
program manager can read. The array functions below apply the very same rules
to a whole pool at once; the tests hold the two to each other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from .types import BoolArray, Helper, IntArray, Program, RuleCheck, Seeker

GENERAL_MODALITY = "general"


def roles(program: Program) -> tuple[str, str]:
    """The words for the two sides: ("mentee", "mentor") or ("coachee", "coach")."""
    return ("mentee", "mentor") if program.kind == "mentoring" else ("coachee", "coach")


def check_rules(seeker: Seeker, helper: Helper, program: Program) -> list[RuleCheck]:
    """Every hard rule that applies to this program, each with its verdict."""
    checks: list[Callable[[Seeker, Helper, Program], RuleCheck]] = [
        _capacity,
        _not_self,
        _seeker_eligible,
        _helper_eligible,
    ]
    if program.kind == "mentoring":
        checks += [_not_line_manager, _not_above_in_chain, _not_assessor]
    checks += [_no_conflict, _not_blocked, _not_declined, _training, _shared_language]
    if program.kind == "coaching":
        checks.append(_modality)
    return [check(seeker, helper, program) for check in checks]


def is_allowed(seeker: Seeker, helper: Helper, program: Program) -> bool:
    return all(check.passed for check in check_rules(seeker, helper, program))


def _capacity(s: Seeker, h: Helper, p: Program) -> RuleCheck:
    mentee = roles(p)[0]
    if h.capacity > 0:
        return RuleCheck("capacity", True, f"{h.name} has room for another {mentee}")
    return RuleCheck("capacity", False, f"{h.name} has no free places")


def _not_self(s: Seeker, h: Helper, p: Program) -> RuleCheck:
    if s.id != h.id:
        return RuleCheck("not_self", True, f"{h.name} and {s.name} are different people")
    return RuleCheck("not_self", False, f"{h.name} cannot be matched with themselves")


def _in(person_id: int, allowed: bool | frozenset[int]) -> bool:
    return allowed if isinstance(allowed, bool) else person_id in allowed


def _seeker_eligible(s: Seeker, h: Helper, p: Program) -> RuleCheck:
    ok = _in(s.id, p.eligible_seekers)
    verdict = "is" if ok else "is not"
    return RuleCheck("seeker_eligible", ok, f"{s.name} {verdict} eligible for this program")


def _helper_eligible(s: Seeker, h: Helper, p: Program) -> RuleCheck:
    ok = _in(h.id, p.eligible_helpers)
    verdict = "is" if ok else "is not"
    role = roles(p)[1]
    return RuleCheck("helper_eligible", ok, f"{h.name} {verdict} eligible as a {role} here")


def _not_line_manager(s: Seeker, h: Helper, p: Program) -> RuleCheck:
    if s.manager_chain and s.manager_chain[0] == h.id:
        return RuleCheck("not_line_manager", False, f"{h.name} is {s.name}'s line manager")
    return RuleCheck("not_line_manager", True, f"{h.name} is not {s.name}'s line manager")


def _not_above_in_chain(s: Seeker, h: Helper, p: Program) -> RuleCheck:
    above = s.manager_chain[1 : max(p.chain_depth, 1)]
    if h.id in above:
        levels = above.index(h.id) + 2
        text = f"{h.name} is {levels} levels above {s.name} in their management chain"
        return RuleCheck("not_above_in_chain", False, text)
    text = f"{h.name} is not above {s.name} in their management chain"
    return RuleCheck("not_above_in_chain", True, text)


def _not_assessor(s: Seeker, h: Helper, p: Program) -> RuleCheck:
    if h.id in s.assessor_ids:
        return RuleCheck("not_assessor", False, f"{h.name} assesses {s.name}'s work")
    return RuleCheck("not_assessor", True, f"{h.name} does not assess {s.name}'s work")


def _no_conflict(s: Seeker, h: Helper, p: Program) -> RuleCheck:
    if h.id in s.conflict_ids or s.id in h.conflict_ids:
        text = f"A conflict of interest is declared between {h.name} and {s.name}"
        return RuleCheck("no_conflict", False, text)
    text = f"No conflict of interest is declared between {h.name} and {s.name}"
    return RuleCheck("no_conflict", True, text)


def _not_blocked(s: Seeker, h: Helper, p: Program) -> RuleCheck:
    if h.id in s.blocked_ids:
        text = f"{s.name} has opted out of being matched with {h.name}"
        return RuleCheck("not_blocked", False, text)
    if s.id in h.blocked_ids:
        text = f"{h.name} has opted out of being matched with {s.name}"
        return RuleCheck("not_blocked", False, text)
    return RuleCheck("not_blocked", True, f"Neither {h.name} nor {s.name} has opted out")


def _not_declined(s: Seeker, h: Helper, p: Program) -> RuleCheck:
    if (s.id, h.id) in p.declined:
        text = f"{h.name} and {s.name} were proposed before in this program and declined"
        return RuleCheck("not_declined", False, text)
    text = f"{h.name} and {s.name} have not declined each other in this program"
    return RuleCheck("not_declined", True, text)


def _training(s: Seeker, h: Helper, p: Program) -> RuleCheck:
    course = "mentor training" if p.kind == "mentoring" else "coach accreditation"
    if not p.requires_training:
        return RuleCheck("training", True, f"This program does not require {course}")
    if h.trained:
        return RuleCheck("training", True, f"{h.name} has completed {course}")
    text = f"{h.name} has not completed {course}, which this program requires"
    return RuleCheck("training", False, text)


def _shared_language(s: Seeker, h: Helper, p: Program) -> RuleCheck:
    shared = sorted(s.languages & h.languages)
    if shared:
        return RuleCheck("shared_language", True, f"{h.name} speaks {shared[0]} with {s.name}")
    return RuleCheck("shared_language", False, f"{h.name} and {s.name} share no language")


def _modality(s: Seeker, h: Helper, p: Program) -> RuleCheck:
    mode = p.mode.replace("-", " ").replace("_", " ")
    if p.mode in h.modalities:
        return RuleCheck("modality", True, f"{h.name} coaches in the {mode} mode")
    if GENERAL_MODALITY in h.modalities:
        return RuleCheck("modality", True, f"{h.name} offers general coaching")
    return RuleCheck("modality", False, f"{h.name} does not coach in the {mode} mode")


# --- The same rules over a whole pool -------------------------------------------------


def seeker_mask(seekers: Sequence[Seeker], program: Program) -> BoolArray:
    """Seekers allowed at all (program eligibility is the only seeker-only rule)."""
    return np.fromiter((_in(s.id, program.eligible_seekers) for s in seekers), bool, len(seekers))


def helper_mask(helpers: Sequence[Helper], program: Program) -> BoolArray:
    """Helpers allowed at all: free places, eligibility, training and modality."""

    def ok(h: Helper) -> bool:
        if h.capacity <= 0 or not _in(h.id, program.eligible_helpers):
            return False
        if program.requires_training and not h.trained:
            return False
        if program.kind == "coaching":
            return program.mode in h.modalities or GENERAL_MODALITY in h.modalities
        return True

    return np.fromiter((ok(h) for h in helpers), bool, len(helpers))


def language_groups(
    seekers: Sequence[Seeker], helpers: Sequence[Helper]
) -> tuple[IntArray, list[IntArray]]:
    """Group seekers by language set; each group lists the helpers sharing a language.

    Returns the group of each seeker and, per group, helper indices in order.
    """
    bits: dict[str, int] = {}
    for languages in [*(s.languages for s in seekers), *(h.languages for h in helpers)]:
        for lang in languages:
            bits.setdefault(lang, 1 << len(bits))
    helper_bits = [sum(bits[lang] for lang in h.languages) for h in helpers]
    group_of: dict[frozenset[str], int] = {}
    groups: list[IntArray] = []
    seeker_group = np.empty(len(seekers), dtype=np.int64)
    for i, s in enumerate(seekers):
        g = group_of.get(s.languages)
        if g is None:
            g = group_of[s.languages] = len(groups)
            want = sum(bits[lang] for lang in s.languages)
            allowed = [j for j, hb in enumerate(helper_bits) if hb & want]
            groups.append(np.asarray(allowed, dtype=np.int64))
        seeker_group[i] = g
    return seeker_group, groups


def excluded_pairs(
    seekers: Sequence[Seeker], helpers: Sequence[Helper], program: Program
) -> tuple[IntArray, IntArray]:
    """Pairs ruled out person by person: self, independence, conflicts, opt-outs, declines.

    Returns unique (seeker index, helper index) arrays.
    """
    helper_at = {h.id: j for j, h in enumerate(helpers)}
    seeker_at = {s.id: i for i, s in enumerate(seekers)}
    keys: list[int] = []
    n_helpers = len(helpers)
    for i, s in enumerate(seekers):
        ids = {s.id} | s.conflict_ids | s.blocked_ids
        if program.kind == "mentoring":
            ids.update(s.manager_chain[: max(program.chain_depth, 1)])
            ids |= s.assessor_ids
        keys.extend(i * n_helpers + helper_at[pid] for pid in ids if pid in helper_at)
    for j, h in enumerate(helpers):
        for pid in h.conflict_ids | h.blocked_ids:
            if pid in seeker_at:
                keys.append(seeker_at[pid] * n_helpers + j)
    for sid, hid in program.declined:
        if sid in seeker_at and hid in helper_at:
            keys.append(seeker_at[sid] * n_helpers + helper_at[hid])
    unique = np.unique(np.asarray(keys, dtype=np.int64))
    return unique // max(n_helpers, 1), unique % max(n_helpers, 1)

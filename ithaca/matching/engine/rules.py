"""Hard rules: a pair that breaks one is never proposed, by any path.

`check_rules` explains one pair rule by rule, in words both people and the
program manager can read. The array functions below apply the very same rules
to a whole pool at once; the tests hold the two to each other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from typing import Any

import numpy as np
import numpy.typing as npt

from .phrase import Phrase as P
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
    if h.capacity > 0:
        if p.kind == "mentoring":
            return RuleCheck(
                "capacity", True, P("%(helper)s has room for another mentee", helper=h.name)
            )
        return RuleCheck(
            "capacity", True, P("%(helper)s has room for another coachee", helper=h.name)
        )
    return RuleCheck("capacity", False, P("%(helper)s has no free places", helper=h.name))


def _not_self(s: Seeker, h: Helper, p: Program) -> RuleCheck:
    if s.id != h.id:
        text = P("%(helper)s and %(seeker)s are different people", helper=h.name, seeker=s.name)
        return RuleCheck("not_self", True, text)
    return RuleCheck(
        "not_self", False, P("%(helper)s cannot be matched with themselves", helper=h.name)
    )


def _in(person_id: int, allowed: bool | frozenset[int]) -> bool:
    return allowed if isinstance(allowed, bool) else person_id in allowed


def _seeker_eligible(s: Seeker, h: Helper, p: Program) -> RuleCheck:
    if _in(s.id, p.eligible_seekers):
        return RuleCheck(
            "seeker_eligible", True, P("%(seeker)s is eligible for this program", seeker=s.name)
        )
    return RuleCheck(
        "seeker_eligible", False, P("%(seeker)s is not eligible for this program", seeker=s.name)
    )


def _helper_eligible(s: Seeker, h: Helper, p: Program) -> RuleCheck:
    ok = _in(h.id, p.eligible_helpers)
    if p.kind == "mentoring":
        template = (
            "%(helper)s is eligible as a mentor here"
            if ok
            else "%(helper)s is not eligible as a mentor here"
        )
    else:
        template = (
            "%(helper)s is eligible as a coach here"
            if ok
            else "%(helper)s is not eligible as a coach here"
        )
    return RuleCheck("helper_eligible", ok, P(template, helper=h.name))


def _not_line_manager(s: Seeker, h: Helper, p: Program) -> RuleCheck:
    if s.manager_chain and s.manager_chain[0] == h.id:
        text = P("%(helper)s is %(seeker)s's line manager", helper=h.name, seeker=s.name)
        return RuleCheck("not_line_manager", False, text)
    text = P("%(helper)s is not %(seeker)s's line manager", helper=h.name, seeker=s.name)
    return RuleCheck("not_line_manager", True, text)


def _not_above_in_chain(s: Seeker, h: Helper, p: Program) -> RuleCheck:
    above = s.manager_chain[1 : max(p.chain_depth, 1)]
    if h.id in above:
        levels = above.index(h.id) + 2
        text = P(
            "%(helper)s is %(levels)s levels above %(seeker)s in their management chain",
            helper=h.name,
            seeker=s.name,
            levels=levels,
        )
        return RuleCheck("not_above_in_chain", False, text)
    text = P(
        "%(helper)s is not above %(seeker)s in their management chain", helper=h.name, seeker=s.name
    )
    return RuleCheck("not_above_in_chain", True, text)


def _not_assessor(s: Seeker, h: Helper, p: Program) -> RuleCheck:
    if h.id in s.assessor_ids:
        text = P("%(helper)s assesses %(seeker)s's work", helper=h.name, seeker=s.name)
        return RuleCheck("not_assessor", False, text)
    text = P("%(helper)s does not assess %(seeker)s's work", helper=h.name, seeker=s.name)
    return RuleCheck("not_assessor", True, text)


def _no_conflict(s: Seeker, h: Helper, p: Program) -> RuleCheck:
    if h.id in s.conflict_ids or s.id in h.conflict_ids:
        text = P(
            "A conflict of interest is declared between %(helper)s and %(seeker)s",
            helper=h.name,
            seeker=s.name,
        )
        return RuleCheck("no_conflict", False, text)
    text = P(
        "No conflict of interest is declared between %(helper)s and %(seeker)s",
        helper=h.name,
        seeker=s.name,
    )
    return RuleCheck("no_conflict", True, text)


def _not_blocked(s: Seeker, h: Helper, p: Program) -> RuleCheck:
    if h.id in s.blocked_ids:
        text = P(
            "%(seeker)s has opted out of being matched with %(helper)s",
            helper=h.name,
            seeker=s.name,
        )
        return RuleCheck("not_blocked", False, text)
    if s.id in h.blocked_ids:
        text = P(
            "%(helper)s has opted out of being matched with %(seeker)s",
            helper=h.name,
            seeker=s.name,
        )
        return RuleCheck("not_blocked", False, text)
    text = P("Neither %(helper)s nor %(seeker)s has opted out", helper=h.name, seeker=s.name)
    return RuleCheck("not_blocked", True, text)


def _not_declined(s: Seeker, h: Helper, p: Program) -> RuleCheck:
    if (s.id, h.id) in p.declined:
        text = P(
            "%(helper)s and %(seeker)s were proposed before in this program and declined",
            helper=h.name,
            seeker=s.name,
        )
        return RuleCheck("not_declined", False, text)
    text = P(
        "%(helper)s and %(seeker)s have not declined each other in this program",
        helper=h.name,
        seeker=s.name,
    )
    return RuleCheck("not_declined", True, text)


# What each kind of program may require of its helpers, in three sentences each.
_TRAINING = {
    "mentoring": (
        "This program does not require mentor training",
        "%(helper)s has completed mentor training",
        "%(helper)s has not completed mentor training, which this program requires",
    ),
    "coaching": (
        "This program does not require coach accreditation",
        "%(helper)s has completed coach accreditation",
        "%(helper)s has not completed coach accreditation, which this program requires",
    ),
}


def _training(s: Seeker, h: Helper, p: Program) -> RuleCheck:
    not_required, done, missing = _TRAINING["mentoring" if p.kind == "mentoring" else "coaching"]
    if not p.requires_training:
        return RuleCheck("training", True, P(not_required))
    if h.trained:
        return RuleCheck("training", True, P(done, helper=h.name))
    return RuleCheck("training", False, P(missing, helper=h.name))


def _shared_language(s: Seeker, h: Helper, p: Program) -> RuleCheck:
    shared = sorted(s.languages & h.languages)
    if shared:
        text = P(
            "%(helper)s speaks %(language)s with %(seeker)s",
            helper=h.name,
            seeker=s.name,
            language=shared[0],
        )
        return RuleCheck("shared_language", True, text)
    text = P("%(helper)s and %(seeker)s share no language", helper=h.name, seeker=s.name)
    return RuleCheck("shared_language", False, text)


def _modality(s: Seeker, h: Helper, p: Program) -> RuleCheck:
    mode = p.mode.replace("-", " ").replace("_", " ")
    if p.mode in h.modalities:
        text = P(
            "%(helper)s coaches in the %(mode)s mode", helper=h.name, mode=mode, mode_slug=p.mode
        )
        return RuleCheck("modality", True, text)
    if GENERAL_MODALITY in h.modalities:
        return RuleCheck("modality", True, P("%(helper)s offers general coaching", helper=h.name))
    text = P(
        "%(helper)s does not coach in the %(mode)s mode", helper=h.name, mode=mode, mode_slug=p.mode
    )
    return RuleCheck("modality", False, text)


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

    Returns unique (seeker index, helper index) arrays. The ids each person
    names are gathered for everyone at once and looked up among the other
    side's ids with one sorted search, rather than person by person.
    """
    n_helpers = len(helpers)
    seeker_ids = np.fromiter((s.id for s in seekers), np.int64, len(seekers))
    helper_ids = np.fromiter((h.id for h in helpers), np.int64, n_helpers)
    named: list[Sequence[Iterable[int]]] = [
        [s.conflict_ids for s in seekers],
        [s.blocked_ids for s in seekers],
    ]
    if program.kind == "mentoring":
        depth = max(program.chain_depth, 1)
        named += [[s.manager_chain[:depth] for s in seekers], [s.assessor_ids for s in seekers]]
    owners, ids = [np.arange(len(seekers))], [seeker_ids]  # nobody is their own helper
    for sets in named:
        owner, found = flatten(sets)
        owners.append(owner)
        ids.append(found)
    s_of, h_of = _among(np.concatenate(ids), helper_ids)
    keys = [np.concatenate(owners)[s_of] * n_helpers + h_of]
    for sets in ([h.conflict_ids for h in helpers], [h.blocked_ids for h in helpers]):
        owner, found = flatten(sets)
        at, s_index = _among(found, seeker_ids)
        keys.append(s_index * n_helpers + owner[at])
    if program.declined:
        sid, hid = np.array(sorted(program.declined), dtype=np.int64).reshape(-1, 2).T
        at_s, s_index = _among(sid, seeker_ids)
        at_h, h_index = _among(hid[at_s], helper_ids)
        keys.append(s_index[at_h] * n_helpers + h_index)
    unique = np.unique(np.concatenate(keys))
    return unique // max(n_helpers, 1), unique % max(n_helpers, 1)


def flatten(
    sets: Sequence[Iterable[Any]], dtype: Any = np.int64, key: Callable[[Any], Any] | None = None
) -> tuple[IntArray, npt.NDArray[Any]]:
    """Whose each item is (the index of its collection), and every item of every
    collection in order, through ``key`` when given, as an array of ``dtype``. Used for
    the ids people name here and for the items of `features.bit_words`."""
    counts = np.fromiter(map(len, sets), np.int64, len(sets))  # type: ignore[arg-type]
    named = np.flatnonzero(counts)  # most collections are empty: skip them
    items = chain.from_iterable(map(sets.__getitem__, named.tolist()))
    found = np.fromiter(items if key is None else map(key, items), dtype, int(counts.sum()))
    return np.repeat(named, counts[named]), found


def _among(wanted: IntArray, ids: IntArray) -> tuple[IntArray, IntArray]:
    """Which of `wanted` are among `ids` (unique), and their indices there."""
    order = np.argsort(ids, kind="stable")
    at = np.searchsorted(ids[order], wanted).clip(max=max(ids.size - 1, 0))
    hit = np.flatnonzero(ids[order][at] == wanted) if ids.size else np.zeros(0, np.int64)
    return hit, order[at[hit]]

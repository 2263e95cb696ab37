"""Explainable scores for one pair: factors, levels and plain-words reasons.

Each factor gives a value in [0, 1] and says why in words both people and the
program manager can read. A program sets each factor's level; the score is
the weighted mean of the factors that apply to this seeker, out of 100. The
array versions of the same formulas live in `features.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from . import rules
from .phrase import Phrase, plural_count
from .phrase import Phrase as P
from .text import TextIndex, tfidf_index, tokens
from .types import (
    FACTORS,
    LEVEL_WEIGHTS,
    LEVELS,
    PREF_HELPER_IDENTITY,
    PREF_OUTSIDE_DEPARTMENT,
    PREF_SHARED_IDENTITY,
    Breakdown,
    FactorScore,
    Helper,
    Level,
    Program,
    Seeker,
)

# Experience gaps saturate: ten more years (or three grades) count as fully senior.
YEARS_SPAN = 10.0
GRADE_SPAN = 3.0
# For peers a gap of half a span (five years) or more counts as no longer peers.
PEER_BAND = 0.5
WORKING_HOURS = 8.0


Verdict = tuple[bool, float, str]  # applicable, value, explanation


def default_levels(program: Program) -> dict[str, Level]:
    """Mentoring leans on lived experience; coaching on the need and the fit of the coach."""
    if program.kind == "coaching":
        return {
            "walked_the_path": "off",
            "experience_gap": "off",
            "need_similarity": "high",
            "shared_interests": "low",
            "timezone_overlap": "medium",
            "preferences": "medium",
        }
    return {
        "walked_the_path": "high",
        "experience_gap": "medium",
        "need_similarity": "high",
        "shared_interests": "low",
        "timezone_overlap": "medium",
        "preferences": "medium",
    }


def levels_for(program: Program) -> dict[str, Level]:
    """Defaults overridden by the program's own weights; unknown names fail loudly."""
    levels = default_levels(program)
    for factor, level in program.weights.items():
        if factor not in FACTORS:
            raise ValueError(f"Unknown matching factor {factor!r}")
        if level not in LEVELS:
            raise ValueError(f"Unknown level {level!r} for {factor}")
        levels[factor] = level
    return levels


def experience_direction(program: Program) -> str:
    """Which way the gap should point: mentors ahead, reverse mentors behind, peers level."""
    if program.kind == "mentoring" and program.mode == "reverse":
        return "junior"
    if program.kind == "mentoring" and program.mode in {"peer", "co_mentoring"}:
        return "peer"
    return "senior"


def walked_the_path(s: Seeker, h: Helper, p: Program, text: TextIndex) -> Verdict:
    target = set(tokens(s.target))
    if not target:
        return False, 0.0, P("%(seeker)s has not named a role or move to aim for", seeker=s.name)
    best, entry, is_role = 0.0, "", True
    for item, role in [(r, True) for r in h.roles] + [(t, False) for t in h.transitions]:
        overlap = len(target & set(tokens(item))) / len(target)
        if overlap > best:
            best, entry, is_role = overlap, item, role
    if best == 0.0:
        return (
            True,
            0.0,
            P("%(helper)s has not held a role like %(target)s", helper=h.name, target=s.target),
        )
    if is_role:
        an = entry[:1].lower() in "aeiou"
        if best == 1.0:
            template = (
                "%(helper)s has been an %(entry)s, the role %(seeker)s is aiming for"
                if an
                else "%(helper)s has been a %(entry)s, the role %(seeker)s is aiming for"
            )
        else:
            template = (
                "%(helper)s has been an %(entry)s, close to %(target)s, the role %(seeker)s is aiming for"  # noqa: E501
                if an
                else "%(helper)s has been a %(entry)s, close to %(target)s, the role %(seeker)s is aiming for"  # noqa: E501
            )
        return True, best, P(template, helper=h.name, seeker=s.name, entry=entry, target=s.target)
    if best == 1.0:
        template = "%(helper)s has made the move %(entry)s, the move %(seeker)s wants to make"
    else:
        template = "%(helper)s has made the move %(entry)s, close to %(target)s, the move %(seeker)s wants to make"  # noqa: E501
    return True, best, P(template, helper=h.name, seeker=s.name, entry=entry, target=s.target)


# How far apart two people are, by unit: (singular, plural) templates per situation.
_GAP_WORDS: Mapping[tuple[str, str], tuple[str, str]] = {
    ("similar", "grade"): (
        "%(helper)s and %(seeker)s are at a similar stage (%(n)s grade apart)",
        "%(helper)s and %(seeker)s are at a similar stage (%(n)s grades apart)",
    ),
    ("similar", "year"): (
        "%(helper)s and %(seeker)s are at a similar stage (%(n)s year apart)",
        "%(helper)s and %(seeker)s are at a similar stage (%(n)s years apart)",
    ),
    ("different", "grade"): (
        "%(helper)s and %(seeker)s are at a different stage (%(n)s grade apart)",
        "%(helper)s and %(seeker)s are at a different stage (%(n)s grades apart)",
    ),
    ("different", "year"): (
        "%(helper)s and %(seeker)s are at a different stage (%(n)s year apart)",
        "%(helper)s and %(seeker)s are at a different stage (%(n)s years apart)",
    ),
    ("junior", "grade"): (
        "%(helper)s is %(n)s grade earlier in their career than %(seeker)s, as reverse mentoring intends",  # noqa: E501
        "%(helper)s is %(n)s grades earlier in their career than %(seeker)s, as reverse mentoring intends",  # noqa: E501
    ),
    ("junior", "year"): (
        "%(helper)s is %(n)s year earlier in their career than %(seeker)s, as reverse mentoring intends",  # noqa: E501
        "%(helper)s is %(n)s years earlier in their career than %(seeker)s, as reverse mentoring intends",  # noqa: E501
    ),
    ("senior", "year"): (
        "%(helper)s has %(n)s year more experience than %(seeker)s",
        "%(helper)s has %(n)s years more experience than %(seeker)s",
    ),
    ("senior", "grade"): (
        "%(helper)s is %(n)s grade above %(seeker)s",
        "%(helper)s is %(n)s grades above %(seeker)s",
    ),
}


def _gap_words(situation: str, unit: str, n: float, s: Seeker, h: Helper) -> Phrase:
    one, many = _GAP_WORDS[(situation, unit)]
    return P(one, plural=many, count=plural_count(n), helper=h.name, seeker=s.name, n=f"{n:g}")


def _gap(s: Seeker, h: Helper) -> tuple[float, float, str] | None:
    """Helper minus seeker, as a share of the saturating span, plus the raw gap and unit."""
    if s.grade is not None and h.grade is not None:
        return (h.grade - s.grade) / GRADE_SPAN, float(h.grade - s.grade), "grade"
    if s.years is not None and h.years is not None:
        return (h.years - s.years) / YEARS_SPAN, h.years - s.years, "year"
    return None


def experience_gap(s: Seeker, h: Helper, p: Program, text: TextIndex) -> Verdict:
    if s.years is None and s.grade is None:
        return False, 0.0, P("%(seeker)s's experience is not recorded", seeker=s.name)
    found = _gap(s, h)
    if found is None:
        return True, 0.0, P("%(helper)s's experience is not recorded", helper=h.name)
    gap, raw, unit = found
    direction = experience_direction(p)
    if direction == "peer":
        value = max(0.0, 1.0 - abs(gap) / PEER_BAND)
        stage = "similar" if value > 0 else "different"
        return True, value, _gap_words(stage, unit, abs(raw), s, h)
    if direction == "junior":
        value = min(max(-gap, 0.0), 1.0)
        if value == 0:
            return (
                True,
                value,
                P(
                    "%(helper)s is not earlier in their career than %(seeker)s",
                    helper=h.name,
                    seeker=s.name,
                ),
            )
        return True, value, _gap_words("junior", unit, -raw, s, h)
    value = min(max(gap, 0.0), 1.0)
    if value == 0:
        return (
            True,
            value,
            P("%(helper)s is not further along than %(seeker)s", helper=h.name, seeker=s.name),
        )
    return True, value, _gap_words("senior", unit, raw, s, h)


# How closely the expertise matches, without and with the words both texts share.
_SIMILARITY_WORDS: Mapping[str, tuple[str, str]] = {
    "closely": (
        "%(helper)s's expertise closely matches what %(seeker)s asked for",
        "%(helper)s's expertise closely matches what %(seeker)s asked for (both mention %(words)s)",
    ),
    "partly": (
        "%(helper)s's expertise partly matches what %(seeker)s asked for",
        "%(helper)s's expertise partly matches what %(seeker)s asked for (both mention %(words)s)",
    ),
    "slightly": (
        "%(helper)s's expertise slightly matches what %(seeker)s asked for",
        "%(helper)s's expertise slightly matches what %(seeker)s asked for (both mention %(words)s)",  # noqa: E501
    ),
}


def need_similarity(s: Seeker, h: Helper, p: Program, text: TextIndex) -> Verdict:
    s_row, h_row = text.seeker_row(s.id), text.helper_row(h.id)
    if s_row < 0 or not bool(text.seeker_has_text(np.array([s_row]))[0]):
        return similarity_words(s, h, None, [])
    value = float(text.pair_similarities(np.array([s_row]), np.array([h_row]))[0])
    return similarity_words(s, h, value, text.shared_terms(s.id, h.id) if value else [])


def similarity_words(s: Seeker, h: Helper, value: float | None, words: Sequence[str]) -> Verdict:
    """need_similarity's verdict from its value (None: the seeker wrote nothing) and the
    words both texts share (`TextIndex.shared_terms`; only read when the value is above 0).

    The text index is fitted on the whole pool, so a stored pair keeps its value
    and words and is explained later from them (`breakdown_from_values`).
    """
    if value is None:
        return False, 0.0, P("%(seeker)s has not described what they want", seeker=s.name)
    if value == 0.0:
        return (
            True,
            value,
            P(
                "%(helper)s's expertise does not match what %(seeker)s asked for",
                helper=h.name,
                seeker=s.name,
            ),
        )
    strength = "closely" if value >= 0.5 else "partly" if value >= 0.2 else "slightly"
    alone, with_words = _SIMILARITY_WORDS[strength]
    if words:
        return True, value, P(with_words, helper=h.name, seeker=s.name, words=", ".join(words))
    return True, value, P(alone, helper=h.name, seeker=s.name)


def _similarities(pairs: Sequence[tuple[Seeker, Helper]], text: TextIndex) -> list[float | None]:
    """need_similarity's value for many pairs at once; None where the seeker wrote nothing.

    The same array calls as `need_similarity` makes for one pair, on all rows
    at once: each pair's value depends only on its two rows (see
    `TextIndex.pair_similarities`), so the values are the same to the bit.
    """
    s_rows = np.array([text.seeker_row(s.id) for s, _ in pairs], dtype=np.int64)
    h_rows = np.array([text.helper_row(h.id) for _, h in pairs], dtype=np.int64)
    has_text = (s_rows >= 0) & text.seeker_has_text(s_rows)
    values = np.zeros(len(pairs), dtype=np.float64)
    if has_text.any():
        values[has_text] = text.pair_similarities(s_rows[has_text], h_rows[has_text])
    found = zip(values.tolist(), has_text.tolist(), strict=True)
    return [float(v) if ok else None for v, ok in found]


def shared_interests(s: Seeker, h: Helper, p: Program, text: TextIndex) -> Verdict:
    if not s.interests:
        return False, 0.0, P("%(seeker)s has not listed interests", seeker=s.name)
    shared = s.interests & h.interests
    value = len(shared) / len(s.interests | h.interests)
    if not shared:
        return (
            True,
            value,
            P("%(helper)s and %(seeker)s share no listed interests", helper=h.name, seeker=s.name),
        )
    return (
        True,
        value,
        P(
            "%(helper)s and %(seeker)s share %(count)s interest: %(listed)s",
            plural="%(helper)s and %(seeker)s share %(count)s interests: %(listed)s",
            count=len(shared),
            helper=h.name,
            seeker=s.name,
            listed=", ".join(sorted(shared)),
        ),
    )


def timezone_overlap(s: Seeker, h: Helper, p: Program, text: TextIndex) -> Verdict:
    if s.utc_offset is None:
        return False, 0.0, P("%(seeker)s's time zone is not recorded", seeker=s.name)
    if h.utc_offset is None:
        return True, 0.0, P("%(helper)s's time zone is not recorded", helper=h.name)
    diff = abs(s.utc_offset - h.utc_offset) % 24.0
    diff = min(diff, 24.0 - diff)
    hours = max(0.0, WORKING_HOURS - diff)
    if hours == 0.0:
        apart = "Working hours do not overlap (%(hours)s hours apart)"
        return True, 0.0, P(apart, plural=apart, count=plural_count(diff), hours=f"{diff:g}")
    overlap = "Working hours overlap by %(hours)s hours"
    return (
        True,
        hours / WORKING_HOURS,
        P(overlap, plural=overlap, count=plural_count(hours), hours=f"{hours:g}"),
    )


def known_preferences(s: Seeker) -> list[str]:
    """The seeker's preferences the engine understands, in a stable order."""
    if not s.preferences:
        return []
    known = {PREF_OUTSIDE_DEPARTMENT, PREF_SHARED_IDENTITY}
    return sorted(k for k in s.preferences if k in known or k.startswith(PREF_HELPER_IDENTITY))


def preference_met(key: str, s: Seeker, h: Helper) -> bool:
    if key == PREF_OUTSIDE_DEPARTMENT:
        return bool(s.department and h.department and s.department != h.department)
    if key == PREF_SHARED_IDENTITY:
        return bool(s.identities & h.identities)
    return key.removeprefix(PREF_HELPER_IDENTITY) in h.identities


def _preference_words(key: str, s: Seeker) -> Phrase:
    # Identity tags are never named in explanations: both people and the manager read them.
    if key == PREF_OUTSIDE_DEPARTMENT:
        return P("works outside %(seeker)s's department", seeker=s.name)
    if key == PREF_SHARED_IDENTITY:
        return P("shares an identity %(seeker)s chose to disclose", seeker=s.name)
    return P("matches an identity %(seeker)s asked for", seeker=s.name)


def preferences(s: Seeker, h: Helper, p: Program, text: TextIndex) -> Verdict:
    keys = known_preferences(s)
    if not keys:
        return False, 0.0, P("%(seeker)s stated no preferences", seeker=s.name)
    met = [k for k in keys if preference_met(k, h=h, s=s)]
    value = len(met) / len(keys)
    if not met:
        none = "%(helper)s meets none of %(seeker)s's %(count)s stated preferences"
        return True, value, P(none, plural=none, count=len(keys), helper=h.name, seeker=s.name)
    said = tuple(_preference_words(k, s) for k in met)
    some = "%(helper)s meets %(met)s of %(count)s preferences: %(said)s"
    return (
        True,
        value,
        P(some, plural=some, count=len(keys), helper=h.name, met=len(met), said=said),
    )


_NO_TEXT: TextIndex = None  # type: ignore[assignment]

FACTOR_FUNCTIONS: Mapping[str, Callable[[Seeker, Helper, Program, TextIndex], Verdict]] = {
    "walked_the_path": walked_the_path,
    "experience_gap": experience_gap,
    "need_similarity": need_similarity,
    "shared_interests": shared_interests,
    "timezone_overlap": timezone_overlap,
    "preferences": preferences,
}


def score_pair(
    seeker: Seeker, helper: Helper, program: Program, text: TextIndex | None = None
) -> Breakdown:
    """Score one pair out of 100 with every factor's contribution and reason.

    Pass the pool's `text` index so similarities match the whole-pool run; with
    none, TF-IDF is fitted on just these two texts.
    """
    index = text if text is not None else tfidf_index([seeker], [helper])
    levels = levels_for(program)
    verdicts = {f: FACTOR_FUNCTIONS[f](seeker, helper, program, index) for f in FACTORS}
    return _breakdown(verdicts, levels, program)


def score_pairs(
    pairs: Sequence[tuple[Seeker, Helper]], program: Program, text: TextIndex
) -> list[Breakdown]:
    """`score_pair` for many pairs of one pool: the same breakdowns, made faster.

    What every pair shares (the levels) is worked out once, and the text
    similarities of all pairs come from one array call instead of one each.
    """
    levels = levels_for(program)
    functions = [(f, FACTOR_FUNCTIONS[f]) for f in FACTORS if f != "need_similarity"]
    out = []
    for (seeker, helper), value in zip(pairs, _similarities(pairs, text), strict=True):
        verdicts = {f: fn(seeker, helper, program, text) for f, fn in functions}
        words = text.shared_terms(seeker.id, helper.id) if value else []
        verdicts["need_similarity"] = similarity_words(seeker, helper, value, words)
        out.append(_breakdown(verdicts, levels, program))
    return out


def breakdown_from_values(
    seeker: Seeker | None,
    helper: Helper | None,
    program: Program,
    levels: Mapping[str, Level],
    values: Sequence[float | None],
    words: Sequence[str],
) -> Breakdown:
    """`score_pair`'s breakdown of a pair from its stored numbers, without the text index.

    `values` are the factors' values in `FACTORS` order (None where a factor
    does not apply) and `words` the shared words behind the text similarity, as
    `stored.pair_values` keeps them when a round runs. The numbers (value,
    points, total) come from them; the other factors' sentences are written
    from the two people as given. With the people and levels the round had,
    this is exactly `score_pair(seeker, helper, program, round_text)`. Without
    either person the sentences are empty.
    """
    verdicts: dict[str, Verdict] = {}
    for f, value in zip(FACTORS, values, strict=True):
        if seeker is None or helper is None:
            verdicts[f] = (value is not None, 0.0 if value is None else value, "")
        elif f == "need_similarity":
            verdicts[f] = similarity_words(seeker, helper, value, words)
        else:
            # The text index is only read by need_similarity.
            said = FACTOR_FUNCTIONS[f](seeker, helper, program, _NO_TEXT)[2]
            verdicts[f] = (value is not None, 0.0 if value is None else value, said)
    return _breakdown(verdicts, levels, program)


def _breakdown(
    verdicts: Mapping[str, Verdict], levels: Mapping[str, Level], p: Program
) -> Breakdown:
    acc, weight = 0.0, 0
    for f in FACTORS:
        w = LEVEL_WEIGHTS[levels[f]]
        applicable, value, _ = verdicts[f]
        if applicable and w:
            acc += w * value
            weight += w
    total = acc * 100.0 / weight if weight else 0.0
    factors, excluded = [], []
    for f in FACTORS:
        applicable, value, words = verdicts[f]
        w = LEVEL_WEIGHTS[levels[f]]
        points = w * value * 100.0 / weight if applicable and weight else 0.0
        if levels[f] == "must" and applicable and value <= p.must_above:
            excluded.append(f)
            words = P(
                "%(reason)s (a must-have in this program, so this pairing is not proposed)",
                reason=words,
            )
        factors.append(FactorScore(f, levels[f], value, points, applicable, words))
    return Breakdown(total=total, factors=tuple(factors), excluded_by=tuple(excluded))


def rank_candidates(
    seeker: Seeker,
    helpers: Sequence[Helper],
    program: Program,
    text: TextIndex | None = None,
    limit: int | None = None,
) -> list[tuple[Helper, Breakdown]]:
    """Allowed helpers for one seeker, best first, each with its breakdown.

    This is the per-pair path: fine for one seeker against hundreds of helpers.
    Ties keep the helpers' given order, as the whole-pool path does.
    """
    index = text if text is not None else tfidf_index([seeker], list(helpers))
    ranked = []
    for position, helper in enumerate(helpers):
        if not rules.is_allowed(seeker, helper, program):
            continue
        breakdown = score_pair(seeker, helper, program, index)
        if not breakdown.excluded:
            ranked.append((-breakdown.scaled, position, helper, breakdown))
    ranked.sort(key=lambda item: (item[0], item[1]))
    return [(helper, breakdown) for _, _, helper, breakdown in ranked[:limit]]

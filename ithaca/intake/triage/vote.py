"""The vote: the explainable rules and the reader of meaning, combined.

The rule-based result is turned into a distribution over the four labels (its pick weighs
by its confidence) and averaged with the classifier's probabilities, with a weight per
language learnt on the tune split (``train.py``): in English the rules know many wordings;
in French, Spanish and German they know fewer, so the reader of meaning weighs more.

Whatever wins, the person reads reasons in the dimensions of DOMAIN.md that quote their own
words: when the vote agrees with the rules, the rules' reasons stand; when it does not, the
reasons are rebuilt from the signals on the winning side and from the clause of the
statement that reads most like that side.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from . import reasons as wording
from . import semantic
from .modes import suggest_modes
from .result import Recommendation, TriageResult
from .signals import Signal

LABELS: tuple[Recommendation, ...] = ("coaching", "mentoring", "both", "unclear")
# Below this combined probability a decided result still offers follow-up questions.
LOW_CONFIDENCE = 0.55
MAX_QUOTE = 160
# A rule-based decision at least this confident is not turned into "unclear" by the vote.
FIRM = 0.5


def rule_distribution(result: TriageResult, unclear: float) -> dict[str, float]:
    """The rules' result as probabilities: its pick weighs by its confidence.

    An "unclear" from the rules mostly says that they found too little, which says little
    about the other labels, so it carries the trained weight ``unclear`` and the rest spreads.
    """
    if result.recommendation == "unclear":
        rest = (1.0 - unclear) / 3
        return {label: unclear if label == "unclear" else rest for label in LABELS}
    top = 0.5 + 0.5 * result.confidence
    rest = (1.0 - top) / 3
    return {label: top if label == result.recommendation else rest for label in LABELS}


def combine(rules: dict[str, float], meaning: dict[str, float], weight: float) -> dict[str, float]:
    return {label: weight * meaning[label] + (1 - weight) * rules[label] for label in LABELS}


def vote(result: TriageResult, text: str, *, keep_both: bool = False) -> TriageResult:
    """Let the reader of meaning vote on a rule-based result; unchanged if it cannot run.

    With ``keep_both`` (the rules found each need in a clause of its own) the vote may
    still ask ("unclear") but not keep only one of the two needs."""
    reading = semantic.read(text)
    if reading is None:
        return result
    weight = semantic.vote_weight(result.language)
    rules = rule_distribution(result, semantic.rule_unclear(result.language))
    combined = combine(rules, reading.probabilities, weight)
    label: Recommendation = max(LABELS, key=lambda k: combined[k])
    if label == "unclear" and result.recommendation != "unclear" and result.confidence >= FIRM:
        # The classifier's "unclear" says it has seen too little like this; where the rules
        # found a need they are fairly sure of, that is no reason to ask again instead.
        label = max(LABELS[:3], key=lambda k: combined[k])
    if keep_both and label in ("coaching", "mentoring"):
        label = "both"
    heard = {k: round(v, 3) for k, v in reading.probabilities.items()}
    if label == result.recommendation:
        return replace(result, semantic=heard)
    return _overruled(result, text, label, round(combined[label], 3), heard)


def _overruled(
    result: TriageResult,
    text: str,
    label: Recommendation,
    confidence: float,
    heard: dict[str, float],
) -> TriageResult:
    signals = result.signals
    covered = {s.dimension for s in signals if s.weight > 0}
    questions = []
    if label == "unclear" or confidence < LOW_CONFIDENCE:
        questions = wording.follow_ups(covered, limit=3 if label == "unclear" else 2)
    if result.third_party:
        questions.append(wording.FOLLOW_UPS["consent"])
    coaching_clause, mentoring_clause = (
        semantic.side_clauses(text) if label != "unclear" else (None, None)
    )
    reasons, coaching_part, mentoring_part = _explain(
        label, text, signals, coaching_clause, mentoring_clause
    )
    reasons += [r for r in result.reasons if r.startswith(_KEPT)]
    return replace(
        result,
        recommendation=label,
        confidence=confidence,
        reasons=reasons,
        coaching_part=coaching_part,
        mentoring_part=mentoring_part,
        modes=_modes(label, text, signals),
        follow_up_questions=questions,
        semantic=heard,
    )


# Reasons about consent and thin text are kept whatever the vote says.
_KEPT = ("The idea came from someone else", "This seems to be someone else's idea", "What you")


def _explain(
    label: Recommendation,
    text: str,
    signals: list[Signal],
    coaching_clause: str | None,
    mentoring_clause: str | None,
) -> tuple[list[str], str | None, str | None]:
    if label == "unclear":
        return [wording.UNCLEAR_BY_VOTE, *wording.signal_reasons(signals)], None, None
    if label == "both":
        coaching = [s for s in signals if s.side == "coaching" and s.weight > 0]
        mentoring = [s for s in signals if s.side == "mentoring" and s.weight > 0]
        parts = (
            _part("coaching", coaching_clause, coaching),
            _part("mentoring", mentoring_clause, mentoring),
        )
        return [wording.BOTH_SUMMARY, *wording.signal_reasons(signals)], *parts
    side: Literal["coaching", "mentoring"] = label
    clause = (coaching_clause if side == "coaching" else mentoring_clause) or text
    own = wording.signal_reasons([s for s in signals if s.side == side])
    counter = wording.counter_reason("mentoring" if side == "coaching" else "coaching", signals)
    reasons = [wording.meaning_reason(side, _trim(clause)), *own]
    return reasons + ([counter] if counter else []), None, None


def _part(side: str, clause: str | None, signals: list[Signal]) -> str:
    return wording.part_description(side, [clause] if clause else [], signals)


def _modes(label: Recommendation, text: str, signals: list[Signal]) -> list[str]:
    if label == "unclear":
        return []
    short = any(s.name in ("deadline", "short_horizon", "answer.horizon.weeks") for s in signals)
    return suggest_modes(
        text,
        coaching=label in ("coaching", "both"),
        mentoring=label in ("mentoring", "both"),
        short=short,
    )


def _trim(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1] + "…"

"""The triage result: a recommendation with everything needed to explain it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from .signals import Signal

Recommendation = Literal["coaching", "mentoring", "both", "unclear"]
# What to do instead of a recommendation when the statement is someone else's wish:
# "referral" (written for someone else: use the referral flow), "own_wish" (the person
# was sent: what do they want?), "confidentiality" (a request to read someone's sessions).
NextStep = Literal["referral", "own_wish", "confidentiality"]


@dataclass(frozen=True)
class TriageResult:
    """The recommendation for one intake, with everything needed to explain it.

    ``scores`` holds the evidence totals per side ("coaching", "mentoring"), the evidence a
    "both" rests on (the weaker side's total when both sides carry substance, else 0) and,
    under "unclear", how far the stronger side falls short of ``MIN_EVIDENCE``.
    """

    recommendation: Recommendation
    confidence: float
    reasons: list[str]
    coaching_part: str | None
    mentoring_part: str | None
    modes: list[str]
    follow_up_questions: list[str]
    third_party: bool
    scores: dict[str, float]
    signals: list[Signal] = field(default_factory=list)
    language: str = "en"
    next_step: NextStep | None = None
    # How the paraphrase-robust reader voted ({label: probability}); empty when it did not.
    semantic: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "recommendation": self.recommendation,
            "language": self.language,
            "confidence": self.confidence,
            "reasons": list(self.reasons),
            "coaching_part": self.coaching_part,
            "mentoring_part": self.mentoring_part,
            "modes": list(self.modes),
            "follow_up_questions": list(self.follow_up_questions),
            "third_party": self.third_party,
            "next_step": self.next_step,
            "scores": dict(self.scores),
            "semantic": dict(self.semantic),
            "signals": [s.to_dict() for s in self.signals],
        }

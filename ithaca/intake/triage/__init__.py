"""Intake triage: recommend mentoring, coaching, both, or ask, from a seeker's own words.

Pure Python (standard library only, no Django) so it can be unit-tested and benchmarked
alone. The model is a transparent weighted sum of quoted signals; see ``weights.WEIGHTS``
for every weight and why, and ``model`` for the thresholds.
"""

from .model import TriageResult, triage
from .modes import COACHING_MODES, MENTORING_MODES
from .questions import QUESTIONS, QUESTIONS_BY_KEY, Question, normalize_answers
from .signals import Signal
from .weights import KINDS, WEIGHTS, SignalKind

__all__ = [
    "COACHING_MODES",
    "KINDS",
    "MENTORING_MODES",
    "QUESTIONS",
    "QUESTIONS_BY_KEY",
    "WEIGHTS",
    "Question",
    "Signal",
    "SignalKind",
    "TriageResult",
    "normalize_answers",
    "triage",
]

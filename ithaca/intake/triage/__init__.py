"""Intake triage: recommend mentoring, coaching, both, or ask, from a seeker's own words.

No Django, so it can be unit-tested and benchmarked alone. Two readers vote: a transparent
weighted sum of quoted signals in English, French, Spanish and German (``weights.WEIGHTS``
for every weight and why, ``model`` for the thresholds), and a reader of meaning, a
multilingual sentence embedding with a small classifier (``semantic``), loaded lazily once
per process (``vote`` combines them). Statements on someone else's behalf and statements in
other languages are answered before any vote (``third_party``, ``language``).
"""

from .language import SUPPORTED as LANGUAGES
from .model import triage
from .modes import COACHING_MODES, MENTORING_MODES
from .questions import QUESTIONS, QUESTIONS_BY_KEY, Question, normalize_answers
from .result import TriageResult
from .signals import Signal
from .weights import KINDS, WEIGHTS, SignalKind

__all__ = [
    "COACHING_MODES",
    "KINDS",
    "LANGUAGES",
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

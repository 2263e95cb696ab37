"""Mentoring: relationships, their shared space, private journals, events and training."""

from ithaca.mentoring.models.care import Closing, Decision, Nudge, Review
from ithaca.mentoring.models.events import (
    ContinueMark,
    EventSignup,
    MentoringEvent,
    MutualInterest,
)
from ithaca.mentoring.models.relationship import MentoringGroup, MentoringRelationship
from ithaca.mentoring.models.training import TrainingAttempt, TrainingCompletion, TrainingModule
from ithaca.mentoring.models.workspace import (
    AgendaTopic,
    Goal,
    GoalNote,
    Introduction,
    JournalEntry,
    Meeting,
    MeetingNote,
    Side,
)

__all__ = [
    "AgendaTopic",
    "Closing",
    "ContinueMark",
    "Decision",
    "EventSignup",
    "Goal",
    "GoalNote",
    "Introduction",
    "JournalEntry",
    "Meeting",
    "MeetingNote",
    "MentoringEvent",
    "MentoringGroup",
    "MentoringRelationship",
    "MutualInterest",
    "Nudge",
    "Review",
    "Side",
    "TrainingAttempt",
    "TrainingCompletion",
    "TrainingModule",
]

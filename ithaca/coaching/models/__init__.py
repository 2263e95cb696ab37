"""Coaching engagements: contracted, time-bound, goal-measured.

One module per part of the engagement; everything is importable from here.
"""

from ithaca.coaching.models.agreement import AgreementSignature, AgreementVersion
from ithaca.coaching.models.engagement import CoachingEngagement
from ithaca.coaching.models.goals import ActionItem, CheckIn, Goal
from ithaca.coaching.models.outcomes import (
    CloseOutEvaluation,
    EvaluationAnswer,
    FollowUpSurvey,
    SponsorReport,
)
from ithaca.coaching.models.sessions import CoachingSession, SessionNote
from ithaca.coaching.models.sponsors import SponsorInvitation

__all__ = [
    "ActionItem",
    "AgreementSignature",
    "AgreementVersion",
    "CheckIn",
    "CloseOutEvaluation",
    "CoachingEngagement",
    "CoachingSession",
    "EvaluationAnswer",
    "FollowUpSurvey",
    "Goal",
    "SessionNote",
    "SponsorInvitation",
    "SponsorReport",
]

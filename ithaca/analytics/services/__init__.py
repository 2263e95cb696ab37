"""Every write of the analytics app: surveys, ratings, preferences, digests, reports."""

from ithaca.analytics.services.reports import report_generate, report_request
from ithaca.analytics.services.surveys import (
    meeting_rate,
    pulse_invitations_create,
    rating_prompts_create,
    survey_answer,
    survey_settings_set,
)

__all__ = [
    "meeting_rate",
    "pulse_invitations_create",
    "rating_prompts_create",
    "report_generate",
    "report_request",
    "survey_answer",
    "survey_settings_set",
]

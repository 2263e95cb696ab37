"""Mentoring and coaching, side by side: which model, which role, which propose service.

Matching creates relationships only through the mentoring and coaching
services, which run `programs.relationships.validate_proposal` (every hard
rule) and their own checks (referrals, groups, sponsors).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import pgettext

from ithaca.accounts.models import User
from ithaca.coaching.models import CoachingEngagement
from ithaca.coaching.services import engagement_propose
from ithaca.mentoring.models import MentoringRelationship
from ithaca.mentoring.services import mentoring_propose
from ithaca.programs.models import HelpingRelationship, Participation, Program

MODELS: dict[str, Any] = {"mentoring": MentoringRelationship, "coaching": CoachingEngagement}


def model_for(program: Program) -> Any:
    """MentoringRelationship or CoachingEngagement (typed Any: both share the base's fields)."""
    return MODELS[program.kind]


def helper_role(program: Program) -> str:
    return Participation.Role.MENTOR if program.is_mentoring else Participation.Role.COACH


def role_words(program: Program) -> dict[str, str]:
    """The words for the two sides and the helpers, in the reader's language (for pages)."""
    if program.is_mentoring:
        return {
            "helper_word": pgettext("role", "mentor"),
            "helper_plural": pgettext("role", "mentors"),
            "seeker_word": pgettext("role", "mentee"),
        }
    return {
        "helper_word": pgettext("role", "coach"),
        "helper_plural": pgettext("role", "coaches"),
        "seeker_word": pgettext("role", "coachee"),
    }


def helper_word(program: Program) -> str:
    return "mentor" if program.is_mentoring else "coach"


def helper_plural(program: Program) -> str:
    return "mentors" if program.is_mentoring else "coaches"


def seeker_word(program: Program) -> str:
    return "mentee" if program.is_mentoring else "coachee"


def propose(
    *, program: Program, helper: User, seeker: User, proposed_by: User
) -> HelpingRelationship:
    """Propose through the kind's own service; a DomainError says why a pair is refused."""
    if program.is_mentoring:
        return mentoring_propose(
            program=program, mentor=helper, mentee=seeker, proposed_by=proposed_by
        )
    return engagement_propose(
        program=program, coach=helper, coachee=seeker, proposed_by=proposed_by
    )


def relationship_of(kind: str, pk: int) -> Any:
    model = MODELS.get(kind)
    if model is None:
        return None
    return model.objects.select_related("program").filter(pk=pk).first()

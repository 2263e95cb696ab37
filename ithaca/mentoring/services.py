"""Writes to mentoring relationships."""

from __future__ import annotations

from django.db import transaction

from ithaca.accounts.models import User
from ithaca.core.errors import DomainError
from ithaca.intake.selectors import referral_blocks
from ithaca.mentoring.models import MentoringRelationship
from ithaca.programs.models import Program
from ithaca.programs.relationships import relationship_propose


@transaction.atomic
def mentoring_propose(
    *, program: Program, mentor: User, mentee: User, proposed_by: User | None
) -> MentoringRelationship:
    """Propose a mentoring relationship; it needs both people's acceptance to start."""
    if not program.is_mentoring:
        raise DomainError(f"{program} is a coaching program, not a mentoring one.")
    if referral_blocks(mentee, "mentoring"):
        raise DomainError(
            f"{mentee} was referred by someone else and has not yet written in an intake "
            "what they want from mentoring."
        )
    return relationship_propose(
        MentoringRelationship,
        program=program,
        helper=mentor,
        seeker=mentee,
        proposed_by=proposed_by,
    )

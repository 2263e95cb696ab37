"""Writes to coaching engagements."""

from __future__ import annotations

from django.db import transaction

from ithaca.accounts.models import User
from ithaca.coaching.models import CoachingEngagement
from ithaca.core.errors import DomainError
from ithaca.intake.selectors import referral_blocks
from ithaca.programs.models import Participation, Program
from ithaca.programs.relationships import relationship_propose


def _check_sponsor(program: Program, sponsor: User, coach: User, coachee: User) -> None:
    if sponsor.pk in (coach.pk, coachee.pk):
        raise DomainError("A sponsor is a third party: neither the coach nor the coachee.")
    is_sponsor = Participation.objects.filter(
        program=program, user=sponsor, role=Participation.Role.SPONSOR
    ).exists()
    if not is_sponsor:
        raise DomainError(f"{sponsor} is not a sponsor in {program}.")


@transaction.atomic
def engagement_propose(
    *,
    program: Program,
    coach: User,
    coachee: User,
    proposed_by: User | None,
    sponsor: User | None = None,
) -> CoachingEngagement:
    """Propose a coaching engagement on the program's default contract terms."""
    if not program.is_coaching:
        raise DomainError(f"{program} is a mentoring program, not a coaching one.")
    if sponsor is not None:
        _check_sponsor(program, sponsor, coach, coachee)
    if referral_blocks(coachee, "coaching"):
        raise DomainError(
            f"{coachee} was referred by someone else and has not yet written their own "
            "desired outcome in an intake; coaching starts from what they want."
        )
    return relationship_propose(
        CoachingEngagement,
        program=program,
        helper=coach,
        seeker=coachee,
        proposed_by=proposed_by,
        sponsor=sponsor,
        session_count=program.session_count,
        session_cadence_days=program.session_cadence_days,
    )

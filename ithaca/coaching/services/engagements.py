"""Proposing, accepting and starting coaching engagements.

Coaching wraps the shared lifecycle (programs/relationships.py) with one gate
of its own: an engagement becomes active only when the coach and the coachee
have both accepted AND every party (coach, coachee, and the sponsor when there
is one) has signed the current agreement version. Whichever of those comes
last (an acceptance or a signature) starts it.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.coaching.models import CoachingEngagement
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.intake.selectors import referral_blocks
from ithaca.programs.lifecycle import Status, check_transition
from ithaca.programs.models import Participation, Program
from ithaca.programs.relationships import (
    relationship_accept,
    relationship_propose,
    side_of,
    withdraw_competing,
)


def _check_sponsor(program: Program, sponsor: User, coach: User, coachee: User) -> None:
    if sponsor.pk in (coach.pk, coachee.pk):
        raise DomainError(_("A sponsor is a third party: neither the coach nor the coachee."))
    is_sponsor = Participation.objects.filter(
        program=program, user=sponsor, role=Participation.Role.SPONSOR
    ).exists()
    if not is_sponsor:
        raise DomainError(
            _("%(person)s is not a sponsor in %(program)s.")
            % {"person": sponsor, "program": program}
        )


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
        raise DomainError(
            _("%(program)s is a mentoring program, not a coaching one.") % {"program": program}
        )
    if sponsor is not None:
        _check_sponsor(program, sponsor, coach, coachee)
    if referral_blocks(coachee, "coaching"):
        raise DomainError(
            _(
                "%(person)s was referred by someone else and has not yet written their own "
                "desired outcome in an intake; coaching starts from what they want."
            )
            % {"person": coachee}
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


def record_acceptance(engagement: CoachingEngagement, user: User) -> bool:
    """Mark this person's yes on a locked, proposed engagement; False if already there."""
    side = side_of(engagement, user)
    if side is None:
        raise PermissionDenied(_("Only the coach and the coachee can accept an engagement."))
    field = f"{side}_accepted_at"
    if getattr(engagement, field) is not None:
        return False
    setattr(engagement, field, timezone.now())
    engagement.save(update_fields=[field, "updated_at"])
    return True


def start_if_ready(engagement: CoachingEngagement) -> CoachingEngagement:
    """Move a locked, proposed engagement to active once both said yes and all signed."""
    if engagement.status != Status.PROPOSED:
        return engagement
    if not (engagement.helper_accepted_at and engagement.seeker_accepted_at):
        return engagement
    if engagement.start_blocker() is not None:
        return engagement
    check_transition(engagement.status, Status.ACTIVE)
    withdraw_competing(engagement)
    engagement.status = Status.ACTIVE
    engagement.started_at = engagement.started_at or timezone.now()
    engagement.save(update_fields=["status", "started_at", "updated_at"])
    return engagement


@transaction.atomic
def engagement_accept(*, engagement: CoachingEngagement, user: User) -> CoachingEngagement:
    """Record the coach's or coachee's yes; the engagement starts when, in addition,
    every party has signed the agreement."""
    # The shared lifecycle asks CoachingEngagement.start_blocker() about signatures.
    return relationship_accept(engagement, user=user)

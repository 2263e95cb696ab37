"""Proposing mentoring relationships."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.core.errors import DomainError
from ithaca.intake.selectors import referral_blocks
from ithaca.mentoring.formats import Format
from ithaca.mentoring.models import MentoringGroup, MentoringRelationship
from ithaca.programs.models import Program
from ithaca.programs.relationships import relationship_propose, validate_proposal


def _group_for(program: Program, mentor: User) -> MentoringGroup:
    """The mentor's one group in a group-mentoring program, made on first use."""
    group, _created = MentoringGroup.objects.get_or_create(
        program=program, mentor=mentor, defaults={"name": f"{mentor.display_name}'s group"}
    )
    return group


@transaction.atomic
def mentoring_propose(
    *, program: Program, mentor: User, mentee: User, proposed_by: User | None
) -> MentoringRelationship:
    """Propose a mentoring relationship; it needs both people's acceptance to start.

    In group mentoring the relationship joins the mentor's group, whose
    agenda, meetings and notes it then shares.
    """
    if not program.is_mentoring:
        raise DomainError(
            _("%(program)s is a coaching program, not a mentoring one.") % {"program": program}
        )
    if referral_blocks(mentee, "mentoring"):
        raise DomainError(
            _(
                "%(mentee)s was referred by someone else and has not yet written in an intake "
                "what they want from mentoring."
            )
            % {"mentee": mentee}
        )
    extra: dict[str, object] = {}
    if Format(program.mode).is_group:
        # Check the rules before creating a group for a pair that will be refused.
        validate_proposal(MentoringRelationship, program=program, helper=mentor, seeker=mentee)
        extra["group"] = _group_for(program, mentor)
    return relationship_propose(
        MentoringRelationship,
        program=program,
        helper=mentor,
        seeker=mentee,
        proposed_by=proposed_by,
        **extra,
    )

"""Fit checks: after the first meeting, either person may ask for a re-match."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.coaching.models import CoachingEngagement, CoachingSession
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.matching import notices
from ithaca.matching.models import FitCheck
from ithaca.mentoring.health import TOOK_PLACE
from ithaca.mentoring.models import Meeting, MentoringRelationship
from ithaca.programs.lifecycle import Status
from ithaca.programs.models import HelpingRelationship, PairExclusion
from ithaca.programs.relationships import side_of


def has_met(relationship: HelpingRelationship) -> bool:
    """True once a meeting (mentoring) or a session (coaching) has taken place."""
    if isinstance(relationship, CoachingEngagement):
        return CoachingSession.objects.filter(
            engagement=relationship, status=CoachingSession.Status.HELD
        ).exists()
    if isinstance(relationship, MentoringRelationship):
        # In group mentoring a meeting of the group counts for every mentee in it.
        mine = Q(relationship=relationship)
        if relationship.group_id is not None:
            mine |= Q(relationship__group_id=relationship.group_id)
        return Meeting.objects.filter(
            mine, status__in=TOOK_PLACE, starts_at__lte=timezone.now()
        ).exists()
    return False


@transaction.atomic
def fit_check_request(
    *, relationship: HelpingRelationship, user: User, reason: str = ""
) -> FitCheck:
    """Ask for a re-match: the pair is not proposed again in this program.

    The relationship itself goes on: the two people end it through the
    lifecycle when they choose to.
    """
    if side_of(relationship, user) is None:
        raise PermissionDenied(
            _("Only the two people in this relationship can ask for a re-match.")
        )
    if relationship.status not in (Status.ACTIVE, Status.PAUSED):
        raise DomainError(
            _("A re-match can be asked for once the two of you are working together.")
        )
    if not has_met(relationship):
        raise DomainError(
            _("A fit check comes after your first meeting: ask again once you have met.")
        )
    program = relationship.program
    if FitCheck.objects.filter(kind=program.kind, relationship_id=relationship.pk).exists():
        raise DomainError(_("A re-match has already been asked for on this relationship."))
    fit_check = FitCheck.objects.create(
        program=program,
        kind=program.kind,
        relationship_id=relationship.pk,
        seeker_id=relationship.seeker_id_value,
        helper_id=relationship.helper_id_value,
        requested_by=user,
        reason=reason.strip()[:2000],
    )
    PairExclusion.objects.get_or_create(
        program=program,
        helper_id=relationship.helper_id_value,
        seeker_id=relationship.seeker_id_value,
        defaults={
            "reason": PairExclusion.Reason.FIT_CHECK,
            "requested_by": user,
            "note": fit_check.reason,
        },
    )
    notices.tell_fit_check(fit_check)
    return fit_check

"""Lifecycle services shared by mentoring relationships and coaching engagements.

The mentoring and coaching apps call these with their own model; each move is
checked against the lifecycle table and against who is asking, under a row
lock so two people clicking at once cannot both win.
"""

from __future__ import annotations

from typing import TypeVar

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.core.errors import DomainError, PermissionDenied, TransitionError
from ithaca.matching.engine import RuleCheck
from ithaca.matching.engine.phrase import Phrase as P
from ithaca.programs import notices, reasons
from ithaca.programs.eligibility import failed_rules, said
from ithaca.programs.lifecycle import OPEN_STATUSES, Status, check_transition
from ithaca.programs.models import HelpingRelationship, Participation, Program

R = TypeVar("R", bound=HelpingRelationship)


def side_of(relationship: HelpingRelationship, user: User) -> str | None:
    """'helper', 'seeker' or None for someone outside the relationship."""
    if user.pk == relationship.helper_id_value:
        return "helper"
    if user.pk == relationship.seeker_id_value:
        return "seeker"
    return None


def _locked(relationship: R) -> R:
    return type(relationship).objects.select_for_update().get(pk=relationship.pk)  # type: ignore[attr-defined]


def _party_side(relationship: HelpingRelationship, user: User) -> str:
    side = side_of(relationship, user)
    if side is None:
        raise PermissionDenied(_("Only the two people in this relationship can do that."))
    return side


COMPETING_REASON = reasons.COMPETING


def withdraw_competing(relationship: HelpingRelationship) -> int:
    """Once a seeker starts with one helper, their other proposals in the program are
    withdrawn: a self-match allows several open requests, but only one may start."""
    model = type(relationship)
    others = model.objects.filter(  # type: ignore[attr-defined]
        program_id=relationship.program_id,
        status=Status.PROPOSED,
        **{f"{model.SEEKER_FIELD}_id": relationship.seeker_id_value},
    ).exclude(pk=relationship.pk)
    return int(
        others.update(
            status=Status.WITHDRAWN,
            ended_at=timezone.now(),
            status_reason=COMPETING_REASON,
            updated_at=timezone.now(),
        )
    )


def _move(relationship: R, target: str, reason: str = "") -> R:
    check_transition(relationship.status, target)
    now = timezone.now()
    relationship.status = target
    if target == Status.ACTIVE and relationship.started_at is None:
        relationship.started_at = now
    if target in (Status.CONCLUDED, Status.DECLINED, Status.WITHDRAWN):
        relationship.ended_at = now
    if reason:
        relationship.status_reason = reason
    relationship.save()
    return relationship


@transaction.atomic
def relationship_accept(relationship: R, *, user: User) -> R:
    """Record one side's yes; the relationship starts when both have said yes."""
    relationship = _locked(relationship)
    side = _party_side(relationship, user)
    if relationship.status != Status.PROPOSED:
        state = relationship.get_status_display().lower()
        raise TransitionError(
            _("This proposal is %(state)s and can no longer be accepted.") % {"state": state}
        )
    field = f"{side}_accepted_at"
    if getattr(relationship, field) is not None:
        raise TransitionError(_("You have already accepted; waiting for the other person."))
    # People and profiles change after a proposal is made (an import, a new opt-out):
    # a yes counts only for a pair that still keeps every hard rule.
    broken = proposal_broken_rules(relationship)
    if broken:
        reasons = "; ".join(said(check.explanation) for check in broken)
        raise DomainError(
            _("This proposal can no longer start: %(reasons)s.") % {"reasons": reasons}
        )
    setattr(relationship, field, timezone.now())
    both = relationship.helper_accepted_at and relationship.seeker_accepted_at
    if both and relationship.start_blocker() is None:
        withdraw_competing(relationship)
        relationship = _move(relationship, Status.ACTIVE)
        notices.tell_accepted(relationship, actor=user, started=True)
        return relationship
    relationship.save()
    notices.tell_accepted(relationship, actor=user, started=False)
    return relationship


@transaction.atomic
def relationship_decline(relationship: R, *, user: User, reason: str = "") -> R:
    """Either person says no to a proposal."""
    relationship = _locked(relationship)
    _party_side(relationship, user)
    relationship = _move(relationship, Status.DECLINED, reason.strip())
    notices.tell_declined(relationship, actor=user, reason=reason.strip())
    return relationship


@transaction.atomic
def relationship_withdraw(relationship: R, *, user: User, reason: str = "") -> R:
    """The proposer (or either person) takes a proposal back before it starts."""
    relationship = _locked(relationship)
    if side_of(relationship, user) is None and relationship.proposed_by_id != user.pk:
        raise PermissionDenied(_("Only the people involved or the proposer can withdraw this."))
    return _move(relationship, Status.WITHDRAWN, reason.strip())


@transaction.atomic
def relationship_pause(relationship: R, *, user: User, reason: str = "") -> R:
    relationship = _locked(relationship)
    _party_side(relationship, user)
    return _move(relationship, Status.PAUSED, reason.strip())


@transaction.atomic
def relationship_resume(relationship: R, *, user: User) -> R:
    relationship = _locked(relationship)
    _party_side(relationship, user)
    if relationship.status != Status.PAUSED:
        # proposed -> active is legal only through both acceptances
        raise TransitionError(_("Only a paused relationship can be resumed."))
    return _move(relationship, Status.ACTIVE)


@transaction.atomic
def relationship_conclude(relationship: R, *, user: User, reason: str = "", tell: bool = True) -> R:
    """Either person may end an active or paused relationship. `tell=False` when the
    caller tells the other side itself (a coaching close-out asks for an evaluation)."""
    relationship = _locked(relationship)
    _party_side(relationship, user)
    relationship = _move(relationship, Status.CONCLUDED, reason.strip())
    if tell:
        notices.tell_concluded(relationship, actor=user)
    return relationship


def proposal_broken_rules(relationship: HelpingRelationship) -> list[RuleCheck]:
    """The hard rules a proposal breaks today, its own place not counted against capacity.

    A helper or seeker no longer active in the program breaks the eligibility rule.
    """
    program = relationship.program
    helper = getattr(relationship, relationship.HELPER_FIELD)
    seeker = getattr(relationship, relationship.SEEKER_FIELD)
    helper_role = Participation.Role.MENTOR if program.is_mentoring else Participation.Role.COACH
    helper_part = _active_participation(program.pk, helper, helper_role)
    if helper_part is None:
        template = (
            "%(helper)s is no longer an active mentor in %(program)s"
            if program.is_mentoring
            else "%(helper)s is no longer an active coach in %(program)s"
        )
        return [
            RuleCheck(
                "helper_eligible", False, P(template, helper=str(helper), program=str(program))
            )
        ]
    if _active_participation(program.pk, seeker, Participation.Role.SEEKER) is None:
        text = P(
            "%(seeker)s is no longer active in %(program)s",
            seeker=str(seeker),
            program=str(program),
        )
        return [RuleCheck("seeker_eligible", False, text)]
    return failed_rules(
        type(relationship),
        program=program,
        helper=helper,
        seeker=seeker,
        helper_part=helper_part,
        exclude_pk=relationship.pk,
    )


def _active_participation(program_id: int, user: User, role: str) -> Participation | None:
    return Participation.objects.filter(
        program_id=program_id, user=user, role=role, state=Participation.State.ACTIVE
    ).first()


def validate_proposal(
    model: type[HelpingRelationship], *, program: Program, helper: User, seeker: User
) -> None:
    """Refuse a pair that breaks any hard rule; every path to a relationship calls this."""
    if helper.pk == seeker.pk:
        raise DomainError(_("Nobody can be their own mentor or coach."))
    helper_role = Participation.Role.MENTOR if program.is_mentoring else Participation.Role.COACH
    helper_part = _active_participation(program.pk, helper, helper_role)
    if helper_part is None:
        raise DomainError(
            (
                _("%(person)s is not an active mentor in %(program)s.")
                if helper_role == Participation.Role.MENTOR
                else _("%(person)s is not an active coach in %(program)s.")
            )
            % {"person": helper, "program": program}
        )
    if _active_participation(program.pk, seeker, Participation.Role.SEEKER) is None:
        raise DomainError(
            _("%(person)s is not an active participant in %(program)s.")
            % {"person": seeker, "program": program}
        )
    pair = {"program": program, model.HELPER_FIELD: helper, model.SEEKER_FIELD: seeker}
    if model.objects.filter(status__in=OPEN_STATUSES, **pair).exists():  # type: ignore[attr-defined]
        raise DomainError(_("These two people already have an open relationship in this program."))
    broken = failed_rules(
        model, program=program, helper=helper, seeker=seeker, helper_part=helper_part
    )
    if broken:
        reasons = "; ".join(said(check.explanation) for check in broken)
        raise DomainError(_("This pair cannot be proposed: %(reasons)s.") % {"reasons": reasons})


def relationship_propose(
    model: type[R],
    *,
    program: Program,
    helper: User,
    seeker: User,
    proposed_by: User | None,
    **extra: object,
) -> R:
    """Create a proposal. A proposer who is one of the two people has thereby accepted."""
    validate_proposal(model, program=program, helper=helper, seeker=seeker)
    now = timezone.now()
    relationship = model(
        program=program,
        proposed_by=proposed_by,
        helper_accepted_at=now if proposed_by and proposed_by.pk == helper.pk else None,
        seeker_accepted_at=now if proposed_by and proposed_by.pk == seeker.pk else None,
        **{model.HELPER_FIELD: helper, model.SEEKER_FIELD: seeker},
        **extra,
    )
    try:
        with transaction.atomic():
            relationship.save()
    except IntegrityError:
        raise DomainError(
            _("These two people already have an open relationship in this program.")
        ) from None
    return relationship

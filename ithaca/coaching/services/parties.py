"""Who is in an engagement: changing the coach, coachee or sponsor, and sponsor invitations.

Signatures are bound to the people who gave them. Any change of party writes a
new agreement version (a copy of the newest terms) that every party, the new
one included, must sign; until then no version governs, the newcomer reads only
that version, and a replaced sponsor has no access at all (selectors.admitted,
access.party_role). The admin cannot change parties; these services do.

A sponsor joins only by accepting an invitation: the coachee invites one (the
invitation goes straight to the sponsor), or a program manager proposes one
(the coachee agrees first). The agreement's choices of what the sponsor sees
appear only once a sponsor has accepted.

Everyone told about these events is told from `_tell` below (`notify`).
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.audit.services import permission_changed
from ithaca.audit.summaries import word
from ithaca.coaching import rules
from ithaca.coaching.models import (
    AgreementVersion,
    CoachingEngagement,
    SponsorInvitation,
)
from ithaca.coaching.selectors import current_agreement
from ithaca.coaching.services._base import locked, require_open, role_of
from ithaca.coaching.services.agreements import Terms
from ithaca.coaching.services.engagements import _check_sponsor
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.notifications.services import notify
from ithaca.programs.eligibility import failed_rules
from ithaca.programs.lifecycle import OPEN_STATUSES, Status
from ithaca.programs.models import Participation

Invite = SponsorInvitation.Status
PARTY_FIELDS = {rules.COACH: "coach", rules.COACHEE: "coachee", rules.SPONSOR: "sponsor"}


# --- notifications: everything people are told about parties and invitations ---


def _tell(
    kind: str,
    engagement: CoachingEngagement,
    people: list[User | None],
    url: str,
    context: dict[str, object],
    subject: CoachingEngagement | SponsorInvitation | None = None,
) -> None:
    """One notification per person (each told once per event)."""
    event = timezone.now().isoformat()
    for person in {p.pk: p for p in people if p is not None}.values():
        notify(
            recipient=person,
            kind=kind,
            subject=subject or engagement,
            context={"coachee": engagement.coachee.display_name, **context},
            url=url,
            event=event,
        )


def _tell_parties_changed(
    engagement: CoachingEngagement, party: str, old: User | None, version: AgreementVersion | None
) -> None:
    """The new party and those who stay sign again; the one who left is told they left."""
    staying = [engagement.coach, engagement.coachee, engagement.sponsor]
    context: dict[str, object] = {
        "party": party,
        "version": version.number if version is not None else "",
    }
    _tell(
        "parties.changed",
        engagement,
        staying,
        reverse("coaching:agreement", args=[engagement.pk]),
        context,
    )
    if old is not None:
        _tell("parties.left", engagement, [old], reverse("home"), context)


def _tell_invitation(invitation: SponsorInvitation, people: list[User | None], event: str) -> None:
    engagement = invitation.engagement
    _tell(
        f"sponsor.{event}",
        engagement,
        people,
        reverse("coaching:sponsor_invitation", args=[invitation.pk]),
        {"coach": engagement.coach.display_name, "sponsor": invitation.sponsor.display_name},
        subject=invitation,
    )


# --- changing a party ---


def _already_the(person: User, party: str) -> str:
    messages = {
        rules.COACH: _("%(person)s is already the coach."),
        rules.COACHEE: _("%(person)s is already the coachee."),
        rules.SPONSOR: _("%(person)s is already the sponsor."),
    }
    return messages[party] % {"person": person}


def _invitation_closed(invitation: SponsorInvitation) -> str:
    return _("This invitation is %(status)s.") % {"status": invitation.get_status_display().lower()}


def _is_manager(engagement: CoachingEngagement, user: User) -> bool:
    return engagement.program.managers.filter(pk=user.pk).exists()


def _check_newcomer(engagement: CoachingEngagement, party: str, person: User | None) -> None:
    field = PARTY_FIELDS[party]
    if person is not None and person.pk == getattr(engagement, f"{field}_id"):
        raise DomainError(_already_the(person, party))
    if party == rules.SPONSOR:
        if person is not None:
            _check_sponsor(engagement.program, person, engagement.coach, engagement.coachee)
        return
    if person is None:
        raise DomainError(
            _("A coaching engagement always has a coach.")
            if party == rules.COACH
            else _("A coaching engagement always has a coachee.")
        )
    coach = person if party == rules.COACH else engagement.coach
    coachee = person if party == rules.COACHEE else engagement.coachee
    if person.pk in (engagement.coach_id, engagement.coachee_id, engagement.sponsor_id):
        raise DomainError(
            _("%(person)s already has another part in this engagement.") % {"person": person}
        )
    _check_pair(engagement, coach, coachee)


def _check_pair(engagement: CoachingEngagement, coach: User, coachee: User) -> None:
    program = engagement.program
    coach_part = Participation.objects.filter(
        program=program, user=coach, role=Participation.Role.COACH, state="active"
    ).first()
    if coach_part is None:
        raise DomainError(
            _("%(person)s is not an active coach in %(program)s.")
            % {"person": coach, "program": program}
        )
    if not Participation.objects.filter(
        program=program, user=coachee, role=Participation.Role.SEEKER, state="active"
    ).exists():
        raise DomainError(
            _("%(person)s is not an active participant in %(program)s.")
            % {"person": coachee, "program": program}
        )
    broken = failed_rules(
        CoachingEngagement, program=program, helper=coach, seeker=coachee, helper_part=coach_part
    )
    if broken:
        reasons = "; ".join(check.explanation for check in broken)
        raise DomainError(_("This pair cannot work together: %(reasons)s.") % {"reasons": reasons})
    clash = CoachingEngagement.objects.filter(
        program=program, coach=coach, coachee=coachee, status__in=OPEN_STATUSES
    ).exclude(pk=engagement.pk)
    if clash.exists():
        raise DomainError(_("These two people already have an open engagement in this program."))


def _rewrite_agreement(
    engagement: CoachingEngagement, party: str, had_sponsor: bool, by: User
) -> AgreementVersion | None:
    """A copy of the newest terms, for the new parties to sign. What a sponsor sees is
    kept for a replacement sponsor, and starts at nothing for a first one."""
    source = current_agreement(engagement)
    if source is None:
        return None
    terms = {name: getattr(source, name) for name in Terms.__dataclass_fields__}
    if engagement.sponsor_id is None or (party == rules.SPONSOR and not had_sponsor):
        terms["sponsor_sees"] = rules.SHARE_NOTHING
    number = (engagement.agreement_versions.aggregate(n=Max("number"))["n"] or 0) + 1
    return AgreementVersion.objects.create(
        engagement=engagement, number=number, created_by=by, **terms
    )


def _change_party(
    engagement: CoachingEngagement, party: str, person: User | None, by: User
) -> AgreementVersion | None:
    """Put `person` in `party` on a locked engagement; everyone signs a new version."""
    require_open(engagement)
    _check_newcomer(engagement, party, person)
    field = PARTY_FIELDS[party]
    old: User | None = getattr(engagement, field)
    had_sponsor = engagement.sponsor_id is not None
    setattr(engagement, field, person)
    changed = [field, "updated_at"]
    if engagement.status == Status.PROPOSED and party in rules.PARTIES:
        # The newcomer has not said yes; signing the new version is their yes.
        side = "helper" if party == rules.COACH else "seeker"
        setattr(engagement, f"{side}_accepted_at", None)
        changed.append(f"{side}_accepted_at")
    try:
        with transaction.atomic():
            engagement.save(update_fields=changed)
    except IntegrityError:
        raise DomainError(_("This change would break a rule of coaching engagements.")) from None
    version = _rewrite_agreement(engagement, party, had_sponsor, by)
    _audit(engagement, party, old, person, by)
    _tell_parties_changed(engagement, party, old, version)
    return version


def _audit(
    engagement: CoachingEngagement, party: str, old: User | None, new: User | None, by: User
) -> None:
    for person, code in ((old, "party.removed"), (new, "party.made")):
        if person is not None:
            permission_changed(
                subject=person,
                code=code,
                params={"party": word(rules.PARTY_NAMES[party]), "engagement": engagement.pk},
                target=engagement,
                program_id=engagement.program_id,
                actor=by,
            )


@transaction.atomic
def engagement_change_party(
    *, engagement: CoachingEngagement, party: str, person: User, by: User
) -> AgreementVersion | None:
    """A program manager hands the engagement to another coach (or coachee).

    Returns the new agreement version every party must sign (None when no
    version had been written yet)."""
    engagement = locked(engagement.pk)
    if party not in rules.PARTIES:
        raise DomainError(_("A sponsor joins by accepting an invitation."))
    if not _is_manager(engagement, by):
        raise PermissionDenied(_("Only a program manager can change the coach or the coachee."))
    return _change_party(engagement, party, person, by)


@transaction.atomic
def sponsor_remove(*, engagement: CoachingEngagement, by: User) -> AgreementVersion | None:
    """The coachee, a program manager, or the sponsor themselves ends the sponsorship.

    The sponsor loses access at once; the pair signs a version that shares nothing."""
    engagement = locked(engagement.pk)
    if engagement.sponsor_id is None:
        raise DomainError(_("This engagement has no sponsor."))
    allowed = by.pk in (engagement.coachee_id, engagement.sponsor_id) or _is_manager(engagement, by)
    if not allowed:
        raise PermissionDenied(_("Only the coachee, the sponsor or a program manager can do that."))
    return _change_party(engagement, rules.SPONSOR, None, by)


# --- sponsor invitations ---


@transaction.atomic
def sponsor_invite(
    *, engagement: CoachingEngagement, sponsor: User, by: User, message: str = ""
) -> SponsorInvitation:
    """The coachee asks a sponsor directly; a program manager proposes one to the coachee."""
    engagement = locked(engagement.pk)
    if role_of(engagement, by) == rules.COACHEE:
        status, asked = Invite.AWAITING_SPONSOR, sponsor
    elif _is_manager(engagement, by):
        status, asked = Invite.AWAITING_COACHEE, engagement.coachee
    else:
        raise PermissionDenied(_("Only the coachee or a program manager can invite a sponsor."))
    require_open(engagement)
    _check_newcomer(engagement, rules.SPONSOR, sponsor)
    if engagement.sponsor_invitations.filter(status__in=SponsorInvitation.OPEN).exists():
        raise DomainError(_("An invitation is already open: withdraw it first."))
    invitation = SponsorInvitation.objects.create(
        engagement=engagement,
        sponsor=sponsor,
        invited_by=by,
        status=status,
        message=message.strip()[:1000],
    )
    _tell_invitation(invitation, [asked], "asked" if asked == sponsor else "proposed")
    return invitation


def _locked_invitation(
    invitation: SponsorInvitation,
) -> tuple[CoachingEngagement, SponsorInvitation]:
    engagement = locked(invitation.engagement_id)
    invitation = (
        SponsorInvitation.objects.select_for_update(of=("self",))
        .select_related("sponsor", "invited_by")
        .get(pk=invitation.pk)
    )
    invitation.engagement = engagement
    return engagement, invitation


def _close(invitation: SponsorInvitation, status: str) -> None:
    invitation.status, invitation.decided_at = status, timezone.now()
    invitation.save(update_fields=["status", "decided_at", "updated_at"])


@transaction.atomic
def sponsor_invitation_respond(
    *, invitation: SponsorInvitation, by: User, accept: bool
) -> SponsorInvitation:
    """The person asked says yes or no: first the coachee (to a manager's proposal),
    then the sponsor, whose yes attaches them and writes a new agreement version."""
    engagement, invitation = _locked_invitation(invitation)
    if invitation.status == Invite.AWAITING_COACHEE and by.pk == engagement.coachee_id:
        if accept:
            invitation.status = Invite.AWAITING_SPONSOR
            invitation.save(update_fields=["status", "updated_at"])
            _tell_invitation(invitation, [invitation.sponsor], "asked")
        else:
            _close(invitation, Invite.DECLINED)
            _tell_invitation(invitation, [invitation.invited_by], "declined")
        return invitation
    if invitation.status == Invite.AWAITING_SPONSOR and by.pk == invitation.sponsor_id:
        if accept:
            _change_party(engagement, rules.SPONSOR, by, by)
            _close(invitation, Invite.ACCEPTED)
        else:
            _close(invitation, Invite.DECLINED)
            _tell_invitation(invitation, [invitation.invited_by, engagement.coachee], "declined")
        return invitation
    if invitation.is_open:
        raise PermissionDenied(_("This invitation is waiting for someone else."))
    raise DomainError(_invitation_closed(invitation))


@transaction.atomic
def sponsor_invitation_withdraw(*, invitation: SponsorInvitation, by: User) -> SponsorInvitation:
    """Whoever made the invitation takes it back while nobody has accepted it."""
    engagement, invitation = _locked_invitation(invitation)
    if by.pk != invitation.invited_by_id:
        raise PermissionDenied(_("Only the person who made the invitation can withdraw it."))
    if not invitation.is_open:
        raise DomainError(_invitation_closed(invitation))
    asked = (
        engagement.coachee if invitation.status == Invite.AWAITING_COACHEE else invitation.sponsor
    )
    _close(invitation, Invite.WITHDRAWN)
    _tell_invitation(invitation, [asked], "withdrawn")
    return invitation


__all__ = [
    "engagement_change_party",
    "sponsor_invitation_respond",
    "sponsor_invitation_withdraw",
    "sponsor_invite",
    "sponsor_remove",
]

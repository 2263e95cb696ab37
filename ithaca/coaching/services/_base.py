"""Helpers every coaching service uses: locking, roles, and state checks."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.coaching import rules
from ithaca.coaching.models import AgreementVersion, CoachingEngagement
from ithaca.coaching.selectors import admitted, current_parties, governing_agreement
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.programs.lifecycle import OPEN_STATUSES, Status


def locked(engagement_id: int) -> CoachingEngagement:
    """The engagement row, locked until the transaction ends, so two people acting at
    once (two bookings, two signatures) are applied one after the other."""
    return (
        CoachingEngagement.objects.select_for_update(of=("self",))
        .select_related("coach", "coachee", "sponsor", "program")
        .get(pk=engagement_id)
    )


def signing_role(engagement: CoachingEngagement, user: User) -> str | None:
    """coach, coachee or sponsor: the part this person holds today, signed or not."""
    for party, holder in current_parties(engagement).items():
        if user.pk == holder:
            return party
    return None


def role_of(engagement: CoachingEngagement, user: User) -> str | None:
    """coach, coachee, sponsor, or None: the roles that may write anything.

    A party who joined after the last signed agreement writes nothing (but their
    signature) until the version written for them is signed by everyone.
    """
    role = signing_role(engagement, user)
    if role is None or not admitted(engagement, role, user.pk):
        return None
    return role


def require_role(
    engagement: CoachingEngagement,
    user: User,
    allowed: Iterable[str],
    message: str,
    *,
    admitted_only: bool = True,
) -> str:
    role = role_of(engagement, user) if admitted_only else signing_role(engagement, user)
    if role not in set(allowed):
        raise PermissionDenied(message)
    assert role is not None
    return role


def require_party(engagement: CoachingEngagement, user: User) -> str:
    return require_role(
        engagement, user, rules.PARTIES, _("Only the coach and the coachee can do that.")
    )


def require_open(engagement: CoachingEngagement) -> None:
    if engagement.status not in OPEN_STATUSES:
        state = engagement.get_status_display().lower()
        raise DomainError(
            _("This engagement is %(state)s; nothing more can be added to it.") % {"state": state}
        )


def require_active(engagement: CoachingEngagement) -> AgreementVersion:
    """Sessions happen only in an active engagement, under a signed agreement."""
    if engagement.status == Status.PROPOSED:
        raise DomainError(
            _(
                "The engagement has not started: it starts once every party has signed "
                "the agreement."
            )
        )
    if engagement.status == Status.PAUSED:
        raise DomainError(_("The engagement is paused; resume it before scheduling sessions."))
    require_open(engagement)
    governing = governing_agreement(engagement)
    if governing is None:
        raise DomainError(
            _(
                "No agreement signed by the engagement's current parties is in force: "
                "every party must sign the newest version first."
            )
        )
    return governing


def required_text(value: str, *, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(message, field=field)
    return value

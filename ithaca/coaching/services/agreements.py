"""The coaching agreement: drafting versions and signing them.

A version is never edited. Any change is a new version (number + 1) that every
party signs again; until then the previous signed version keeps governing.
Only the newest version can be signed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.coaching import notices, rules
from ithaca.coaching.models import AgreementSignature, AgreementVersion, CoachingEngagement
from ithaca.coaching.selectors import (
    current_agreement,
    current_parties,
    required_parties,
    session_usage,
)
from ithaca.coaching.services._base import locked, require_open, require_role, required_text
from ithaca.coaching.services.engagements import record_acceptance, start_if_ready
from ithaca.core.errors import DomainError
from ithaca.programs import bounds
from ithaca.programs.lifecycle import Status


@dataclass(frozen=True)
class Terms:
    """What a version of the agreement says."""

    scope: str
    objectives: str
    session_count: int
    session_cadence_days: int
    session_length_minutes: int
    starts_on: dt.date
    ends_on: dt.date
    sponsor_sees: str = rules.SHARE_ATTENDANCE
    cancellation_notice_hours: int = 24
    cancellation_terms: str = ""


def default_terms(engagement: CoachingEngagement, today: dt.date | None = None) -> Terms:
    """A first draft from the engagement and its program's defaults."""
    program = engagement.program
    starts_on = engagement.starts_on or today or timezone.localdate()
    span = dt.timedelta(days=program.session_cadence_days * program.session_count)
    return Terms(
        scope="",
        objectives="",
        session_count=engagement.session_count,
        session_cadence_days=engagement.session_cadence_days,
        session_length_minutes=program.session_length_minutes,
        starts_on=starts_on,
        ends_on=engagement.ends_on or starts_on + span,
        sponsor_sees=rules.SHARE_ATTENDANCE if engagement.sponsor_id else rules.SHARE_NOTHING,
    )


def _check_numbers(terms: Terms) -> None:
    # The same ranges as the forms, the API and the database (programs/bounds.py).
    for field, field_bounds in bounds.AGREEMENT.items():
        value = getattr(terms, field)
        if not isinstance(value, int) or not field_bounds.holds(value):
            raise DomainError(field_bounds.message(), field=field)
    if terms.ends_on <= terms.starts_on:
        raise DomainError(_("The agreement must end after it starts."), field="ends_on")
    if terms.sponsor_sees not in dict(rules.SPONSOR_TERMS):
        raise DomainError(_("Choose what the sponsor may see."), field="sponsor_sees")


def _check_terms(engagement: CoachingEngagement, terms: Terms) -> Terms:
    scope = required_text(terms.scope, field="scope", message=_("Say what the coaching covers."))
    objectives = required_text(
        terms.objectives, field="objectives", message=_("Say what the coaching should achieve.")
    )
    _check_numbers(terms)
    used = session_usage(engagement).used
    if used > terms.session_count:
        raise DomainError(
            _("%(used)s sessions are already held or booked; the agreement cannot cover fewer.")
            % {"used": used},
            field="session_count",
        )
    sponsor_sees = terms.sponsor_sees if engagement.sponsor_id else rules.SHARE_NOTHING
    return dataclasses.replace(terms, scope=scope, objectives=objectives, sponsor_sees=sponsor_sees)


@transaction.atomic
def agreement_draft(
    *, engagement: CoachingEngagement, user: User, terms: Terms
) -> AgreementVersion:
    """Write a new version of the agreement; every party must sign it before it governs."""
    engagement = locked(engagement.pk)
    require_role(
        engagement,
        user,
        rules.PARTIES,
        _("Only the coach and the coachee can change the agreement."),
    )
    require_open(engagement)
    checked = _check_terms(engagement, terms)
    latest = engagement.agreement_versions.aggregate(n=Max("number"))["n"] or 0
    version = AgreementVersion.objects.create(
        engagement=engagement, number=latest + 1, created_by=user, **dataclasses.asdict(checked)
    )
    notices.tell_agreement(version, actor=user)
    return version


def _apply(engagement: CoachingEngagement, version: AgreementVersion) -> None:
    """The engagement mirrors the governing terms, so lists can read them without joins."""
    engagement.session_count = version.session_count
    engagement.session_cadence_days = version.session_cadence_days
    engagement.starts_on = version.starts_on
    engagement.ends_on = version.ends_on
    engagement.save(
        update_fields=[
            "session_count",
            "session_cadence_days",
            "starts_on",
            "ends_on",
            "updated_at",
        ]
    )


def _check_signable(engagement: CoachingEngagement, version: AgreementVersion) -> None:
    require_open(engagement)
    current = current_agreement(engagement)
    if current is not None and current.pk != version.pk:
        raise DomainError(
            _(
                "Version %(number)s has been replaced by version %(current)s; "
                "read and sign the current version."
            )
            % {"number": version.number, "current": current.number}
        )


@transaction.atomic
def agreement_sign(*, version: AgreementVersion, user: User) -> AgreementVersion:
    """Record this party's signature. Signing is also the coach's or coachee's yes to
    the engagement; the last required signature puts the version in force."""
    engagement = locked(version.engagement_id)
    version = AgreementVersion.objects.select_for_update().get(pk=version.pk)
    party = require_role(
        engagement,
        user,
        required_parties(engagement),
        _("Only the parties sign the agreement."),
        admitted_only=False,
    )
    _check_signable(engagement, version)
    holder = version.signatures.filter(party=party).values_list("signer_id", flat=True).first()
    if holder is not None and holder != user.pk:
        raise DomainError(
            _(
                "Version %(number)s was signed by the previous %(party)s; "
                "the coach or the coachee must write a new version for you to sign."
            )
            % {"number": version.number, "party": rules.party_name(party)}
        )
    if holder is not None:
        raise DomainError(
            _("You have already signed version %(number)s.") % {"number": version.number}
        )
    try:
        with transaction.atomic():
            AgreementSignature.objects.create(version=version, party=party, signer=user)
    except IntegrityError:
        raise DomainError(
            _("You have already signed version %(number)s.") % {"number": version.number}
        ) from None
    if engagement.status == Status.PROPOSED and party in rules.PARTIES:
        record_acceptance(engagement, user)
    signers = dict(version.signatures.values_list("party", "signer_id"))
    if signers == current_parties(engagement):
        version.signed_at = timezone.now()
        version.save(update_fields=["signed_at"])
        _apply(engagement, version)
        was = engagement.status
        if start_if_ready(engagement).status != was:
            notices.tell_started(engagement, actor=user)
    return version

"""The coaching agreement: versions, signatures, and the gate before an engagement starts."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from ithaca.accounts.tests.factories import UserFactory
from ithaca.coaching import services
from ithaca.coaching.models import AgreementSignature, AgreementVersion
from ithaca.coaching.selectors import governing_agreement
from ithaca.coaching.tests.factories import (
    active_engagement,
    at,
    proposed_engagement,
    sign_all,
    signers,
    terms,
)
from ithaca.core.errors import DomainError, PermissionDenied, TransitionError
from ithaca.programs import relationships as lifecycle

pytestmark = pytest.mark.django_db


def _draft(engagement, **overrides):
    return services.agreement_draft(
        engagement=engagement, user=engagement.coach, terms=terms(**overrides)
    )


def test_each_signature_is_recorded_with_its_party_and_time() -> None:
    engagement = proposed_engagement()
    version = _draft(engagement)
    services.agreement_sign(version=version, user=engagement.coachee)
    signature = AgreementSignature.objects.get(version=version)
    assert (signature.party, signature.signer) == ("coachee", engagement.coachee)
    assert signature.signed_at is not None
    assert version.signed_at is None


def test_the_engagement_does_not_start_until_every_party_has_signed() -> None:
    engagement = proposed_engagement()
    version = _draft(engagement)
    services.agreement_sign(version=version, user=engagement.coach)
    services.agreement_sign(version=version, user=engagement.coachee)
    engagement.refresh_from_db()
    # Both have said yes (signing is saying yes), but the sponsor has not signed.
    assert engagement.helper_accepted_at and engagement.seeker_accepted_at
    assert engagement.status == "proposed"
    services.agreement_sign(version=version, user=engagement.sponsor)
    engagement.refresh_from_db()
    assert engagement.status == "active" and engagement.started_at is not None


def test_without_a_sponsor_the_coach_and_coachee_suffice() -> None:
    engagement = proposed_engagement(sponsor=False)
    sign_all(engagement)
    engagement.refresh_from_db()
    assert engagement.status == "active"


def test_accepting_without_a_signed_agreement_does_not_start_it() -> None:
    engagement = proposed_engagement()
    services.engagement_accept(engagement=engagement, user=engagement.coach)
    engagement = services.engagement_accept(engagement=engagement, user=engagement.coachee)
    assert engagement.status == "proposed"
    assert engagement.helper_accepted_at and engagement.seeker_accepted_at


def test_the_last_acceptance_starts_it_when_the_agreement_is_signed() -> None:
    engagement = proposed_engagement(sponsor=False)
    version = _draft(engagement)
    # The coach signs (and so accepts); the coachee's signature then starts it at once.
    services.agreement_sign(version=version, user=engagement.coach)
    services.agreement_sign(version=version, user=engagement.coachee)
    engagement.refresh_from_db()
    assert engagement.status == "active"
    with pytest.raises(TransitionError):
        services.engagement_accept(engagement=engagement, user=engagement.coach)


def test_a_sponsor_cannot_accept_and_a_stranger_cannot_sign() -> None:
    engagement = proposed_engagement()
    version = _draft(engagement)
    with pytest.raises(PermissionDenied):
        services.engagement_accept(engagement=engagement, user=engagement.sponsor)
    with pytest.raises(PermissionDenied):
        services.agreement_sign(version=version, user=UserFactory())
    assert not version.signatures.exists()


def test_only_the_pair_drafts_the_agreement() -> None:
    engagement = proposed_engagement()
    with pytest.raises(PermissionDenied):
        services.agreement_draft(engagement=engagement, user=engagement.sponsor, terms=terms())
    assert not AgreementVersion.objects.exists()


def test_signing_twice_is_refused() -> None:
    engagement = proposed_engagement()
    version = _draft(engagement)
    services.agreement_sign(version=version, user=engagement.coach)
    with pytest.raises(DomainError, match="already signed"):
        services.agreement_sign(version=version, user=engagement.coach)
    assert version.signatures.count() == 1


def test_an_amendment_is_a_new_version_and_the_old_one_governs_until_signed() -> None:
    engagement = active_engagement(session_count=2)
    first = governing_agreement(engagement)
    second = _draft(engagement, session_count=6)
    assert (first.number, second.number) == (1, 2)
    assert governing_agreement(engagement).pk == first.pk
    for person in signers(engagement):
        services.agreement_sign(version=second, user=person)
    engagement.refresh_from_db()
    assert governing_agreement(engagement).pk == second.pk
    assert engagement.session_count == 6  # the engagement mirrors the terms in force
    first.refresh_from_db()
    assert first.scope and first.session_count == 2  # earlier versions stay readable


def test_signing_a_superseded_version_is_refused_and_changes_nothing() -> None:
    engagement = proposed_engagement()
    old = _draft(engagement)
    _draft(engagement, scope="A narrower scope")
    with pytest.raises(DomainError, match="replaced by version 2"):
        services.agreement_sign(version=old, user=engagement.coachee)
    assert not AgreementSignature.objects.exists()
    engagement.refresh_from_db()
    assert engagement.seeker_accepted_at is None


def test_the_session_limit_of_the_old_version_holds_until_the_amendment_is_signed() -> None:
    engagement = active_engagement(session_count=1)
    services.session_schedule(
        engagement=engagement,
        user=engagement.coach,
        starts_at=at(2),
        ends_at=at(2, 11),
        location="Room 1",
    )
    amendment = _draft(engagement, session_count=3)

    def book():
        return services.session_schedule(
            engagement=engagement,
            user=engagement.coach,
            starts_at=at(9),
            ends_at=at(9, 11),
            location="Room 1",
        )

    with pytest.raises(DomainError, match="amended, signed agreement"):
        book()
    for person in signers(engagement):
        services.agreement_sign(version=amendment, user=person)
    assert book().pk


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"ends_on": dt.date(2026, 1, 1), "starts_on": dt.date(2026, 2, 1)}, "ends_on"),
        ({"session_count": 0}, "session_count"),
        ({"session_count": -3}, "session_count"),
        ({"session_cadence_days": 0}, "session_cadence_days"),
        ({"session_length_minutes": 5}, "session_length_minutes"),
        ({"scope": "   "}, "scope"),
        ({"sponsor_sees": "everything"}, "sponsor_sees"),
    ],
)
def test_bad_terms_are_refused_with_a_message_and_nothing_is_written(
    overrides: dict, field: str
) -> None:
    engagement = proposed_engagement()
    with pytest.raises(DomainError) as caught:
        _draft(engagement, **overrides)
    assert caught.value.field == field and caught.value.message
    assert not AgreementVersion.objects.exists()


def test_an_amendment_cannot_cover_fewer_sessions_than_are_used() -> None:
    engagement = active_engagement(session_count=3)
    for day in (2, 4):
        services.session_schedule(
            engagement=engagement,
            user=engagement.coach,
            starts_at=at(day),
            ends_at=at(day, 11),
            location="Room 1",
        )
    with pytest.raises(DomainError, match="cannot cover fewer"):
        _draft(engagement, session_count=1)


def test_without_a_sponsor_the_terms_share_nothing() -> None:
    engagement = proposed_engagement(sponsor=False)
    assert _draft(engagement).sponsor_sees == "nothing"


def test_a_closed_engagement_takes_no_new_version_or_signature() -> None:
    engagement = proposed_engagement()
    version = _draft(engagement)
    lifecycle.relationship_decline(engagement, user=engagement.coachee)
    with pytest.raises(DomainError, match="declined"):
        services.agreement_sign(version=version, user=engagement.coach)
    with pytest.raises(DomainError, match="declined"):
        _draft(engagement)


def test_the_database_keeps_one_signature_per_party_and_unique_version_numbers() -> None:
    engagement = proposed_engagement()
    version = _draft(engagement)
    AgreementSignature.objects.create(version=version, party="coach", signer=engagement.coach)
    with pytest.raises(IntegrityError), transaction.atomic():
        AgreementSignature.objects.create(version=version, party="coach", signer=UserFactory())
    fields = {
        f: getattr(version, f)
        for f in (
            "scope",
            "objectives",
            "session_count",
            "session_cadence_days",
            "session_length_minutes",
            "starts_on",
            "ends_on",
        )
    }
    with pytest.raises(IntegrityError), transaction.atomic():
        AgreementVersion.objects.create(engagement=engagement, number=1, **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        AgreementVersion.objects.create(
            engagement=engagement, number=2, **{**fields, "ends_on": fields["starts_on"]}
        )

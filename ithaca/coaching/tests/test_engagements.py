"""Coaching engagements: proposals, acceptance, sponsors as third parties."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError

from ithaca.accounts.tests.factories import UserFactory
from ithaca.coaching.models import CoachingEngagement
from ithaca.coaching.services import engagement_accept, engagement_propose
from ithaca.coaching.tests.factories import sign_all
from ithaca.core.errors import DomainError
from ithaca.programs.tests.factories import ParticipationFactory, make_pair

pytestmark = pytest.mark.django_db


@pytest.fixture
def trio():
    program, coach, coachee = make_pair("coaching", session_count=8, session_cadence_days=21)
    sponsor = ParticipationFactory(program=program, role="sponsor").user
    return program, coach, coachee, sponsor


def test_it_takes_the_programs_contract_terms(trio) -> None:
    program, coach, coachee, sponsor = trio
    engagement = engagement_propose(
        program=program, coach=coach, coachee=coachee, sponsor=sponsor, proposed_by=coachee
    )
    assert (engagement.session_count, engagement.session_cadence_days) == (8, 21)


def test_both_acceptances_alone_do_not_start_it_without_the_signed_agreement(trio) -> None:
    program, coach, coachee, sponsor = trio
    engagement = engagement_propose(
        program=program, coach=coach, coachee=coachee, sponsor=sponsor, proposed_by=sponsor
    )
    assert engagement_accept(engagement=engagement, user=coachee).status == "proposed"
    assert engagement_accept(engagement=engagement, user=coach).status == "proposed"
    sign_all(engagement)
    engagement.refresh_from_db()
    assert engagement.status == "active"


def test_a_sponsor_cannot_accept_on_the_coachees_behalf(trio) -> None:
    program, coach, coachee, sponsor = trio
    engagement = engagement_propose(
        program=program, coach=coach, coachee=coachee, sponsor=sponsor, proposed_by=sponsor
    )
    with pytest.raises(DomainError):
        engagement_accept(engagement=engagement, user=sponsor)


def test_the_sponsor_must_be_a_third_party(trio) -> None:
    program, coach, coachee, _ = trio
    with pytest.raises(DomainError, match="third party"):
        engagement_propose(
            program=program, coach=coach, coachee=coachee, sponsor=coachee, proposed_by=coachee
        )
    with pytest.raises(IntegrityError):
        CoachingEngagement.objects.create(
            program=program, coach=coach, coachee=coachee, sponsor=coach
        )


def test_the_sponsor_must_be_a_sponsor_in_the_program(trio) -> None:
    program, coach, coachee, _ = trio
    with pytest.raises(DomainError, match="not a sponsor"):
        engagement_propose(
            program=program,
            coach=coach,
            coachee=coachee,
            sponsor=UserFactory(),
            proposed_by=coachee,
        )


def test_coaching_is_not_proposed_in_a_mentoring_program() -> None:
    program, mentor, mentee = make_pair("mentoring")
    with pytest.raises(DomainError, match="mentoring program"):
        engagement_propose(program=program, coach=mentor, coachee=mentee, proposed_by=mentee)


def test_a_coach_is_not_barred_for_being_in_the_management_chain(trio) -> None:
    # Independence from assessment is a mentoring rule; coaching has other safeguards.
    program, coach, coachee, _ = trio
    coachee.profile.line_manager = coach
    coachee.profile.save()
    assert engagement_propose(program=program, coach=coach, coachee=coachee, proposed_by=coachee)


def test_the_contract_cannot_end_before_it_starts(trio) -> None:
    program, coach, coachee, _ = trio
    with pytest.raises(IntegrityError):
        CoachingEngagement.objects.create(
            program=program,
            coach=coach,
            coachee=coachee,
            starts_on=dt.date(2026, 5, 1),
            ends_on=dt.date(2026, 4, 1),
        )


def test_the_database_refuses_zero_sessions(trio) -> None:
    program, coach, coachee, _ = trio
    with pytest.raises(IntegrityError):
        CoachingEngagement.objects.create(
            program=program, coach=coach, coachee=coachee, session_count=0
        )

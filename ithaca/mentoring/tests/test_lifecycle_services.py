"""Mentoring relationships: proposals, both-sides acceptance, every move, and the rules."""

from __future__ import annotations

import pytest
from django.db import IntegrityError
from django.utils import timezone

from ithaca.accounts.tests.factories import UserFactory
from ithaca.core.errors import DomainError, PermissionDenied, TransitionError
from ithaca.mentoring.models import MentoringRelationship
from ithaca.mentoring.services import mentoring_propose
from ithaca.programs import relationships as lifecycle
from ithaca.programs.tests.factories import CoachingProgramFactory, ParticipationFactory, make_pair

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    return make_pair("mentoring")


def _active(program, mentor, mentee) -> MentoringRelationship:
    rel = mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    return lifecycle.relationship_accept(rel, user=mentor)


def test_a_proposal_by_the_mentee_counts_as_her_acceptance(pair) -> None:
    program, mentor, mentee = pair
    rel = mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    assert rel.status == "proposed"
    assert rel.seeker_accepted_at is not None and rel.helper_accepted_at is None


def test_a_proposal_by_a_program_manager_waits_for_both(pair) -> None:
    program, mentor, mentee = pair
    manager = UserFactory()
    rel = mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=manager)
    rel = lifecycle.relationship_accept(rel, user=mentee)
    assert rel.status == "proposed"
    rel = lifecycle.relationship_accept(rel, user=mentor)
    assert rel.status == "active" and rel.started_at is not None


def test_it_becomes_active_only_when_both_have_accepted(pair) -> None:
    program, mentor, mentee = pair
    rel = mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=None)
    assert lifecycle.relationship_accept(rel, user=mentor).status == "proposed"
    assert lifecycle.relationship_accept(rel, user=mentee).status == "active"


def test_accepting_twice_is_refused(pair) -> None:
    program, mentor, mentee = pair
    rel = mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    with pytest.raises(TransitionError, match="already accepted"):
        lifecycle.relationship_accept(rel, user=mentee)


def test_an_outsider_cannot_accept_for_either_side(pair) -> None:
    program, mentor, mentee = pair
    rel = mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    with pytest.raises(PermissionDenied):
        lifecycle.relationship_accept(rel, user=UserFactory())
    rel.refresh_from_db()
    assert rel.helper_accepted_at is None


def test_a_declined_proposal_can_no_longer_be_accepted(pair) -> None:
    program, mentor, mentee = pair
    rel = mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    rel = lifecycle.relationship_decline(rel, user=mentor, reason="Not the right time")
    assert (rel.status, rel.status_reason) == ("declined", "Not the right time")
    with pytest.raises(TransitionError, match="declined and can no longer be accepted"):
        lifecycle.relationship_accept(rel, user=mentor)


def test_the_proposer_can_withdraw_before_it_starts(pair) -> None:
    program, mentor, mentee = pair
    manager = UserFactory()
    rel = mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=manager)
    assert lifecycle.relationship_withdraw(rel, user=manager).status == "withdrawn"


def test_a_stranger_cannot_withdraw_a_proposal(pair) -> None:
    program, mentor, mentee = pair
    rel = mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    with pytest.raises(PermissionDenied):
        lifecycle.relationship_withdraw(rel, user=UserFactory())


def test_an_active_relationship_pauses_resumes_and_concludes(pair) -> None:
    rel = _active(*pair)
    _, mentor, mentee = pair
    assert lifecycle.relationship_pause(rel, user=mentee).status == "paused"
    assert lifecycle.relationship_resume(rel, user=mentor).status == "active"
    rel = lifecycle.relationship_conclude(rel, user=mentee, reason="Goals reached")
    assert rel.status == "concluded" and rel.ended_at >= rel.started_at


@pytest.mark.parametrize(
    "move", ["relationship_pause", "relationship_resume", "relationship_conclude"]
)
def test_a_proposal_cannot_skip_acceptance(pair, move: str) -> None:
    program, mentor, mentee = pair
    rel = mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    with pytest.raises(TransitionError):
        getattr(lifecycle, move)(rel, user=mentee)
    rel.refresh_from_db()
    assert rel.status == "proposed"


def test_a_concluded_relationship_cannot_be_reopened(pair) -> None:
    rel = _active(*pair)
    rel = lifecycle.relationship_conclude(rel, user=pair[1])
    for move in (lifecycle.relationship_resume, lifecycle.relationship_pause):
        with pytest.raises(TransitionError):
            move(rel, user=pair[1])


def test_nobody_can_mentor_themselves(pair) -> None:
    program, mentor, _ = pair
    with pytest.raises(DomainError, match="their own"):
        mentoring_propose(program=program, mentor=mentor, mentee=mentor, proposed_by=mentor)


def test_the_database_refuses_a_relationship_with_one_person(pair) -> None:
    program, mentor, _ = pair
    with pytest.raises(IntegrityError):
        MentoringRelationship.objects.create(program=program, mentor=mentor, mentee=mentor)


def test_a_pair_has_at_most_one_open_relationship_per_program(pair) -> None:
    program, mentor, mentee = pair
    mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    with pytest.raises(DomainError, match="already have an open relationship"):
        mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    with pytest.raises(IntegrityError):
        MentoringRelationship.objects.create(program=program, mentor=mentor, mentee=mentee)


def test_a_pair_may_start_again_after_concluding(pair) -> None:
    rel = _active(*pair)
    lifecycle.relationship_conclude(rel, user=pair[1])
    again = mentoring_propose(program=pair[0], mentor=pair[1], mentee=pair[2], proposed_by=pair[2])
    assert again.status == "proposed"


def test_the_database_refuses_an_active_relationship_without_both_acceptances(pair) -> None:
    program, mentor, mentee = pair
    with pytest.raises(IntegrityError):
        MentoringRelationship.objects.create(
            program=program, mentor=mentor, mentee=mentee, status="active",
            seeker_accepted_at=timezone.now(),
        )  # fmt: skip


def test_a_line_manager_cannot_mentor_their_report(pair) -> None:
    program, mentor, mentee = pair
    mentee.profile.line_manager = mentor
    mentee.profile.save()
    with pytest.raises(DomainError, match="line manager"):
        mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)


def test_a_manager_further_up_the_chain_cannot_mentor_either(pair) -> None:
    program, mentor, mentee = pair
    middle = UserFactory()
    mentee.profile.line_manager = middle
    mentee.profile.save()
    middle.profile.line_manager = mentor
    middle.profile.save()
    with pytest.raises(DomainError, match="management chain"):
        mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)


def test_an_assessor_cannot_mentor_the_person_they_assess(pair) -> None:
    program, mentor, mentee = pair
    mentee.profile.assessors.add(mentor)
    with pytest.raises(DomainError, match="assesses"):
        mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)


def test_a_mentor_at_capacity_gets_no_new_proposals(pair) -> None:
    program, mentor, mentee = pair
    mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    second = ParticipationFactory(program=program, role="seeker").user
    mentoring_propose(program=program, mentor=mentor, mentee=second, proposed_by=second)
    third = ParticipationFactory(program=program, role="seeker").user
    with pytest.raises(DomainError, match="has no free places"):
        mentoring_propose(program=program, mentor=mentor, mentee=third, proposed_by=third)


def test_an_untrained_mentor_is_not_proposed_where_training_is_required() -> None:
    program, mentor, mentee = make_pair("mentoring", requires_training=True)
    with pytest.raises(DomainError, match="mentor training"):
        mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)
    mentor.participations.update(training_completed_at=timezone.now())
    assert mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)


def test_a_pending_applicant_is_not_yet_in_the_program(pair) -> None:
    program, mentor, mentee = pair
    mentee.participations.update(state="pending")
    with pytest.raises(DomainError, match="not an active participant"):
        mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=mentee)


def test_mentoring_cannot_be_proposed_in_a_coaching_program(pair) -> None:
    _, mentor, mentee = pair
    with pytest.raises(DomainError, match="coaching program"):
        mentoring_propose(
            program=CoachingProgramFactory(), mentor=mentor, mentee=mentee, proposed_by=mentee
        )

"""Self-match requests, helper offers, the open-request limit and the expiry of old ones."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from ithaca.core.errors import DomainError, TransitionError
from ithaca.home.management.commands.periodic import run_all
from ithaca.matching.models import MatchingConfig, MatchProfile, ProposalExplanation
from ithaca.matching.services import offer_create, request_create, requests_expire
from ithaca.matching.tests.factories import (
    CoachingProgramFactory,
    ProgramFactory,
    helper,
    person,
    seeker,
)
from ithaca.mentoring.models import MentoringRelationship
from ithaca.programs import relationships as lifecycle
from ithaca.programs.models import PersonBlock

pytestmark = pytest.mark.django_db


@pytest.fixture
def program():
    program = ProgramFactory(request_expiry_days=7)
    program.mentee = seeker(program)
    program.mentors = [helper(program) for _ in range(4)]
    return program


def _ask(program, mentor, mentee=None):
    return request_create(program=program, seeker=mentee or program.mentee, helper=mentor)


def test_a_request_counts_as_the_seekers_yes_and_waits_for_the_mentors(
    program, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        relationship = _ask(program, program.mentors[0])
    assert relationship.status == "proposed"
    assert relationship.seeker_accepted_at is not None and relationship.helper_accepted_at is None
    explanation = ProposalExplanation.objects.get(relationship_id=relationship.pk)
    assert explanation.source == "request" and explanation.breakdown["rules"]
    # Only the mentor still has to answer, so only the mentor is told.
    assert [m.to for m in mail.outbox] == [[program.mentors[0].email]]
    assert "asked you to be their mentor" in mail.outbox[0].body


def test_a_request_beyond_the_programs_limit_is_refused_and_changes_nothing(program) -> None:
    MatchingConfig.objects.create(program=program, max_open_requests=2)
    _ask(program, program.mentors[0])
    _ask(program, program.mentors[1])
    with pytest.raises(DomainError, match="already have 2 requests waiting"):
        _ask(program, program.mentors[2])
    assert MentoringRelationship.objects.count() == 2


def test_the_default_limit_is_three_open_requests(program) -> None:
    for mentor in program.mentors[:3]:
        _ask(program, mentor)
    with pytest.raises(DomainError, match="already have 3"):
        _ask(program, program.mentors[3])


def test_a_declined_request_no_longer_counts_against_the_limit(program) -> None:
    MatchingConfig.objects.create(program=program, max_open_requests=1)
    first = _ask(program, program.mentors[0])
    lifecycle.relationship_decline(first, user=program.mentors[0], reason="Full this term")
    assert _ask(program, program.mentors[1]).status == "proposed"


def test_a_request_that_breaks_a_hard_rule_names_the_rule(program) -> None:
    PersonBlock.objects.create(person=program.mentors[0], other=program.mentee, kind="conflict")
    with pytest.raises(DomainError, match="conflict of interest"):
        _ask(program, program.mentors[0])
    assert not MentoringRelationship.objects.exists()


def test_a_request_failing_a_must_have_is_refused(program) -> None:
    MatchingConfig.objects.create(program=program, levels={"walked_the_path": "must"})
    MatchProfile.objects.create(user=program.mentee, program=program, target="Chief nurse")
    with pytest.raises(DomainError, match="must-have"):
        _ask(program, program.mentors[0])


def test_someone_who_is_not_a_seeker_cannot_request(program) -> None:
    with pytest.raises(DomainError, match="Only active seekers"):
        request_create(program=program, seeker=person(), helper=program.mentors[0])


def test_an_offer_counts_as_the_mentors_yes_and_the_seeker_is_told(
    program, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        relationship = offer_create(
            program=program, helper=program.mentors[0], seeker=program.mentee
        )
    assert relationship.helper_accepted_at is not None and relationship.seeker_accepted_at is None
    assert [m.to for m in mail.outbox] == [[program.mentee.email]]


def test_an_offer_to_someone_who_already_has_a_proposal_is_refused(program) -> None:
    _ask(program, program.mentors[0])
    with pytest.raises(DomainError, match="not waiting"):
        offer_create(program=program, helper=program.mentors[1], seeker=program.mentee)


def test_a_coach_offers_a_coachee_an_engagement() -> None:
    program = CoachingProgramFactory()
    coach, coachee = helper(program), seeker(program)
    engagement = offer_create(program=program, helper=coach, seeker=coachee)
    assert engagement.coach == coach and engagement.status == "proposed"


def _age(relationship, days: float) -> None:
    then = timezone.now() - dt.timedelta(days=days)
    ProposalExplanation.objects.filter(relationship_id=relationship.pk).update(created_at=then)


def test_an_unanswered_request_expires_after_the_programs_days_with_a_notice_to_the_seeker(
    program, django_capture_on_commit_callbacks
) -> None:
    relationship = _ask(program, program.mentors[0])
    _age(relationship, 6.9)
    assert requests_expire(now=timezone.now()) == 0
    _age(relationship, 7.1)
    with django_capture_on_commit_callbacks(execute=True):
        assert requests_expire(now=timezone.now()) == 1
    relationship.refresh_from_db()
    assert relationship.status == "withdrawn" and relationship.status_reason == "expired"
    assert [m.to for m in mail.outbox] == [[program.mentee.email]]


def test_expiring_twice_sends_nothing_twice(program, django_capture_on_commit_callbacks) -> None:
    _age(_ask(program, program.mentors[0]), 8)
    with django_capture_on_commit_callbacks(execute=True):
        run_all()
        run_all()
    assert len(mail.outbox) == 1
    assert ProposalExplanation.objects.get().expired_at is not None


def test_an_accepted_request_never_expires(program) -> None:
    relationship = _ask(program, program.mentors[0])
    lifecycle.relationship_accept(relationship, user=program.mentors[0])
    _age(relationship, 30)
    assert requests_expire(now=timezone.now()) == 0
    relationship.refresh_from_db()
    assert relationship.status == "active"


def test_an_expired_or_withdrawn_proposal_cannot_be_accepted(program) -> None:
    expired = _ask(program, program.mentors[0])
    _age(expired, 8)
    requests_expire(now=timezone.now())
    withdrawn = _ask(program, program.mentors[1])
    lifecycle.relationship_withdraw(withdrawn, user=program.mentee)
    for relationship in (expired, withdrawn):
        with pytest.raises(TransitionError, match="can no longer be accepted"):
            lifecycle.relationship_accept(relationship, user=relationship.mentor)
        relationship.refresh_from_db()
        assert relationship.helper_accepted_at is None

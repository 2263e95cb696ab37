"""Fit checks: after the first meeting either person may ask for a re-match."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from ithaca.coaching.models import CoachingEngagement, CoachingSession
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.matching.models import FitCheck
from ithaca.matching.pool import build_pool
from ithaca.matching.services import fit_check_request
from ithaca.matching.tests.factories import (
    CoachingProgramFactory,
    ProgramFactory,
    helper,
    manager,
    person,
    seeker,
)
from ithaca.mentoring.models import Meeting, MentoringRelationship
from ithaca.programs.models import PairExclusion

pytestmark = pytest.mark.django_db


def _active_mentoring() -> MentoringRelationship:
    program = ProgramFactory()
    manager(program)
    now = timezone.now()
    return MentoringRelationship.objects.create(
        program=program,
        mentor=helper(program),
        mentee=seeker(program),
        status="active",
        helper_accepted_at=now,
        seeker_accepted_at=now,
        started_at=now - dt.timedelta(days=20),
    )


def _met(relationship: MentoringRelationship) -> None:
    start = timezone.now() - dt.timedelta(days=3)
    Meeting.objects.create(
        relationship=relationship,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        status="held",
        proposed_by=relationship.mentee,
    )


def test_a_fit_check_before_the_first_meeting_is_refused() -> None:
    relationship = _active_mentoring()
    with pytest.raises(DomainError, match="after your first meeting"):
        fit_check_request(relationship=relationship, user=relationship.mentee)
    assert not FitCheck.objects.exists() and not PairExclusion.objects.exists()


def test_after_meeting_either_side_asks_and_the_pair_is_not_proposed_again(
    django_capture_on_commit_callbacks,
) -> None:
    relationship = _active_mentoring()
    _met(relationship)
    with django_capture_on_commit_callbacks(execute=True):
        fit_check = fit_check_request(
            relationship=relationship, user=relationship.mentor, reason="Our goals differ"
        )
    assert fit_check.requested_by == relationship.mentor
    exclusion = PairExclusion.objects.get()
    assert exclusion.reason == "fit_check" and exclusion.seeker == relationship.mentee
    rules = build_pool(relationship.program, waiting_only=False).rules
    assert (relationship.mentee_id, relationship.mentor_id) in rules.declined
    # The relationship goes on; the managers are told.
    relationship.refresh_from_db()
    assert relationship.status == "active"
    assert [m.to for m in mail.outbox] == [[relationship.program.managers.get().email]]
    assert "Our goals differ" not in mail.outbox[0].body  # the reason stays in Ithaca


def test_a_second_fit_check_on_the_same_relationship_is_refused() -> None:
    relationship = _active_mentoring()
    _met(relationship)
    fit_check_request(relationship=relationship, user=relationship.mentee)
    with pytest.raises(DomainError, match="already been asked"):
        fit_check_request(relationship=relationship, user=relationship.mentor)


def test_only_the_two_people_ask_for_a_re_match() -> None:
    relationship = _active_mentoring()
    _met(relationship)
    with pytest.raises(PermissionDenied):
        fit_check_request(relationship=relationship, user=person())


def test_a_proposal_cannot_have_a_fit_check() -> None:
    relationship = _active_mentoring()
    MentoringRelationship.objects.filter(pk=relationship.pk).update(status="proposed")
    relationship.refresh_from_db()
    with pytest.raises(DomainError, match="working together"):
        fit_check_request(relationship=relationship, user=relationship.mentee)


def test_a_held_coaching_session_allows_a_fit_check() -> None:
    program = CoachingProgramFactory()
    now = timezone.now()
    engagement = CoachingEngagement.objects.create(
        program=program,
        coach=helper(program),
        coachee=seeker(program),
        status="active",
        helper_accepted_at=now,
        seeker_accepted_at=now,
        started_at=now,
    )
    with pytest.raises(DomainError, match="first meeting"):
        fit_check_request(relationship=engagement, user=engagement.coachee)
    CoachingSession.objects.create(
        engagement=engagement,
        starts_at=now - dt.timedelta(days=1),
        ends_at=now - dt.timedelta(hours=23),
        location="Room 1",
        status="held",
    )
    assert fit_check_request(relationship=engagement, user=engagement.coachee).kind == "coaching"

"""Every hard rule holds on the write path, whoever proposes the pair."""

from __future__ import annotations

import pytest

from ithaca.accounts.tests.factories import UserFactory
from ithaca.core.errors import DomainError
from ithaca.mentoring.models import MentoringRelationship
from ithaca.mentoring.services import mentoring_propose
from ithaca.programs import relationships as lifecycle
from ithaca.programs.models import PairExclusion, PersonBlock
from ithaca.programs.tests.factories import make_pair

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    return make_pair("mentoring")


def _propose(program, mentor, mentee) -> MentoringRelationship:
    return mentoring_propose(program=program, mentor=mentor, mentee=mentee, proposed_by=None)


def test_two_people_without_a_shared_language_are_not_proposed(pair) -> None:
    program, mentor, mentee = pair
    mentor.profile.languages = ["fr"]
    mentor.profile.save()
    with pytest.raises(DomainError, match="share no language"):
        _propose(program, mentor, mentee)
    assert not MentoringRelationship.objects.exists()


@pytest.mark.parametrize("who", ["mentee", "mentor"])
def test_an_opt_out_by_either_side_is_respected(pair, who: str) -> None:
    program, mentor, mentee = pair
    person, other = (mentee, mentor) if who == "mentee" else (mentor, mentee)
    PersonBlock.objects.create(person=person, other=other, kind="opt_out")
    with pytest.raises(DomainError, match="opted out"):
        _propose(program, mentor, mentee)


def test_a_declared_conflict_of_interest_is_respected(pair) -> None:
    program, mentor, mentee = pair
    PersonBlock.objects.create(person=mentor, other=mentee, kind="conflict")
    with pytest.raises(DomainError, match="conflict of interest"):
        _propose(program, mentor, mentee)


def test_a_declined_pair_is_not_proposed_again_in_the_program(pair) -> None:
    program, mentor, mentee = pair
    lifecycle.relationship_decline(_propose(program, mentor, mentee), user=mentor)
    with pytest.raises(DomainError, match="declined"):
        _propose(program, mentor, mentee)


def test_a_pair_excluded_after_a_fit_check_is_not_proposed_again(pair) -> None:
    program, mentor, mentee = pair
    PairExclusion.objects.create(program=program, helper=mentor, seeker=mentee, reason="fit_check")
    with pytest.raises(DomainError, match="declined"):
        _propose(program, mentor, mentee)


def test_a_second_level_manager_is_refused_with_the_chain_named() -> None:
    program, mentor, mentee = make_pair("mentoring", independence_depth=2)
    middle = UserFactory()
    mentee.profile.line_manager = middle
    mentee.profile.save()
    middle.profile.line_manager = mentor
    middle.profile.save()
    with pytest.raises(DomainError, match="2 levels above"):
        _propose(program, mentor, mentee)


def test_a_manager_beyond_the_programs_depth_may_mentor() -> None:
    program, mentor, mentee = make_pair("mentoring", independence_depth=1)
    middle = UserFactory()
    mentee.profile.line_manager = middle
    mentee.profile.save()
    middle.profile.line_manager = mentor
    middle.profile.save()
    assert _propose(program, mentor, mentee).status == "proposed"


def test_a_profile_without_languages_speaks_the_organizations_language(pair, settings) -> None:
    settings.ITHACA_DEFAULT_LANGUAGE = "en"
    program, mentor, mentee = pair
    mentee.profile.languages = []
    mentee.profile.save()
    assert _propose(program, mentor, mentee).status == "proposed"


def test_starting_with_one_mentor_withdraws_the_seekers_other_requests() -> None:
    from ithaca.programs.relationships import COMPETING_REASON
    from ithaca.programs.tests.factories import ParticipationFactory

    program, first, mentee = make_pair("mentoring")
    second = ParticipationFactory(program=program, role="mentor").user
    one = mentoring_propose(program=program, mentor=first, mentee=mentee, proposed_by=mentee)
    two = mentoring_propose(program=program, mentor=second, mentee=mentee, proposed_by=mentee)
    lifecycle.relationship_accept(one, user=first)
    two.refresh_from_db()
    assert (two.status, two.status_reason) == ("withdrawn", COMPETING_REASON)
    with pytest.raises(DomainError, match="withdrawn and can no longer be accepted"):
        lifecycle.relationship_accept(two, user=second)

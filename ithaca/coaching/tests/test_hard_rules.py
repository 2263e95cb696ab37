"""Coaching's own hard rule: the coach offers the program's mode."""

from __future__ import annotations

import pytest

from ithaca.coaching.services import engagement_propose
from ithaca.core.errors import DomainError
from ithaca.programs.tests.factories import make_pair

pytestmark = pytest.mark.django_db


def test_a_coach_without_the_programs_modality_is_not_proposed() -> None:
    program, coach, coachee = make_pair("coaching", mode="executive")
    coach.participations.update(modalities=["life"])
    with pytest.raises(DomainError, match="does not coach in the executive mode"):
        engagement_propose(program=program, coach=coach, coachee=coachee, proposed_by=coachee)


def test_a_coach_with_the_modality_or_general_coaching_is_proposed() -> None:
    program, coach, coachee = make_pair("coaching", mode="executive")
    coach.participations.update(modalities=["executive"])
    assert engagement_propose(program=program, coach=coach, coachee=coachee, proposed_by=coachee)


def test_the_shared_lifecycle_cannot_start_an_unsigned_engagement() -> None:
    from ithaca.programs import relationships as lifecycle

    program, coach, coachee = make_pair("coaching")
    engagement = engagement_propose(program=program, coach=coach, coachee=coachee, proposed_by=None)
    lifecycle.relationship_accept(engagement, user=coachee)
    engagement = lifecycle.relationship_accept(engagement, user=coach)
    assert engagement.status == "proposed"
    assert engagement.start_blocker() == (
        "Every party must sign the coaching agreement before it starts."
    )

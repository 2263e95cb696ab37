"""The lifecycle table: every move from every state is either allowed or refused."""

from __future__ import annotations

import itertools

import pytest

from ithaca.core.errors import TransitionError
from ithaca.programs.lifecycle import TRANSITIONS, Status, check_transition

LEGAL = {
    ("proposed", "active"),
    ("proposed", "declined"),
    ("proposed", "withdrawn"),
    ("active", "paused"),
    ("active", "concluded"),
    ("paused", "active"),
    ("paused", "concluded"),
}
ALL_PAIRS = list(itertools.product(Status.values, Status.values))


@pytest.mark.parametrize(("current", "target"), sorted(LEGAL))
def test_it_allows_each_legal_move(current: str, target: str) -> None:
    check_transition(current, target)


@pytest.mark.parametrize(("current", "target"), [pair for pair in ALL_PAIRS if pair not in LEGAL])
def test_it_refuses_every_other_move_with_a_clear_message(current: str, target: str) -> None:
    with pytest.raises(TransitionError, match=r"relationship cannot become"):
        check_transition(current, target)


def test_closed_states_lead_nowhere() -> None:
    assert all(not TRANSITIONS[s] for s in ("concluded", "declined", "withdrawn"))


@pytest.mark.parametrize("language", ["en", "fr", "es", "de"])
def test_the_status_label_is_get_status_display_in_each_language(language: str) -> None:
    from django.utils import translation

    from ithaca.coaching.models import CoachingEngagement
    from ithaca.mentoring.models import MentoringRelationship

    with translation.override(language):
        for model in (MentoringRelationship, CoachingEngagement):
            for status in [*Status.values, "unknown"]:
                item = model(status=status)
                assert item.status_label == item.get_status_display()
                assert type(item.status_label) is str

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

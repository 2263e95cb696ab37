"""Random small programs in the database: a round, then publishing, never breaks a hard rule.

Each example builds people with random managers, assessors, languages, blocks,
earlier declines, training and capacities, runs a round and publishes it. Every
draft pair and every proposal created is then checked by scripts/check_round.py,
which reads the rules with plain queries and knows nothing of the engine.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ithaca.accounts.models import Profile
from ithaca.core.errors import DomainError
from ithaca.matching.kinds import model_for
from ithaca.matching.services import round_create, round_publish, round_run
from ithaca.matching.tests.factories import (
    CoachingProgramFactory,
    ProgramFactory,
    helper,
    manager,
    seeker,
)
from ithaca.programs.models import Participation, PersonBlock

pytestmark = pytest.mark.django_db

_spec = importlib.util.spec_from_file_location(
    "check_round", Path(__file__).resolve().parents[3] / "scripts" / "check_round.py"
)
assert _spec is not None and _spec.loader is not None
checker: Any = importlib.util.module_from_spec(_spec)
sys.modules["check_round"] = checker  # dataclasses look their module up while defining
_spec.loader.exec_module(checker)

LANGUAGES = st.sets(st.sampled_from(["en", "fr", "de"]), max_size=2)


class Rollback(Exception):
    """Raised to undo one example's rows, so examples do not see each other's."""


def _people(data: st.DataObject, program: Any) -> tuple[list[Any], list[Any]]:
    n_seekers = data.draw(st.integers(1, 7), label="seekers")
    n_helpers = data.draw(st.integers(1, 4), label="helpers")
    seekers = [seeker(program, languages=sorted(data.draw(LANGUAGES))) for _ in range(n_seekers)]
    helpers = []
    for _ in range(n_helpers):
        mentor = helper(
            program,
            capacity=data.draw(st.integers(1, 3)),
            languages=sorted(data.draw(LANGUAGES)),
        )
        part = Participation.objects.get(program=program, user=mentor)
        part.training_completed_at = timezone.now() if data.draw(st.booleans()) else None
        part.modalities = data.draw(st.sampled_from([["general"], [program.mode], ["life"]]))
        part.save()
        helpers.append(mentor)
    return seekers, helpers


def _relations(data: st.DataObject, program: Any, seekers: list[Any], helpers: list[Any]) -> None:
    """Managers, assessors, opt-outs, conflicts and earlier declines, at random."""
    everyone = seekers + helpers
    pick = st.sampled_from(everyone)
    for person_ in everyone:
        boss = data.draw(st.none() | pick)
        if boss is not None and boss != person_:
            Profile.objects.filter(user=person_).update(line_manager=boss)
    for mentee in seekers:
        for other in data.draw(st.lists(st.sampled_from(helpers), max_size=2, unique=True)):
            mentee.profile.assessors.add(other)
        for other in data.draw(st.lists(pick, max_size=2, unique=True)):
            if other != mentee:
                kind = data.draw(st.sampled_from(["opt_out", "conflict"]))
                PersonBlock.objects.get_or_create(person=other, other=mentee, kind=kind)
    for _ in range(data.draw(st.integers(0, 2))):
        _decline(program, data.draw(st.sampled_from(seekers)), data.draw(st.sampled_from(helpers)))


def _decline(program: Any, mentee: Any, mentor: Any) -> None:
    if mentee == mentor:
        return
    model = model_for(program)
    model.objects.create(
        program=program,
        status="declined",
        ended_at=timezone.now(),
        **{model.HELPER_FIELD: mentor, model.SEEKER_FIELD: mentee},
    )


def _program(data: st.DataObject) -> Any:
    if data.draw(st.booleans(), label="coaching"):
        return CoachingProgramFactory(requires_training=data.draw(st.booleans()))
    return ProgramFactory(
        independence_depth=data.draw(st.integers(1, 3)),
        requires_training=data.draw(st.booleans()),
    )


def _check(program: Any, matching_round: Any) -> list[str]:
    return checker.round_violations(matching_round)[1]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), objective=st.sampled_from(["fit", "coverage", "stable"]))
def test_no_round_ever_drafts_or_publishes_a_pair_that_breaks_a_hard_rule(
    data: st.DataObject, objective: str
) -> None:
    try:
        with transaction.atomic():
            program = _program(data)
            boss = manager(program)
            seekers, helpers = _people(data, program)
            _relations(data, program, seekers, helpers)
            try:
                draft = round_create(program=program, objective=objective, created_by=boss)
            except DomainError:
                raise Rollback() from None  # nobody waiting: nothing to check
            round_run(round_id=draft.pk)
            draft.refresh_from_db()
            assert draft.status == "draft", draft.error
            assert _check(program, draft) == []
            if draft.pairs.exists():
                round_publish(matching_round=draft, by=boss)
                draft.refresh_from_db()
                assert _check(program, draft) == []
                created = draft.pairs.exclude(relationship_id=None).count()
                assert created == draft.summary["published"]["proposed"]
            raise Rollback()
    except Rollback:
        pass


def test_the_checker_finds_a_line_manager_paired_with_their_report() -> None:
    program = ProgramFactory()
    boss = manager(program)
    mentor = helper(program)
    mentee = seeker(program, line_manager=mentor)
    draft = round_create(program=program, objective="fit", created_by=boss)
    draft.status = "draft"
    draft.save()
    draft.pairs.create(seeker=mentee, helper=mentor, score=10, breakdown={})
    pair = draft.pairs.get()
    where = f"draft pair {pair.pk} ({mentor.pk} with {mentee.pk})"
    assert _check(program, draft) == [f"{where}: the mentor is the mentee's line manager"]


def test_the_checker_finds_a_helper_over_capacity() -> None:
    program = ProgramFactory()
    mentor = helper(program, capacity=1)
    first, second = seeker(program), seeker(program)
    made = round_create(program=program, objective="fit", created_by=manager(program))
    made.status = "draft"
    made.save()
    made.pairs.create(seeker=first, helper=mentor, score=10, breakdown={})
    made.pairs.create(seeker=second, helper=mentor, score=10, breakdown={})
    assert _check(program, made) == [f"helper {mentor.pk} has 2 people for 1 places"]


def test_the_checker_script_exits_1_on_a_violation_and_0_without(capsys) -> None:
    program = ProgramFactory()
    mentor = helper(program, capacity=1)
    seeker(program)
    made = round_create(program=program, objective="fit", created_by=manager(program))
    round_run(round_id=made.pk)
    assert checker.main(["--round", str(made.pk)]) == 0
    made.pairs.create(seeker=seeker(program), helper=mentor, score=1, breakdown={})
    assert checker.main(["--program", program.slug]) == 1
    assert "VIOLATION helper" in capsys.readouterr().out

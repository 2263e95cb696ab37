"""`manage.py match_round`: a summary of a round, saved as a draft unless --dry-run."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ithaca.matching.models import MatchingRound
from ithaca.matching.tests.factories import ProgramFactory, helper, seeker
from ithaca.mentoring.models import MentoringRelationship

pytestmark = pytest.mark.django_db


@pytest.fixture
def program():
    program = ProgramFactory(slug="scheme")
    helper(program, capacity=1)
    seeker(program)
    seeker(program, languages=["fr"])
    return program


def _run(*args: str) -> str:
    out = StringIO()
    call_command("match_round", *args, stdout=out)
    return out.getvalue()


def test_a_dry_run_prints_pairs_and_reasons_and_saves_nothing(program) -> None:
    out = _run("--program", "scheme", "--dry-run")
    assert "Pairs (1):" in out and "Matched 1 of 2 waiting" in out
    assert "No eligible helper after hard rules" in out
    assert not MatchingRound.objects.exists()


def test_without_dry_run_it_saves_a_draft_and_proposes_nothing(program) -> None:
    out = _run("--program", "scheme", "--objective", "coverage")
    draft = MatchingRound.objects.get()
    assert draft.status == "draft" and draft.objective == "coverage"
    assert f"round {draft.pk}" in out
    assert not MentoringRelationship.objects.exists()


def test_json_output_is_one_object_with_the_summary(program) -> None:
    report = json.loads(_run("--program", "scheme", "--json", "--dry-run", "--objective", "stable"))
    assert report["summary"]["matched"] == 1
    assert report["unmatched"][0]["reason"] == "no_helper_after_rules"
    assert report["pairs"][0]["score"] >= 0


def test_an_unknown_program_or_an_empty_pool_is_a_clear_error() -> None:
    with pytest.raises(CommandError, match="No program"):
        _run("--program", "nowhere")
    ProgramFactory(slug="empty")
    with pytest.raises(CommandError, match=r"Nobody .* waiting"):
        _run("--program", "empty", "--dry-run")

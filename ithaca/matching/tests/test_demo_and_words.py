"""The demo's matching, and the words every factor and rule is shown with."""

from __future__ import annotations

import pytest

from ithaca.home.management.commands.periodic import discover_jobs
from ithaca.matching import engine
from ithaca.matching.demo import add_demo_matching
from ithaca.matching.models import MatchingConfig, MatchingRound, MatchProfile
from ithaca.matching.tests.factories import (
    CoachingProgramFactory,
    ProgramFactory,
    helper,
    manager,
    seeker,
)
from ithaca.matching.words import FACTOR_HELP, FACTOR_LABELS, RULE_LABELS
from ithaca.programs.models import Program


def test_every_engine_factor_has_a_label_and_a_meaning() -> None:
    assert set(FACTOR_LABELS) == set(FACTOR_HELP) == set(engine.FACTORS)


def test_every_rule_the_engine_checks_has_a_label() -> None:
    for kind in ("mentoring", "coaching"):
        rules = engine.Program(kind=kind, mode="executive")
        checks = engine.check_rules(engine.Seeker(1, "a"), engine.Helper(2, "b"), rules)
        assert {c.rule for c in checks} <= set(RULE_LABELS)


def test_the_expiry_job_is_one_of_the_periodic_jobs() -> None:
    assert "matching.expire_requests" in dict(discover_jobs())


@pytest.mark.django_db
def test_the_demo_gets_settings_profiles_and_a_draft_once() -> None:
    scheme = ProgramFactory(slug="scheme", mode="one_to_one")
    coaching = CoachingProgramFactory(slug="coaching", mode="leadership")
    for program in (scheme, coaching):
        manager(program)
        mentor = helper(program)
        mentor.profile.job_title = "Ward manager"
        mentor.profile.grade = 5
        mentor.profile.save()
        seeker(program)
    Program.objects.create(name="No managers", slug="alone", kind="mentoring", mode="peer")
    counts = add_demo_matching(seed=3)
    assert counts == {"settings": 2, "profiles": 2, "draft rounds": 1}
    assert MatchingConfig.objects.get(program=scheme).levels["walked_the_path"] == "high"
    assert MatchProfile.objects.get(program=scheme).target == "Ward manager"
    assert MatchingRound.objects.get().status == "draft"
    assert add_demo_matching(seed=3) == {"settings": 0, "profiles": 0, "draft rounds": 0}

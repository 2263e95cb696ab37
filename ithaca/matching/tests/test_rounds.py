"""Program rounds: started by a manager, computed in the background, a draft, then published."""

from __future__ import annotations

import pytest
from django.core import mail

from ithaca.coaching.models import CoachingEngagement
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.matching.models import MatchingConfig, MatchingRound, ProposalExplanation
from ithaca.matching.round_pairs import complete_breakdowns
from ithaca.matching.services import (
    compute_round,
    round_cancel,
    round_pair_add,
    round_pair_remove,
    round_publish,
    round_run,
    round_start,
)
from ithaca.matching.tests.factories import (
    CoachingProgramFactory,
    ProgramFactory,
    helper,
    manager,
    seeker,
)
from ithaca.mentoring.models import MentoringRelationship
from ithaca.programs.models import PersonBlock

pytestmark = pytest.mark.django_db


@pytest.fixture
def program():
    program = ProgramFactory()
    program.mentors = [helper(program, capacity=1, languages=["en"]) for _ in range(2)]
    program.mentees = [seeker(program) for _ in range(3)]
    program.boss = manager(program)
    return program


def test_a_round_becomes_a_draft_with_a_pair_per_place_and_the_rest_explained(
    program, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        started = round_start(program=program, objective="fit", created_by=program.boss)
    done = MatchingRound.objects.get(pk=started.pk)
    assert done.status == "draft" and done.progress == 1.0
    assert done.pairs.count() == 2
    assert done.unmatched.get().reason == "helpers_at_capacity"
    assert done.summary["matched"] == 2 and done.summary["seekers"] == 3
    pair = done.pairs.first()
    assert "rules" not in pair.breakdown  # checked when the pair is shown
    complete_breakdowns(program, [pair])
    assert {r["rule"] for r in pair.breakdown["rules"]} >= {"capacity", "not_line_manager"}
    assert all(r["passed"] for r in pair.breakdown["rules"])


def test_a_pair_shown_later_reads_exactly_as_explained_when_the_round_ran(
    program, django_capture_on_commit_callbacks
) -> None:
    from ithaca.matching.explain import breakdown_json, explain
    from ithaca.matching.pool import build_pool

    pool = build_pool(program)  # the round's pool: nobody has changed anything since
    with django_capture_on_commit_callbacks(execute=True):
        started = round_start(program=program, objective="fit", created_by=program.boss)
    pairs = list(started.pairs.all())
    complete_breakdowns(program, pairs)
    for pair in pairs:
        seeker, helper = pool.seeker_by_id[pair.seeker_id], pool.helper_by_id[pair.helper_id]
        assert pair.breakdown == breakdown_json(*explain(seeker, helper, pool.rules, pool.text))


def test_a_pair_whose_seeker_has_left_keeps_its_numbers_without_words(
    program, django_capture_on_commit_callbacks
) -> None:
    from ithaca.programs.models import Participation

    with django_capture_on_commit_callbacks(execute=True):
        started = round_start(program=program, objective="fit", created_by=program.boss)
    pair = started.pairs.first()
    stored = pair.breakdown
    Participation.objects.filter(program=program, user_id=pair.seeker_id).update(state="left")
    complete_breakdowns(program, [pair])
    assert pair.breakdown["rules"] == [] and pair.breakdown["score"] == stored["score"]
    factors = pair.breakdown["factors"]
    assert [f["applicable"] for f in factors] == [v is not None for v in stored["values"]]
    assert all(f["explanation"] == "" for f in factors)
    assert round(sum(f["points"] for f in factors), 1) == round(stored["score"], 1)


def test_publishing_stores_each_pairs_whole_breakdown_with_its_proposal(
    program, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        started = round_start(program=program, objective="fit", created_by=program.boss)
    with django_capture_on_commit_callbacks(execute=True):
        round_publish(matching_round=started, by=program.boss)
    for pair in started.pairs.all():
        stored = ProposalExplanation.objects.get(relationship_id=pair.relationship_id)
        assert pair.breakdown["rules"] and stored.breakdown == pair.breakdown
        # Checked before the proposals took the helpers' places.
        assert all(r["passed"] for r in pair.breakdown["rules"])


def test_nothing_is_proposed_until_the_draft_is_published(
    program, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        started = round_start(program=program, objective="coverage", created_by=program.boss)
    assert not MentoringRelationship.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        published = round_publish(matching_round=started, by=program.boss)
    assert published.status == "published"
    relationships = MentoringRelationship.objects.all()
    assert relationships.count() == 2
    # The manager proposed, so both people still have to accept.
    assert all(r.helper_accepted_at is None and r.seeker_accepted_at is None for r in relationships)
    assert ProposalExplanation.objects.filter(source="round").count() == 2
    assert len(mail.outbox) == 4


def test_a_pair_that_became_invalid_before_publishing_is_skipped_and_reported(
    program, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        started = round_start(program=program, objective="fit", created_by=program.boss)
    pair = started.pairs.first()
    PersonBlock.objects.create(person=pair.seeker, other=pair.helper, kind="opt_out")
    published = round_publish(matching_round=started, by=program.boss)
    assert published.summary["published"] == {"proposed": 1, "skipped": 1}
    pair.refresh_from_db()
    assert "opted out" in pair.publish_error and pair.relationship_id is None


def test_a_round_with_nobody_waiting_is_refused_and_leaves_no_row() -> None:
    program = ProgramFactory()
    helper(program)
    boss = manager(program)
    with pytest.raises(DomainError, match=r"Nobody .* is waiting"):
        round_start(program=program, objective="fit", created_by=boss)
    assert not MatchingRound.objects.exists()


def test_a_round_without_helpers_is_refused_and_leaves_no_row() -> None:
    program = CoachingProgramFactory()
    seeker(program)
    boss = manager(program)
    with pytest.raises(DomainError, match="no active coaches"):
        round_start(program=program, objective="fit", created_by=boss)
    assert not MatchingRound.objects.exists()


def test_only_the_programs_managers_start_rounds(program) -> None:
    with pytest.raises(PermissionDenied):
        round_start(program=program, objective="fit", created_by=program.mentees[0])


def test_weights_nobody_can_meet_give_a_draft_with_no_pairs_and_each_seekers_reason(
    program, django_capture_on_commit_callbacks
) -> None:
    MatchingConfig.objects.create(program=program, levels={"walked_the_path": "must"})
    for mentee in program.mentees:
        mentee.match_profiles.create(program=program, target="Astronaut")
    with django_capture_on_commit_callbacks(execute=True):
        started = round_start(program=program, objective="fit", created_by=program.boss)
    started.refresh_from_db()
    assert started.status == "draft" and started.pairs.count() == 0
    assert set(started.unmatched.values_list("reason", flat=True)) == {"no_helper_meets_musts"}
    with pytest.raises(DomainError, match="no pairs"):
        round_publish(matching_round=started, by=program.boss)


def test_a_manager_removes_and_adds_pairs_with_the_rules_still_enforced(
    program, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        started = round_start(program=program, objective="fit", created_by=program.boss)
    left_out = started.unmatched.get().seeker
    full_mentor = started.pairs.first().helper
    with pytest.raises(DomainError, match="no free places"):
        round_pair_add(
            matching_round=started, seeker_id=left_out.pk, helper_id=full_mentor.pk, by=program.boss
        )
    removed = round_pair_remove(
        matching_round=started, pair_id=started.pairs.first().pk, by=program.boss
    )
    added = round_pair_add(
        matching_round=started, seeker_id=left_out.pk, helper_id=removed.helper_id, by=program.boss
    )
    assert added.source == "manager"
    assert started.unmatched.get().seeker == removed.seeker


def test_a_manager_cannot_add_a_mentor_who_is_the_seekers_line_manager(
    program, django_capture_on_commit_callbacks
) -> None:
    boss_of = program.mentees[0]
    boss_of.profile.line_manager = program.mentors[0]
    boss_of.profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        started = round_start(program=program, objective="fit", created_by=program.boss)
    for pair in started.pairs.all():
        round_pair_remove(matching_round=started, pair_id=pair.pk, by=program.boss)
    with pytest.raises(DomainError, match="line manager"):
        round_pair_add(
            matching_round=started,
            seeker_id=boss_of.pk,
            helper_id=program.mentors[0].pk,
            by=program.boss,
        )


def test_cancelling_a_queued_round_stops_it_before_it_starts(program, settings) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    started = round_start(program=program, objective="fit", created_by=program.boss)
    round_cancel(matching_round=started, by=program.boss)
    assert round_run(round_id=started.pk) == "skipped"
    started.refresh_from_db()
    assert started.status == "cancelled" and not started.pairs.exists()


def test_a_cancel_asked_for_while_running_stops_the_round_at_the_next_checkpoint(
    program, settings, monkeypatch
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    started = round_start(program=program, objective="fit", created_by=program.boss)
    from ithaca.matching.services import rounds

    real = rounds.build_pool

    def build_then_cancel(*args, **kwargs):
        round_cancel(matching_round=started, by=program.boss)  # the manager clicks meanwhile
        return real(*args, **kwargs)

    monkeypatch.setattr(rounds, "build_pool", build_then_cancel)
    assert round_run(round_id=started.pk) == "cancelled"
    started.refresh_from_db()
    assert started.status == "cancelled" and not started.pairs.exists()


def test_a_round_that_fails_says_so(program, settings, monkeypatch) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    started = round_start(program=program, objective="fit", created_by=program.boss)
    from ithaca.matching.services import rounds

    monkeypatch.setattr(rounds, "build_pool", lambda *a, **k: 1 / 0)
    assert round_run(round_id=started.pk) == "failed"
    started.refresh_from_db()
    assert started.status == "failed" and "division" in started.error


def test_running_a_round_twice_computes_it_once(
    program, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        started = round_start(program=program, objective="stable", created_by=program.boss)
    assert round_run(round_id=started.pk) == "skipped"
    assert started.pairs.count() == 2


def test_a_coaching_round_proposes_engagements() -> None:
    program = CoachingProgramFactory()
    coach = helper(program)
    coachee = seeker(program)
    boss = manager(program)
    outcome = compute_round(program, "fit")
    assert [(m.seeker_id, m.helper_id) for m in outcome.result.matches] == [(coachee.pk, coach.pk)]
    matching_round = MatchingRound.objects.create(program=program, status="draft", created_by=boss)
    matching_round.pairs.create(seeker=coachee, helper=coach, score=50, breakdown={})
    round_publish(matching_round=matching_round, by=boss)
    assert CoachingEngagement.objects.get().status == "proposed"


def test_publishing_skips_seekers_matched_another_way_and_supersedes_other_drafts(
    program, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        first = round_start(program=program, objective="fit", created_by=program.boss)
    with django_capture_on_commit_callbacks(execute=True):
        second = round_start(program=program, objective="coverage", created_by=program.boss)
    pair = first.pairs.first()
    spare = MentoringRelationship.objects.create(
        program=program, mentor=helper(program), mentee=pair.seeker
    )
    published = round_publish(matching_round=first, by=program.boss)
    assert published.summary["published"]["skipped"] == 1
    pair.refresh_from_db()
    assert "since" in pair.publish_error
    assert MentoringRelationship.objects.filter(mentee=pair.seeker).get() == spare
    second.refresh_from_db()
    assert second.status == "cancelled" and second.phase == "superseded"


def test_the_draft_summary_follows_the_pairs_a_manager_removes_and_adds(
    program, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        started = round_start(program=program, objective="fit", created_by=program.boss)
    started.refresh_from_db()
    first, second = started.pairs.order_by("-score", "pk")
    round_pair_remove(matching_round=started, pair_id=first.pk, by=program.boss)
    started.refresh_from_db()
    summary = started.summary
    assert summary["matched"] == summary["pairs"] == 1
    assert summary["total_score"] == round(second.score, 2) == summary["mean_score"]
    assert summary["unmatched"] == {"helpers_at_capacity": 1, "removed_by_manager": 1}
    left_out = started.unmatched.get(reason="helpers_at_capacity").seeker
    round_pair_add(
        matching_round=started, seeker_id=left_out.pk, helper_id=first.helper_id, by=program.boss
    )
    started.refresh_from_db()
    kept = list(started.pairs.filter(removed=False))
    assert started.summary["matched"] == 2 and started.summary["seekers"] == 3
    assert started.summary["total_score"] == round(sum(p.score for p in kept), 2)
    assert started.summary["unmatched"] == {"removed_by_manager": 1}


def test_a_pair_scoring_zero_on_a_high_or_must_factor_carries_a_warning(
    program, django_capture_on_commit_callbacks
) -> None:
    # "Walked the path" weighs high by default; nobody has been an astronaut.
    for mentee in program.mentees:
        mentee.match_profiles.create(program=program, target="Astronaut")
    with django_capture_on_commit_callbacks(execute=True):
        started = round_start(program=program, objective="fit", created_by=program.boss)
    started.refresh_from_db()
    pair = started.pairs.first()
    assert pair.warnings and "Walked the path" in pair.warnings[0]
    assert "weighs high" in pair.warnings[0] and "scores 0" in pair.warnings[0]
    assert started.summary["warnings"] == 2


def test_a_must_factor_that_cannot_be_checked_is_warned_about() -> None:
    program = ProgramFactory()
    helper(program, capacity=1)
    seeker(program)  # names no role to aim for: "walked the path" cannot be checked
    boss = manager(program)
    MatchingConfig.objects.create(program=program, levels={"walked_the_path": "must"})
    started = round_start(program=program, objective="fit", created_by=boss)
    round_run(round_id=started.pk)
    pair = started.pairs.get()
    assert "must-have" in pair.warnings[0] and "could not be checked" in pair.warnings[0]


def test_a_pair_with_every_factor_met_has_no_warning() -> None:
    from ithaca.matching.explain import factor_warnings

    breakdown = {
        "factors": [
            {"label": "Need", "level": "must", "value": 0.4, "applicable": True},
            {"label": "Path", "level": "high", "value": 0.0, "applicable": False},
            {"label": "Interests", "level": "low", "value": 0.0, "applicable": True},
        ]
    }
    assert factor_warnings(breakdown) == []


def _round_outcome(pool, rules, text):
    from ithaca.matching.engine import solve
    from ithaca.matching.engine.candidates import candidate_graph
    from ithaca.matching.pool import Pool
    from ithaca.matching.services import rounds

    round_pool = Pool(
        program=None,  # type: ignore[arg-type]
        config=None,  # type: ignore[arg-type]
        rules=rules,
        seekers=tuple(pool.seekers),
        helpers=tuple(pool.helpers),
    )
    round_pool.__dict__["text"] = text
    graph = candidate_graph(pool.seekers, pool.helpers, rules, k=5, text=text)
    return rounds.RoundOutcome(pool=round_pool, result=solve(graph, "fit"))


@pytest.mark.parametrize("text_kind", ["vectors", "tfidf"])
def test_a_rounds_stored_pairs_explained_later_are_each_pairs_own_explanation(text_kind) -> None:
    """A round stores each pair's numbers, worked out for all pairs at once; explained
    later from them (without the round's text index) each is what `explain` gives for
    that pair alone on the round's pool, and the stored warning flag is `factor_warnings`'."""
    import json
    from dataclasses import replace

    from ithaca.matching.engine import tfidf_index
    from ithaca.matching.engine.synthetic import random_pool
    from ithaca.matching.explain import (
        breakdown_json,
        explain,
        explained,
        factor_warnings,
        has_warning,
        unexplained,
    )

    pool = random_pool(5, 60, 20, vector_dim=6, min_capacity=1)
    rules = replace(pool.program, weights={**pool.program.weights, "walked_the_path": "must"})
    text = pool.vectors if text_kind == "vectors" else tfidf_index(pool.seekers, pool.helpers)
    outcome = _round_outcome(pool, rules, text)
    matches = outcome.result.matches
    assert len(matches) > 10
    seekers = {s.id: s for s in pool.seekers}
    helpers = {h.id: h for h in pool.helpers}
    one_by_one = [
        breakdown_json(*explain(seekers[m.seeker_id], helpers[m.helper_id], rules, text))
        for m in matches
    ]
    # As stored: through JSON, as the database gives them back.
    stored = json.loads(json.dumps(list(outcome.breakdowns())))
    assert all(unexplained(b) for b in stored)
    later = [
        explained(b, seekers[m.seeker_id], helpers[m.helper_id], rules)
        for b, m in zip(stored, matches, strict=True)
    ]
    # Without the hard rules, which are checked when a pair is shown.
    assert later == [{k: v for k, v in b.items() if k != "rules"} for b in one_by_one]
    assert [b["score"] for b in stored] == [b["score"] for b in one_by_one]
    warned = [bool(factor_warnings(b)) for b in one_by_one]
    assert [has_warning(b) for b in stored] == warned == [has_warning(b) for b in later]
    assert any(warned) and not all(warned)
    if text_kind == "tfidf":  # the words behind the similarity were kept
        assert any(b["words"] for b in stored)

"""Participant stages and the stuck rules: pure functions, and the SQL that mirrors them."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from django.utils import timezone

from ithaca.console import selectors
from ithaca.console.selectors import STAGE_FILTERS, participants, stage_counts, stage_of
from ithaca.console.stages import Relationships, Stage, is_stuck, participant_stage
from ithaca.console.tests.factories import backdate, make_relationship, make_world
from ithaca.programs.models import Participation
from ithaca.programs.tests.factories import CoachingProgramFactory, ParticipationFactory

NOW = dt.datetime(2025, 6, 1, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("state", "role", "counts", "stage"),
    [
        ("pending", "seeker", Relationships(), Stage.APPLIED),
        ("declined", "seeker", Relationships(active=1), Stage.DECLINED),
        ("left", "mentor", Relationships(), Stage.LEFT),
        ("active", "sponsor", Relationships(), Stage.SPONSOR),
        ("active", "seeker", Relationships(), Stage.WAITING),
        ("active", "seeker", Relationships(proposed=1), Stage.MATCHED),
        ("active", "seeker", Relationships(active=1, proposed=1), Stage.ACTIVE),
        ("active", "seeker", Relationships(concluded=2), Stage.CONCLUDED),
        ("active", "seeker", Relationships(active=1, concluded=1), Stage.ACTIVE),
        ("active", "mentor", Relationships(proposed=1, concluded=1), Stage.MATCHED),
    ],
)
def test_a_participant_stage_follows_their_relationships(state, role, counts, stage) -> None:
    assert participant_stage(state, role, counts) == stage


@pytest.mark.parametrize(
    ("stage", "role", "days", "stuck"),
    [
        (Stage.APPLIED, "seeker", 14, False),
        (Stage.APPLIED, "mentor", 15, True),
        (Stage.WAITING, "seeker", 30, False),
        (Stage.WAITING, "seeker", 31, True),
        (Stage.WAITING, "mentor", 90, False),
        (Stage.MATCHED, "seeker", 7, False),
        (Stage.MATCHED, "seeker", 8, True),
        (Stage.ACTIVE, "seeker", 400, False),
    ],
)
def test_stuck_means_too_long_at_a_stage_that_needs_someone_to_act(
    stage, role, days, stuck
) -> None:
    since = NOW - dt.timedelta(days=days, minutes=1 if stuck else 0)
    assert is_stuck(stage, role, since, NOW, request_expiry_days=7) is stuck


@pytest.mark.django_db
def test_the_sql_stage_of_each_participant_matches_the_pure_rule() -> None:
    world = make_world()
    rows = {p.user_id: stage_of(p) for p in participants(world.program)}
    assert rows == {
        world.mentor.pk: Stage.ACTIVE,
        world.applied.pk: Stage.APPLIED,
        world.waiting.pk: Stage.WAITING,
        world.matched.pk: Stage.MATCHED,
        world.active.pk: Stage.ACTIVE,
        world.concluded.pk: Stage.CONCLUDED,
    }
    for stage, rule in STAGE_FILTERS.items():
        filtered = {p.user_id for p in participants(world.program).filter(rule)}
        assert filtered == {user for user, s in rows.items() if s == stage}, stage


@pytest.mark.django_db
def test_stage_counts_take_one_query_whatever_the_size(django_assert_num_queries) -> None:
    # Relationships reduced to flags per person and side, joined to participations.
    world = make_world()
    with django_assert_num_queries(1):
        counts = stage_counts(world.program)
    assert counts[Stage.ACTIVE] == 2 and counts[Stage.WAITING] == 1
    assert counts[Stage.APPLIED] == counts[Stage.MATCHED] == counts[Stage.CONCLUDED] == 1


@pytest.mark.django_db
def test_a_mentors_capacity_used_counts_open_relationships_only() -> None:
    world = make_world()
    mentor = participants(world.program).get(user=world.mentor)
    assert (mentor.n_active, mentor.n_proposed, mentor.n_concluded) == (1, 1, 1)


@pytest.mark.django_db
def test_coaching_participants_are_read_from_engagements() -> None:
    program = CoachingProgramFactory()
    coach = ParticipationFactory(program=program, role="coach").user
    coachee = ParticipationFactory(program=program, role="seeker").user
    make_relationship(program, coach, coachee, "paused")
    stages = {p.user_id: stage_of(p) for p in participants(program)}
    assert stages == {coach.pk: Stage.ACTIVE, coachee.pk: Stage.ACTIVE}


@pytest.mark.django_db
def test_the_stuck_lists_hold_old_applications_long_waits_and_stale_proposals() -> None:
    world = make_world(request_expiry_days=7)
    now = timezone.now()
    assert not selectors.stuck_applications(world.program, now).exists()
    backdate(Participation.objects.get(user=world.applied), days=15)
    backdate(Participation.objects.get(user=world.waiting), days=40)
    old_seeker = ParticipationFactory(program=world.program, role="seeker").user
    stale = make_relationship(world.program, world.mentor, old_seeker, "proposed", age_days=8)
    assert [p.user for p in selectors.stuck_applications(world.program, now)] == [world.applied]
    # The waiting seeker's declined proposal ended today: the wait restarted then.
    assert selectors.stuck_waiting(world.program, now) == ([], 0)
    type(stale).objects.filter(mentee=world.waiting).update(ended_at=now - dt.timedelta(days=35))
    rows, total = selectors.stuck_waiting(world.program, now)
    assert [p.user for p in rows] == [world.waiting] and total == 1
    assert list(selectors.stuck_proposals(world.program, now)) == [stale]


@pytest.mark.django_db
def test_stage_counts_agree_with_each_participants_stage_on_both_sides() -> None:
    # Someone who mentors in the program and is mentored in it counts once per role,
    # each by the relationships on that side; one who left keeps the stage "left".
    world = make_world()
    both = world.waiting
    ParticipationFactory(program=world.program, role="mentor", user=both, capacity=2)
    make_relationship(world.program, both, world.matched, "active")
    gone = ParticipationFactory(program=world.program, role="seeker", state="left").user
    make_relationship(world.program, world.mentor, gone, "active")
    expected = Counter(stage_of(p) for p in participants(world.program))
    assert stage_counts(world.program) == {stage: expected[stage] for stage in Stage}
    assert expected[Stage.LEFT] == 1 and expected[Stage.ACTIVE] == 4

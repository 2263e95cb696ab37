"""SMART goals, check-ins and action items."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError
from django.utils import timezone

from ithaca.accounts.tests.factories import UserFactory
from ithaca.coaching import services
from ithaca.coaching.models import ActionItem, CheckIn, Goal
from ithaca.coaching.selectors import engagement_goals
from ithaca.coaching.services import IncompleteGoal
from ithaca.coaching.tests.factories import GoalFactory, active_engagement
from ithaca.core.errors import DomainError, PermissionDenied

pytestmark = pytest.mark.django_db


@pytest.fixture
def engagement():
    return active_engagement()


def _goal(engagement, **overrides):
    fields = {
        "statement": "Delegate the weekly rota",
        "metric": "Hours a week on the rota",
        "unit": "hours",
        "baseline": Decimal(6),
        "target": Decimal(1),
        "owner": engagement.coachee,
        "due_on": timezone.localdate() + dt.timedelta(days=60),
    }
    fields.update(overrides)
    return services.goal_create(engagement=engagement, user=engagement.coach, **fields)


def test_a_complete_goal_is_saved(engagement) -> None:
    goal = _goal(engagement)
    assert (goal.baseline, goal.target, goal.owner) == (6, 1, engagement.coachee)


def test_a_goal_missing_parts_is_refused_naming_every_missing_part(engagement) -> None:
    with pytest.raises(IncompleteGoal) as caught:
        _goal(engagement, metric="", unit="  ", baseline=None, due_on=None)
    assert caught.value.missing == ["metric", "unit", "baseline", "due_on"]
    assert caught.value.message == "A SMART goal needs a metric, a unit, a baseline, a due date."
    assert not Goal.objects.exists()


def test_a_target_equal_to_the_baseline_is_refused(engagement) -> None:
    with pytest.raises(DomainError, match="equals the baseline") as caught:
        _goal(engagement, baseline=Decimal("3.0"), target=Decimal(3))
    assert caught.value.field == "target"
    assert not Goal.objects.exists()
    with pytest.raises(IntegrityError):
        GoalFactory(engagement=engagement, baseline=Decimal(2), target=Decimal(2))


def test_the_owner_is_the_coach_or_the_coachee(engagement) -> None:
    with pytest.raises(DomainError, match="owner"):
        _goal(engagement, owner=engagement.sponsor)


def test_the_sponsor_cannot_set_goals(engagement) -> None:
    with pytest.raises(PermissionDenied):
        services.goal_create(
            engagement=engagement,
            user=engagement.sponsor,
            statement="s",
            metric="m",
            unit="u",
            baseline=1,
            target=2,
            owner=engagement.coachee,
            due_on=timezone.localdate(),
        )


@pytest.mark.parametrize("value", ["a lot", True, None, [3], {"v": 1}, "NaN", "1e30"])
def test_a_check_in_value_of_the_wrong_type_is_refused(engagement, value) -> None:
    goal = _goal(engagement)
    with pytest.raises(DomainError) as caught:
        services.checkin_record(goal=goal, user=engagement.coachee, value=value)
    assert caught.value.field == "value"
    assert not CheckIn.objects.exists()


def test_check_ins_drive_attainment_towards_a_falling_target(engagement) -> None:
    goal = _goal(engagement)
    Goal.objects.filter(pk=goal.pk).update(created_at=timezone.now() - dt.timedelta(days=30))
    goal.refresh_from_db()  # set a month ago, so a check-in two weeks ago follows its baseline
    today = timezone.localdate()
    services.checkin_record(
        goal=goal, user=engagement.coachee, value="5", recorded_on=today - dt.timedelta(days=14)
    )
    services.checkin_record(goal=goal, user=engagement.coach, value=Decimal(3))
    (progress,) = engagement_goals(engagement)
    assert progress.latest == 3 and progress.attainment == Decimal("0.6")
    assert [c.value for c in progress.checkins] == [5, 3]


def test_a_check_in_cannot_be_in_the_future(engagement) -> None:
    goal = _goal(engagement)
    with pytest.raises(DomainError, match="already measured"):
        services.checkin_record(
            goal=goal,
            user=engagement.coachee,
            value=2,
            recorded_on=timezone.localdate() + dt.timedelta(days=1),
        )


def test_actions_are_owned_by_the_pair_and_can_be_done_and_reopened(engagement) -> None:
    goal = _goal(engagement)
    action = services.action_create(
        engagement=engagement,
        user=engagement.coach,
        title="Ask Sam to draft the rota",
        owner=engagement.coachee,
        due_on=timezone.localdate(),
        goal=goal,
    )
    assert services.action_set_done(action=action, user=engagement.coachee, done=True).done
    assert not services.action_set_done(action=action, user=engagement.coach, done=False).done
    with pytest.raises(DomainError, match="owner"):
        services.action_create(
            engagement=engagement,
            user=engagement.coach,
            title="x",
            owner=UserFactory(),
            due_on=timezone.localdate(),
        )
    with pytest.raises(PermissionDenied):
        services.action_set_done(action=action, user=engagement.sponsor, done=True)
    other = active_engagement()
    with pytest.raises(DomainError, match="another engagement"):
        services.action_create(
            engagement=other,
            user=other.coach,
            title="x",
            owner=other.coachee,
            due_on=timezone.localdate(),
            goal=goal,
        )
    assert ActionItem.objects.count() == 1


def test_an_action_due_in_the_past_is_refused() -> None:
    engagement = active_engagement()
    with pytest.raises(DomainError, match="already passed") as caught:
        services.action_create(
            engagement=engagement,
            user=engagement.coach,
            title="Hand over the rota",
            owner=engagement.coachee,
            due_on=timezone.localdate() - dt.timedelta(days=1),
        )
    assert caught.value.field == "due_on"
    assert not engagement.actions.exists()


def test_a_checkin_dated_before_the_goal_and_its_baseline_is_refused() -> None:
    engagement = active_engagement()
    goal = GoalFactory(engagement=engagement)
    with pytest.raises(DomainError, match="baseline was set") as caught:
        services.checkin_record(
            goal=goal,
            user=engagement.coachee,
            value="4",
            recorded_on=timezone.localdate() - dt.timedelta(days=3),
        )
    assert caught.value.field == "recorded_on"
    assert services.checkin_record(goal=goal, user=engagement.coachee, value="4").pk

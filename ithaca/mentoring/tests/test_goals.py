"""Optional holistic goals the mentee owns, with progress told in words."""

from __future__ import annotations

import pytest

from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.mentoring import services
from ithaca.mentoring.models import Goal
from ithaca.mentoring.tests.factories import active_relationship

pytestmark = pytest.mark.django_db


def test_the_mentee_sets_a_goal_and_both_write_progress(rel) -> None:
    goal = services.goal_add(
        relationship=rel, user=rel.mentee, area="wellbeing", title="Leave work at six"
    )
    services.goal_note_add(relationship=rel, user=rel.mentee, goal=goal, body="Twice this week")
    services.goal_note_add(relationship=rel, user=rel.mentor, goal=goal, body="Proud of that")
    goal = services.goal_set_status(relationship=rel, user=rel.mentee, goal=goal, status="reached")
    assert goal.status == "reached" and goal.notes.count() == 2


def test_the_mentor_cannot_set_the_mentees_goals(rel) -> None:
    with pytest.raises(PermissionDenied, match="mentee's own"):
        services.goal_add(relationship=rel, user=rel.mentor, area="career", title="Apply")
    goal = services.goal_add(relationship=rel, user=rel.mentee, area="career", title="Apply")
    with pytest.raises(PermissionDenied):
        services.goal_set_status(relationship=rel, user=rel.mentor, goal=goal, status="set_aside")


def test_a_goal_needs_an_area_from_the_list(rel) -> None:
    with pytest.raises(DomainError, match="career, perspective") as caught:
        services.goal_add(relationship=rel, user=rel.mentee, area="salary", title="More")
    assert caught.value.field == "area" and not Goal.objects.exists()


def test_peers_both_own_goals() -> None:
    rel = active_relationship("co_mentoring")
    assert services.goal_add(relationship=rel, user=rel.mentor, area="skill", title="Teach")


def test_a_goal_from_another_relationship_is_refused(rel) -> None:
    other = active_relationship()
    goal = services.goal_add(relationship=other, user=other.mentee, area="career", title="X")
    with pytest.raises(DomainError, match="not in this relationship"):
        services.goal_note_add(relationship=rel, user=rel.mentee, goal=goal, body="Hi")

"""Optional holistic goals the mentee owns, with progress told in words."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.mentoring.models import Goal, GoalNote, MentoringRelationship
from ithaca.mentoring.services.base import clean_text, writable
from ithaca.mentoring.workspace import Workspace


def _owner(workspace: Workspace) -> None:
    if not workspace.owns_goals:
        raise PermissionDenied(_("Goals are the mentee's own; you can add progress notes to them."))


def _own_goal(workspace: Workspace, goal: Goal) -> Goal:
    fresh = Goal.objects.filter(relationship=workspace.relationship, pk=goal.pk).first()
    if fresh is None:
        raise DomainError(_("That goal is not in this relationship."), field="goal")
    return fresh


@transaction.atomic
def goal_add(*, relationship: MentoringRelationship, user: User, area: str, title: str) -> Goal:
    workspace = writable(relationship, user, "add a goal")
    _owner(workspace)
    if area not in Goal.Area.values:
        areas = ", ".join(str(label).lower() for label in Goal.Area.labels)
        raise DomainError(
            _("Choose what the goal is about: %(areas)s.") % {"areas": areas}, field="area"
        )
    title = clean_text(title, field="title", label="goal", limit=200)
    return Goal.objects.create(
        relationship=workspace.relationship, area=area, title=title, created_by=user
    )


@transaction.atomic
def goal_set_status(
    *, relationship: MentoringRelationship, user: User, goal: Goal, status: str
) -> Goal:
    workspace = writable(relationship, user, "change a goal")
    _owner(workspace)
    goal = _own_goal(workspace, goal)
    if status not in Goal.Status.values:
        raise DomainError(_("Say whether you are working on it, reached it or set it aside."))
    goal.status = status
    goal.save(update_fields=["status"])
    return goal


@transaction.atomic
def goal_note_add(
    *, relationship: MentoringRelationship, user: User, goal: Goal, body: str
) -> GoalNote:
    """Either side tells how it is going, in words; nothing is scored."""
    workspace = writable(relationship, user, "add a progress note")
    goal = _own_goal(workspace, goal)
    body = clean_text(body, field="body", label="progress note", limit=3000)
    return GoalNote.objects.create(goal=goal, author=user, body=body)

"""Correcting what you wrote: edit or withdraw your own topics, goals and notes.

Only the author changes a record, only while the relationship is under way
(a concluded relationship's record stands as it was), and every edit of a
record the other side can see is stamped `edited_at` so that it shows as
edited.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.core.errors import DomainError
from ithaca.mentoring.models import AgendaTopic, Goal, GoalNote, MeetingNote, MentoringRelationship
from ithaca.mentoring.services.base import clean_text, writable

LIVE = (AgendaTopic.Status.SUGGESTED, AgendaTopic.Status.OPEN)


def _topic(relationship: MentoringRelationship, user: User, topic: AgendaTopic) -> AgendaTopic:
    workspace = writable(relationship, user, "change the agenda")
    fresh = (
        AgendaTopic.objects.select_for_update()
        .filter(workspace.space(), pk=topic.pk, added_by=user)
        .first()
    )
    if fresh is None:
        raise DomainError(_("You can change only topics you added."))
    if fresh.status not in LIVE:
        raise DomainError(_("This topic is closed; reopen it first."))
    return fresh


@transaction.atomic
def topic_edit(
    *, relationship: MentoringRelationship, user: User, topic: AgendaTopic, title: str, detail: str
) -> AgendaTopic:
    topic = _topic(relationship, user, topic)
    topic.title = clean_text(title, field="title", label="topic", limit=200)
    topic.detail = (detail or "").strip()[:2000]
    topic.edited_at = timezone.now()
    topic.save(update_fields=["title", "detail", "edited_at"])
    return topic


@transaction.atomic
def topic_withdraw(*, relationship: MentoringRelationship, user: User, topic: AgendaTopic) -> None:
    """Take back a topic you added, unless a meeting already took it up."""
    topic = _topic(relationship, user, topic)
    if topic.meetings.exists():
        raise DomainError(_("A meeting took this topic up; close it instead."))
    topic.delete()


def _goal(relationship: MentoringRelationship, user: User, goal: Goal) -> Goal:
    workspace = writable(relationship, user, "change a goal")
    fresh = (
        Goal.objects.select_for_update()
        .filter(relationship=workspace.relationship, pk=goal.pk, created_by=user)
        .first()
    )
    if fresh is None:
        raise DomainError(_("You can change only goals you set."))
    return fresh


@transaction.atomic
def goal_edit(
    *, relationship: MentoringRelationship, user: User, goal: Goal, area: str, title: str
) -> Goal:
    goal = _goal(relationship, user, goal)
    if area not in Goal.Area.values:
        raise DomainError(_("Choose what the goal is about."), field="area")
    goal.area = area
    goal.title = clean_text(title, field="title", label="goal", limit=200)
    goal.edited_at = timezone.now()
    goal.save(update_fields=["area", "title", "edited_at"])
    return goal


@transaction.atomic
def goal_withdraw(*, relationship: MentoringRelationship, user: User, goal: Goal) -> None:
    """Withdraw a goal you set, unless someone else has written about it."""
    goal = _goal(relationship, user, goal)
    if goal.notes.exclude(author=user).exists():
        raise DomainError(_("Someone else wrote about this goal; mark it dropped instead."))
    goal.notes.all().delete()
    goal.delete()


def _goal_note(relationship: MentoringRelationship, user: User, note: GoalNote) -> GoalNote:
    workspace = writable(relationship, user, "change a progress note")
    fresh = (
        GoalNote.objects.select_for_update()
        .filter(goal__relationship=workspace.relationship, pk=note.pk, author=user)
        .first()
    )
    if fresh is None:
        raise DomainError(_("You can change only notes you wrote."))
    return fresh


@transaction.atomic
def goal_note_edit(
    *, relationship: MentoringRelationship, user: User, note: GoalNote, body: str
) -> GoalNote:
    note = _goal_note(relationship, user, note)
    note.body = clean_text(body, field="body", label="note", limit=3000)
    note.edited_at = timezone.now()
    note.save(update_fields=["body", "edited_at"])
    return note


@transaction.atomic
def goal_note_withdraw(*, relationship: MentoringRelationship, user: User, note: GoalNote) -> None:
    _goal_note(relationship, user, note).delete()


@transaction.atomic
def meeting_note_withdraw(
    *, relationship: MentoringRelationship, user: User, note: MeetingNote
) -> None:
    workspace = writable(relationship, user, "withdraw a note")
    fresh = MeetingNote.objects.filter(
        workspace.space("meeting__relationship"), pk=note.pk, author=user
    ).first()
    if fresh is None:
        raise DomainError(_("You can withdraw only notes you wrote."))
    fresh.delete()

"""Who may read a conversation: its members only. Program managers, sponsors and staff
get the same 404 as strangers, so not even its existence leaks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Model, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.coaching.models import CoachingEngagement
from ithaca.mentoring.models import MentoringGroup, MentoringRelationship
from ithaca.messaging.models import Thread
from ithaca.programs.lifecycle import Status

WRITABLE = (Status.ACTIVE, Status.PAUSED)
READABLE = (Status.ACTIVE, Status.PAUSED, Status.CONCLUDED)


@dataclass(frozen=True)
class Conversation:
    kind: str
    pk: int
    title: str
    members: tuple[User, ...]
    writable: bool
    subject: Model

    @property
    def url(self) -> str:
        return reverse("messaging:thread", args=[self.kind, self.pk])

    def others(self, user: User) -> list[User]:
        return [m for m in self.members if m.pk != user.pk]


def _mentoring_conversation(rel: MentoringRelationship, user: User) -> Conversation:
    other = rel.mentee if rel.mentor_id == user.pk else rel.mentor
    return Conversation(
        Thread.MENTORING, rel.pk, _("You and %(name)s") % {"name": other.display_name},
        (rel.mentor, rel.mentee), rel.status in WRITABLE, rel,
    )  # fmt: skip


def _group_conversation(
    pk: int, rows: list[MentoringRelationship], user: User
) -> Conversation | None:
    """A group's conversation from its open relationships, if the person is among them."""
    people = {r.mentor_id: r.mentor for r in rows} | {r.mentee_id: r.mentee for r in rows}
    if not rows or user.pk not in people:
        return None
    group: MentoringGroup = rows[0].group  # type: ignore[assignment]
    return Conversation(
        Thread.GROUP, pk, _("Your group with %(name)s") % {"name": rows[0].mentor.display_name},
        tuple(people.values()), True, group,
    )  # fmt: skip


def _coaching_conversation(engagement: CoachingEngagement, user: User) -> Conversation:
    other = engagement.coachee if engagement.coach_id == user.pk else engagement.coach
    return Conversation(
        Thread.COACHING, engagement.pk, _("You and %(name)s") % {"name": other.display_name},
        (engagement.coach, engagement.coachee), engagement.status in WRITABLE, engagement,
    )  # fmt: skip


def _one_to_one(user: User) -> QuerySet[MentoringRelationship]:
    return MentoringRelationship.objects.select_related("mentor", "mentee", "program").filter(
        Q(mentor=user) | Q(mentee=user), group__isnull=True, status__in=READABLE
    )


def _group_rows(group_ids: Any) -> QuerySet[MentoringRelationship]:
    """The open relationships of these groups (ids, or a query of them)."""
    return MentoringRelationship.objects.select_related("mentor", "mentee", "group").filter(
        group_id__in=group_ids, status__in=WRITABLE
    )


def _engagements(user: User) -> QuerySet[CoachingEngagement]:
    return CoachingEngagement.objects.select_related("coach", "coachee").filter(
        Q(coach=user) | Q(coachee=user), status__in=READABLE
    )


def _mentoring(user: User, pk: int) -> Conversation | None:
    rel = _one_to_one(user).filter(pk=pk).first()
    return _mentoring_conversation(rel, user) if rel else None


def _group(user: User, pk: int) -> Conversation | None:
    return _group_conversation(pk, list(_group_rows([pk])), user)


def _coaching(user: User, pk: int) -> Conversation | None:
    engagement = _engagements(user).filter(pk=pk).first()
    return _coaching_conversation(engagement, user) if engagement else None


FINDERS = {Thread.MENTORING: _mentoring, Thread.GROUP: _group, Thread.COACHING: _coaching}


def access_conversation(user: User, kind: str, pk: int) -> Conversation:
    finder = FINDERS.get(kind)  # type: ignore[call-overload]
    conversation = finder(user, pk) if finder else None
    if conversation is None:
        raise Http404(_("No such conversation."))
    return conversation


def conversations_for(user: User) -> list[Conversation]:
    """Every conversation the person is a member of, in three queries however many."""
    found = [_mentoring_conversation(rel, user) for rel in _one_to_one(user)]
    mine = MentoringRelationship.objects.filter(
        Q(mentor=user) | Q(mentee=user), group__isnull=False, status__in=READABLE
    ).values("group_id")
    rows: dict[int, list[MentoringRelationship]] = {}
    for rel in _group_rows(mine).order_by("group_id", "pk"):
        rows.setdefault(rel.group_id, []).append(rel)  # type: ignore[arg-type]
    found += [c for pk in sorted(rows) if (c := _group_conversation(pk, rows[pk], user))]
    found += [_coaching_conversation(engagement, user) for engagement in _engagements(user)]
    return found

"""Who may read a conversation: its members only. Program managers, sponsors and staff
get the same 404 as strangers, so not even its existence leaks."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Model, Q
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


def _mentoring(user: User, pk: int) -> Conversation | None:
    rel = (
        MentoringRelationship.objects.select_related("mentor", "mentee", "program")
        .filter(Q(mentor=user) | Q(mentee=user), pk=pk, group__isnull=True, status__in=READABLE)
        .first()
    )
    if rel is None:
        return None
    other = rel.mentee if rel.mentor_id == user.pk else rel.mentor
    return Conversation(
        Thread.MENTORING, rel.pk, _("You and %(name)s") % {"name": other.display_name},
        (rel.mentor, rel.mentee), rel.status in WRITABLE, rel,
    )  # fmt: skip


def _group(user: User, pk: int) -> Conversation | None:
    rows = list(
        MentoringRelationship.objects.select_related("mentor", "mentee", "group")
        .filter(group_id=pk, status__in=WRITABLE)
    )  # fmt: skip
    people = {r.mentor_id: r.mentor for r in rows} | {r.mentee_id: r.mentee for r in rows}
    if user.pk not in people:
        return None
    group: MentoringGroup = rows[0].group  # type: ignore[assignment]
    return Conversation(
        Thread.GROUP, pk, _("Your group with %(name)s") % {"name": rows[0].mentor.display_name},
        tuple(people.values()), True, group,
    )  # fmt: skip


def _coaching(user: User, pk: int) -> Conversation | None:
    engagement = (
        CoachingEngagement.objects.select_related("coach", "coachee")
        .filter(Q(coach=user) | Q(coachee=user), pk=pk, status__in=READABLE)
        .first()
    )
    if engagement is None:
        return None
    other = engagement.coachee if engagement.coach_id == user.pk else engagement.coach
    return Conversation(
        Thread.COACHING, pk, _("You and %(name)s") % {"name": other.display_name},
        (engagement.coach, engagement.coachee), engagement.status in WRITABLE, engagement,
    )  # fmt: skip


FINDERS = {Thread.MENTORING: _mentoring, Thread.GROUP: _group, Thread.COACHING: _coaching}


def access_conversation(user: User, kind: str, pk: int) -> Conversation:
    finder = FINDERS.get(kind)  # type: ignore[call-overload]
    conversation = finder(user, pk) if finder else None
    if conversation is None:
        raise Http404(_("No such conversation."))
    return conversation


def conversations_for(user: User) -> list[Conversation]:
    """Every conversation the person is a member of."""
    found: list[Conversation] = []
    rels = MentoringRelationship.objects.filter(
        Q(mentor=user) | Q(mentee=user), status__in=READABLE
    ).values_list("pk", "group_id")
    groups = sorted({g for _, g in rels if g})
    found += [c for pk, g in rels if not g and (c := _mentoring(user, pk))]
    found += [c for g in groups if (c := _group(user, g))]
    engagements = CoachingEngagement.objects.filter(
        Q(coach=user) | Q(coachee=user), status__in=READABLE
    ).values_list("pk", flat=True)
    found += [c for pk in engagements if (c := _coaching(user, pk))]
    return found

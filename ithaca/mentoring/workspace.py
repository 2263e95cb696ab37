"""One person's view of a relationship's workspace: their side, the shared space, the rules.

Both access helpers (for reading) and services (for writing) build a
Workspace, so "who may do what" is decided in one place.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ithaca.accounts.models import User
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.mentoring.formats import Format
from ithaca.mentoring.models import MentoringRelationship
from ithaca.programs.lifecycle import Status

# A workspace exists once both have said yes, and stays readable after the end.
STARTED = (Status.ACTIVE, Status.PAUSED, Status.CONCLUDED)
IN_PROGRESS = (Status.ACTIVE, Status.PAUSED)
# A meeting belongs to a former group member's past if it was set up and held before they left.
MEETING_DATES = ("created_at", "starts_at")


# What a paused or ended relationship refuses, one whole sentence per thing refused
# (keyed by the words the services pass), so each language can order it its own way.
BLOCKED = {
    # Translators: %(state)s is the relationship's state in lower case, e.g. "paused".
    "do that": _("This relationship is %(state)s, so you cannot do that now."),
    "add to the agenda": _("This relationship is %(state)s, so you cannot add to the agenda now."),
    "change the agenda": _("This relationship is %(state)s, so you cannot change the agenda now."),
    "reorder the agenda": _(
        "This relationship is %(state)s, so you cannot reorder the agenda now."
    ),
    "add a goal": _("This relationship is %(state)s, so you cannot add a goal now."),
    "change a goal": _("This relationship is %(state)s, so you cannot change a goal now."),
    "add a progress note": _(
        "This relationship is %(state)s, so you cannot add a progress note now."
    ),
    "change a progress note": _(
        "This relationship is %(state)s, so you cannot change a progress note now."
    ),
    "make an introduction": _(
        "This relationship is %(state)s, so you cannot make an introduction now."
    ),
    "propose a meeting": _("This relationship is %(state)s, so you cannot propose a meeting now."),
    "log a meeting": _("This relationship is %(state)s, so you cannot log a meeting now."),
    "accept a meeting": _("This relationship is %(state)s, so you cannot accept a meeting now."),
    "decline a meeting": _("This relationship is %(state)s, so you cannot decline a meeting now."),
    "cancel a meeting": _("This relationship is %(state)s, so you cannot cancel a meeting now."),
    "change a meeting": _("This relationship is %(state)s, so you cannot change a meeting now."),
    "write notes": _("This relationship is %(state)s, so you cannot write notes now."),
    "withdraw a note": _("This relationship is %(state)s, so you cannot withdraw a note now."),
    "answer the review": _("This relationship is %(state)s, so you cannot answer the review now."),
}


@dataclass(frozen=True)
class Workspace:
    relationship: MentoringRelationship
    user: User
    side: str  # "mentor" or "mentee"

    @property
    def format(self) -> Format:
        return Format(self.relationship.program.mode)

    @property
    def started(self) -> bool:
        return self.relationship.status in STARTED

    @property
    def active(self) -> bool:
        return self.relationship.status == Status.ACTIVE

    @property
    def in_group(self) -> bool:
        """A current member of a group, sharing its whole space."""
        return self.relationship.group_id is not None and self.relationship.status in IN_PROGRESS

    @property
    def left_at(self) -> dt.datetime | None:
        """When a former member left their group (concluded); None for everyone else.

        A former member reads the group's records up to that moment and nothing
        written, or held, after it.
        """
        relationship = self.relationship
        if relationship.group_id is None or relationship.status in IN_PROGRESS:
            return None
        return relationship.ended_at or relationship.updated_at

    @property
    def owns_agenda(self) -> bool:
        return self.format.owns_agenda(self.side)

    @property
    def owns_goals(self) -> bool:
        return self.format.owns_goals(self.side)

    @property
    def may_introduce(self) -> bool:
        return self.format.may_introduce(self.side)

    def space(self, prefix: str = "relationship", dated: tuple[str, ...] = ("created_at",)) -> Q:
        """The shared space: this relationship, or its whole group in group mentoring.

        For a former member of a group, the group's rows whose `dated` fields
        (the row's own, e.g. a meeting's `created_at` and `starts_at`) fall
        before they left.
        """
        if self.relationship.group_id is None:
            return Q(**{f"{prefix}_id": self.relationship.pk})
        group = Q(**{f"{prefix}__group_id": self.relationship.group_id})
        return group & self.up_to_leaving(*dated)

    def up_to_leaving(self, *dated: str) -> Q:
        """Rows dated before a former member left; every row for everyone else."""
        left_at = self.left_at
        if left_at is None:
            return Q()
        return Q(**{f"{field}__lte": left_at for field in dated or ("created_at",)})

    def side_of_user_id(self, user_id: int) -> str:
        """The side of someone in this space: the group shares one mentor."""
        return "mentor" if user_id == self.relationship.mentor_id else "mentee"

    def require_active(self, doing: str = "do that") -> None:
        if self.relationship.status != Status.ACTIVE:
            state = self.relationship.get_status_display().lower()
            message = BLOCKED.get(doing, BLOCKED["do that"])
            raise DomainError(str(message) % {"state": state})


def workspace_of(relationship: MentoringRelationship, user: User) -> Workspace:
    """The person's workspace, or PermissionDenied for anyone but its two people."""
    if user.pk == relationship.mentor_id:
        return Workspace(relationship, user, "mentor")
    if user.pk == relationship.mentee_id:
        return Workspace(relationship, user, "mentee")
    raise PermissionDenied(gettext("Only the two people in this relationship can do that."))


def space_people(relationship: MentoringRelationship) -> list[User]:
    """Everyone who shares the space: the two people, or the mentor and the group's
    current mentees."""
    if relationship.group_id is None or relationship.status not in IN_PROGRESS:
        return [relationship.mentor, relationship.mentee]
    mentees = User.objects.filter(
        mentoring_as_mentee__group_id=relationship.group_id,
        mentoring_as_mentee__status__in=IN_PROGRESS,
    ).distinct()
    return [relationship.mentor, *mentees]

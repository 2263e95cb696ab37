"""Helpers every workspace service uses: lock, check who is asking, clean text."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from ithaca.accounts.models import User
from ithaca.core.errors import DomainError
from ithaca.core.prepared import PreparedQuery, columns, model_row
from ithaca.mentoring.models import MentoringRelationship
from ithaca.mentoring.workspace import Workspace, workspace_of

# The relationship's own row under a lock, its SQL prepared once per process.
_LOCKED = PreparedQuery(
    lambda pk: (
        MentoringRelationship.objects.select_for_update()
        .filter(pk=pk)
        .values_list(*columns(MentoringRelationship))
    ),
    pk=int,
)
_JOINED = ("program", "mentor", "mentee")


def locked_workspace(relationship: MentoringRelationship, user: User) -> Workspace:
    """Re-read the relationship under a row lock (so a concurrent conclude is seen)
    and return the person's workspace; PermissionDenied for outsiders.

    When the caller's relationship came with its program and people (as from
    `access_workspace`), only its own row is re-read; they are kept.
    """
    if all(getattr(MentoringRelationship, name).is_cached(relationship) for name in _JOINED):
        rows = _LOCKED.rows(pk=relationship.pk)
        if not rows:
            raise MentoringRelationship.DoesNotExist
        fresh, _ = model_row(MentoringRelationship, rows[0])
        if all(getattr(fresh, f"{n}_id") == getattr(relationship, f"{n}_id") for n in _JOINED):
            for name in _JOINED:
                setattr(fresh, name, getattr(relationship, name))
            return workspace_of(fresh, user)
    fresh = (
        MentoringRelationship.objects.select_for_update(of=("self",))
        .select_related(*_JOINED)
        .get(pk=relationship.pk)
    )
    return workspace_of(fresh, user)


def writable(relationship: MentoringRelationship, user: User, doing: str) -> Workspace:
    """The locked workspace of an active relationship, for a write."""
    workspace = locked_workspace(relationship, user)
    workspace.require_active(doing)
    return workspace


# For each thing a person writes: the message when it is empty, and when it is too long.
TEXT_MESSAGES = {
    "topic": (
        _("Write the topic."),
        _("Keep the topic under %(limit)s characters (it has %(length)s)."),
    ),
    "goal": (
        _("Write the goal."),
        _("Keep the goal under %(limit)s characters (it has %(length)s)."),
    ),
    "progress note": (
        _("Write the progress note."),
        _("Keep the progress note under %(limit)s characters (it has %(length)s)."),
    ),
    "reason for the introduction": (
        _("Write the reason for the introduction."),
        _("Keep the reason for the introduction under %(limit)s characters (it has %(length)s)."),
    ),
    "reflection": (
        _("Write the reflection."),
        _("Keep the reflection under %(limit)s characters (it has %(length)s)."),
    ),
    "note": (
        _("Write the note."),
        _("Keep the note under %(limit)s characters (it has %(length)s)."),
    ),
    "title": (
        _("Write the title."),
        _("Keep the title under %(limit)s characters (it has %(length)s)."),
    ),
    "journal entry": (
        _("Write the journal entry."),
        _("Keep the journal entry under %(limit)s characters (it has %(length)s)."),
    ),
}


def clean_text(value: str, *, field: str, label: str, limit: int) -> str:
    """Stripped text, refused when empty or too long, with a message naming the field."""
    empty, too_long = TEXT_MESSAGES[label]
    text = (value or "").strip()
    if not text:
        raise DomainError(str(empty), field=field)
    if len(text) > limit:
        raise DomainError(str(too_long) % {"limit": limit, "length": len(text)}, field=field)
    return text

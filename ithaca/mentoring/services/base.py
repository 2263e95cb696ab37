"""Helpers every workspace service uses: lock, check who is asking, clean text."""

from __future__ import annotations

from ithaca.accounts.models import User
from ithaca.core.errors import DomainError
from ithaca.mentoring.models import MentoringRelationship
from ithaca.mentoring.workspace import Workspace, workspace_of


def locked_workspace(relationship: MentoringRelationship, user: User) -> Workspace:
    """Re-read the relationship under a row lock (so a concurrent conclude is seen)
    and return the person's workspace; PermissionDenied for outsiders."""
    fresh = (
        MentoringRelationship.objects.select_for_update(of=("self",))
        .select_related("program", "mentor", "mentee")
        .get(pk=relationship.pk)
    )
    return workspace_of(fresh, user)


def writable(relationship: MentoringRelationship, user: User, doing: str) -> Workspace:
    """The locked workspace of an active relationship, for a write."""
    workspace = locked_workspace(relationship, user)
    workspace.require_active(doing)
    return workspace


def clean_text(value: str, *, field: str, label: str, limit: int) -> str:
    """Stripped text, refused when empty or too long, with a message naming the field."""
    text = (value or "").strip()
    if not text:
        raise DomainError(f"Write the {label}.", field=field)
    if len(text) > limit:
        raise DomainError(
            f"Keep the {label} under {limit} characters (it has {len(text)}).", field=field
        )
    return text

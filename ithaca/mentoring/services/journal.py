"""The private reflective journal: each person's own, read by nobody else."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.core.errors import DomainError
from ithaca.mentoring.models import JournalEntry, MentoringRelationship
from ithaca.mentoring.services.base import clean_text, locked_workspace
from ithaca.mentoring.workspace import Workspace

LIMIT = 10000


def _journal_open(relationship: MentoringRelationship, user: User) -> Workspace:
    """Anyone of the two may write while it runs and after it ends (reflection often
    comes later); not before both have said yes."""
    workspace = locked_workspace(relationship, user)
    if not workspace.started:
        raise DomainError(_("Your journal opens once both of you have accepted."))
    return workspace


def _own(workspace: Workspace, entry: JournalEntry) -> JournalEntry:
    fresh = JournalEntry.objects.filter(
        relationship=workspace.relationship, side=workspace.side, pk=entry.pk
    ).first()
    if fresh is None:
        raise DomainError(_("That is not one of your journal entries."))
    return fresh


@transaction.atomic
def journal_write(*, relationship: MentoringRelationship, user: User, body: str) -> JournalEntry:
    workspace = _journal_open(relationship, user)
    body = clean_text(body, field="body", label="journal entry", limit=LIMIT)
    return JournalEntry.objects.create(
        relationship=workspace.relationship, side=workspace.side, body=body
    )


@transaction.atomic
def journal_edit(
    *, relationship: MentoringRelationship, user: User, entry: JournalEntry, body: str
) -> JournalEntry:
    workspace = _journal_open(relationship, user)
    entry = _own(workspace, entry)
    entry.body = clean_text(body, field="body", label="journal entry", limit=LIMIT)
    entry.updated_at = timezone.now()
    entry.save(update_fields=["body", "updated_at"])
    return entry


@transaction.atomic
def journal_delete(*, relationship: MentoringRelationship, user: User, entry: JournalEntry) -> None:
    workspace = _journal_open(relationship, user)
    _own(workspace, entry).delete()

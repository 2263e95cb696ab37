"""Correcting what you wrote in an engagement: your session notes and your actions.

Only the author changes a record and only while the engagement is open; a
session note keeps the visibility it was written with (changing who reads a
note is not a correction). Check-ins are corrected in `goals.checkin_correct`.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.coaching.models import ActionItem, SessionNote
from ithaca.coaching.services._base import locked, require_open, require_party, required_text
from ithaca.coaching.services.sessions import GROW_KEYS
from ithaca.core.errors import DomainError, PermissionDenied


def _own_note(note: SessionNote, user: User) -> SessionNote:
    engagement = locked(note.session.engagement_id)
    require_party(engagement, user)
    require_open(engagement)
    fresh = SessionNote.objects.select_for_update().get(pk=note.pk)
    if fresh.author_id != user.pk:
        raise PermissionDenied(_("Only the person who wrote a note can change it."))
    return fresh


@transaction.atomic
def session_note_edit(
    *, note: SessionNote, user: User, text: str = "", grow: dict[str, str] | None = None
) -> SessionNote:
    note = _own_note(note, user)
    parts = {f"grow_{key}": (grow or {}).get(key, "").strip() for key in GROW_KEYS}
    if not text.strip() and not any(parts.values()):
        raise DomainError(_("Write the note, or fill in at least one GROW heading."), field="text")
    note.text = text.strip()
    for name, value in parts.items():
        setattr(note, name, value)
    note.edited_at = timezone.now()
    note.save()
    return note


@transaction.atomic
def session_note_withdraw(*, note: SessionNote, user: User) -> None:
    _own_note(note, user).delete()


def _own_action(action: ActionItem, user: User) -> ActionItem:
    engagement = locked(action.engagement_id)
    require_party(engagement, user)
    require_open(engagement)
    fresh = ActionItem.objects.select_for_update().get(pk=action.pk)
    if fresh.created_by_id != user.pk:
        raise PermissionDenied(_("Only the person who wrote an action can change it."))
    return fresh


@transaction.atomic
def action_edit(*, action: ActionItem, user: User, title: str, due_on: dt.date) -> ActionItem:
    action = _own_action(action, user)
    action.title = required_text(title, field="title", message=_("Say what is to be done."))[:300]
    if due_on < timezone.localdate() and due_on != action.due_on:
        raise DomainError(_("An action cannot be due in the past."), field="due_on")
    action.due_on = due_on
    action.edited_at = timezone.now()
    action.save(update_fields=["title", "due_on", "edited_at", "updated_at"])
    return action


@transaction.atomic
def action_withdraw(*, action: ActionItem, user: User) -> None:
    _own_action(action, user).delete()

"""Turning what the Django admin did during one request into audit events.

Every add, change and delete in the admin leaves a LogEntry, whichever app's
ModelAdmin made it, including bulk deletions; admin actions (the drop-down on
a list) are named in the POST. Reading those after the view ran records every
admin write without each ModelAdmin having to remember to.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.http import HttpRequest

from ithaca.audit.models import Action, AuditEvent
from ithaca.audit.services import event

CODES = {ADDITION: "admin.added", CHANGE: "admin.changed", DELETION: "admin.deleted"}
# Form labels (lower case) that carry rights when they change on a user.
USER_RIGHTS = {"staff status", "superuser status", "groups", "user permissions", "active"}
ALWAYS_PERMISSIONS = {"auth.group", "auth.permission", "programs.participation"}


def last_entry_id() -> int:
    return LogEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def _changed_labels(entry: LogEntry) -> set[str]:
    """Field labels and inline model names the entry's change message mentions."""
    labels: set[str] = set()
    try:
        parts = json.loads(entry.change_message or "[]")
    except ValueError:  # entries written as plain text by older code
        return labels
    for part in parts if isinstance(parts, list) else []:
        for detail in part.values():
            labels.update(label.lower() for label in detail.get("fields", []))
            if "name" in detail:
                labels.add(str(detail["name"]).lower())
    return labels


def _is_permission_change(label: str, entry: LogEntry) -> bool:
    if label in ALWAYS_PERMISSIONS:
        return True
    changed = _changed_labels(entry)
    if label == "accounts.user":
        return entry.action_flag != CHANGE or bool(changed & USER_RIGHTS)
    if label == "programs.program":
        return bool(changed & {"managers", "participation", "requires mfa"})
    return False


def _program_id(label: str, entry: LogEntry) -> int | None:
    if label == "programs.program" and str(entry.object_id).isdigit():
        return int(str(entry.object_id))
    model = entry.content_type.model_class() if entry.content_type else None
    if label == "programs.participation" and model is not None:
        row = model._default_manager.filter(pk=entry.object_id).values("program_id").first()
        return row["program_id"] if row else None
    return None


def event_for(entry: LogEntry) -> AuditEvent:
    ct = entry.content_type
    label = f"{ct.app_label}.{ct.model}" if ct else "unknown"
    code = CODES.get(entry.action_flag, "admin.changed")
    params: dict[str, object] = {"model": label, "object": entry.object_repr}
    if entry.get_change_message():
        # Kept as the admin wrote it: Django renders it in the reader's language.
        code, params["change"] = f"{code}.detail", {"change": entry.change_message}
    is_permission = _is_permission_change(label, entry)
    return event(
        action=Action.PERMISSION_CHANGE if is_permission else Action.ADMIN_ACTION,
        code=code,
        params=params,
        object_type=label,
        object_id=str(entry.object_id or ""),
        actor=entry.user,
        subject_id=int(str(entry.object_id)) if label == "accounts.user" else None,
        program_id=_program_id(label, entry),
    )


def entries_since(entry_id: int, user_id: int) -> Iterable[LogEntry]:
    return LogEntry.objects.filter(pk__gt=entry_id, user_id=user_id).select_related(
        "content_type", "user"
    )


def action_event(request: HttpRequest, model_label: str) -> AuditEvent | None:
    """The admin action (list drop-down) this POST ran, if it ran one."""
    name = request.POST.get("action")
    if not name:
        return None
    selected = request.POST.getlist("_selected_action")
    if not selected and request.POST.get("select_across") != "1":
        return None  # the admin refused: nothing was selected
    return event(
        action=Action.ADMIN_ACTION,
        code="admin.action.more" if len(selected) > 20 else "admin.action",
        params={
            "name": name,
            "count": len(selected),
            "model": model_label,
            "selected": ", ".join(selected[:20]),
        },
        object_type=model_label,
    )

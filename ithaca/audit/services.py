"""Writing to the audit log. Nothing here changes or removes an event once written.

What is recorded: reads of a coaching session note by anyone but its author and
of a sponsor report by the sponsor (coaching/access.py), a manager's read of an
intake shared with their program (intake/access.py), role and manager changes
(programs/services.py, privacy), every admin write and admin action
(middleware.py), and data exports and erasures (privacy). Journal entries are
not audited because nobody but their author can read one at all:
ithaca/mentoring/tests/test_privacy.py tries every page, the API and the admin
as the other side, a group member, a program manager, staff and a superuser.

Callers name the actor when they know it (an access helper knows its reader).
Otherwise the person behind the current request is the actor, and the system
(None) outside a request. The client's address always comes from the request
being served, read through the same trusted-proxy rule as login throttling.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import models
from django.http import HttpRequest

from ithaca.accounts.models import User
from ithaca.audit.models import Action, AuditEvent
from ithaca.audit.summaries import english
from ithaca.core.http import client_ip as _client_ip

_request: ContextVar[HttpRequest | None] = ContextVar("audit_request", default=None)
CONTEXT: Any = object()  # "take it from the request being served"


@contextmanager
def serving(request: HttpRequest) -> Iterator[None]:
    """Make `request` the source of the actor and address for events recorded inside."""
    token = _request.set(request)
    try:
        yield
    finally:
        _request.reset(token)


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return _client_ip(request) or None


def _context_actor() -> User | None:
    request = _request.get()
    user = getattr(request, "user", None) if request is not None else None
    return user if isinstance(user, User) else None


def label_of(target: models.Model) -> str:
    return target._meta.label_lower


def event(
    *,
    action: str,
    code: str,
    params: Mapping[str, Any] | None = None,
    target: models.Model | None = None,
    object_type: str = "",
    object_id: str | int = "",
    actor: User | None = CONTEXT,
    subject_id: int | None = None,
    program_id: int | None = None,
) -> AuditEvent:
    """An unsaved event; `target` fills in the object's type and id.

    What happened is `code` (one of `ithaca.audit.summaries.TEMPLATES`) with its
    `params`, shown in the reader's language; its English goes into `summary`.
    """
    if target is not None:
        object_type, object_id = label_of(target), target.pk
    values = dict(params or {})
    return AuditEvent(
        action=action,
        code=code,
        params=values,
        summary=english(code, values)[:500],
        object_type=object_type,
        object_id=str(object_id or ""),
        actor=_context_actor() if actor is CONTEXT else actor,
        subject_id=subject_id,
        program_id=program_id,
        ip=client_ip(_request.get()),
    )


def record(**fields: Any) -> AuditEvent:
    """Write one event (see `event` for the fields)."""
    entry = event(**fields)
    entry.save()
    return entry


def record_all(events: Iterable[AuditEvent]) -> int:
    """Write several events in one query."""
    batch = list(events)
    if batch:
        AuditEvent.objects.bulk_create(batch)
    return len(batch)


def confidential_read(
    *,
    reader: User,
    target: models.Model,
    code: str,
    params: Mapping[str, Any] | None = None,
    author_id: int | None,
    program_id: int | None,
    subject_id: int | None = None,
) -> AuditEvent | None:
    """An unsaved read event, or None when the reader wrote the record themselves.

    The subject (the person the record is about) is its author unless named.
    """
    if author_id is not None and author_id == reader.pk:
        return None
    return event(
        action=Action.READ_CONFIDENTIAL,
        code=code,
        params=params,
        target=target,
        actor=reader,
        subject_id=subject_id if subject_id is not None else author_id,
        program_id=program_id,
    )


def permission_changed(
    *,
    subject: User,
    code: str,
    params: Mapping[str, Any] | None = None,
    target: models.Model | None = None,
    program_id: int | None = None,
    actor: User | None = CONTEXT,
) -> AuditEvent:
    """Record a grant, removal or change of someone's role or rights."""
    return record(
        action=Action.PERMISSION_CHANGE,
        code=code,
        params=params,
        target=target if target is not None else subject,
        actor=actor,
        subject_id=subject.pk,
        program_id=program_id,
    )

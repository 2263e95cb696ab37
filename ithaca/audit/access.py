"""Who may read the audit log: staff all of it, program managers their programs' events."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from ithaca.accounts.models import User
from ithaca.audit.models import AuditEvent
from ithaca.core.errors import PermissionDenied


def visible_events(user: User) -> QuerySet[AuditEvent]:
    """Staff see every event; a program manager the events recorded against the programs
    they manage (reads of its records, changes to its roles). Everyone else: 403."""
    events = AuditEvent.objects.select_related("actor", "subject")
    if user.is_staff:
        return events
    # The reverse accessor of Program.managers: audit sits below programs, so it asks
    # through the user rather than importing the model.
    managed = user.managed_programs.values("pk")
    if not managed.exists():
        raise PermissionDenied(_("The audit log is for staff and program managers."))
    return events.filter(program_id__in=managed)

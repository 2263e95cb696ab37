"""The audit log in the admin: searchable and read-only."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from ithaca.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: no add, change or delete permission for anyone, superusers included."""

    list_display = [
        "created_at", "action", "what", "actor", "object_type", "object_id", "subject", "ip",
    ]  # fmt: skip
    list_filter = ["action", "object_type"]
    search_fields = [
        "summary", "object_type", "object_id", "actor__email", "actor__last_name",
        "subject__email", "subject__last_name",
    ]  # fmt: skip
    date_hierarchy = "created_at"
    list_select_related = ["actor", "subject"]
    readonly_fields = ["what", *(field.name for field in AuditEvent._meta.fields)]

    @admin.display(description=_("What happened"))
    def what(self, obj: AuditEvent) -> str:
        """The summary in the reader's language (the stored English for older events)."""
        return obj.shown_summary

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

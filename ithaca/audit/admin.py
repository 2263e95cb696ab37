"""The audit log in the admin: searchable and read-only."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from ithaca.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: no add, change or delete permission for anyone, superusers included."""

    list_display = ["created_at", "action", "actor", "object_type", "object_id", "subject", "ip"]
    list_filter = ["action", "object_type"]
    search_fields = [
        "summary", "object_type", "object_id", "actor__email", "actor__last_name",
        "subject__email", "subject__last_name",
    ]  # fmt: skip
    date_hierarchy = "created_at"
    list_select_related = ["actor", "subject"]
    readonly_fields = [field.name for field in AuditEvent._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

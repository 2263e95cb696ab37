"""SCIM clients in the admin: a token is made on creation and shown once."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from ithaca.scim.models import ScimClient, ScimGroup
from ithaca.scim.services import scim_client_revoke, scim_client_token_issue


@admin.register(ScimClient)
class ScimClientAdmin(admin.ModelAdmin):
    list_display = ["name", "token_prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["token_prefix", "created_at", "last_used_at", "revoked_at"]
    fields = ["name", *readonly_fields]
    actions = ["revoke", "rotate"]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        token = scim_client_token_issue(client=obj)
        self._show(request, obj, token)

    @staticmethod
    def _show(request: HttpRequest, client: ScimClient, token: str) -> None:
        messages.warning(
            request,
            gettext(
                "The bearer token of %(client)s is %(token)s . Copy it into the identity "
                "provider now: Ithaca keeps only its digest and cannot show it again."
            )
            % {"client": client.name, "token": token},
        )

    @admin.action(description=_("Revoke the token of the selected clients"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[ScimClient]) -> None:
        for client in queryset:
            scim_client_revoke(client=client)
        count = queryset.count()
        messages.success(
            request,
            ngettext("Revoked %(count)s token.", "Revoked %(count)s tokens.", count)
            % {"count": count},
        )

    @admin.action(description=_("Issue a new token (the old one stops working)"))
    def rotate(self, request: HttpRequest, queryset: QuerySet[ScimClient]) -> None:
        for client in queryset:
            self._show(request, client, scim_client_token_issue(client=client))


@admin.register(ScimGroup)
class ScimGroupAdmin(admin.ModelAdmin):
    list_display = ["display_name", "external_id", "department", "program", "client"]
    readonly_fields = ["display_name", "external_id", "department", "program", "client", "version"]
    exclude = ["document", "members"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

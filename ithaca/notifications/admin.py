from __future__ import annotations

import secrets
from typing import Any

from django import forms
from django.contrib import admin

from ithaca.core.errors import DomainError
from ithaca.notifications import webhooks
from ithaca.notifications.kinds import KINDS
from ithaca.notifications.models import Notification, WebhookDelivery, WebhookEndpoint


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """Delivery status for support: what was sent to whom and whether it failed."""

    list_display = ("kind", "recipient", "created_at", "read_at", "email", "attempts")
    list_filter = ("email", "category")
    search_fields = ("recipient__email", "kind")
    readonly_fields = [f.name for f in Notification._meta.fields]

    def has_add_permission(self, request: object) -> bool:
        return False


class WebhookEndpointForm(forms.ModelForm):
    """An https address on the public internet and known event kinds, or a clear error."""

    kinds = forms.MultipleChoiceField(
        choices=[(kind, kind) for kind in sorted(KINDS)], widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["name", "url", "kinds", "active"]

    def clean_url(self) -> str:
        try:
            return webhooks.check_url(self.cleaned_data["url"])
        except DomainError as error:
            raise forms.ValidationError(error.message) from None

    def clean_kinds(self) -> list[str]:
        try:
            return webhooks.check_kinds(list(self.cleaned_data["kinds"]))
        except DomainError as error:
            raise forms.ValidationError(error.message) from None


@admin.register(WebhookEndpoint)
class WebhookEndpointAdmin(admin.ModelAdmin):
    """Administrators register integrations; the secret is made here and shown to copy."""

    form = WebhookEndpointForm
    list_display = ("name", "url", "active", "created_at")
    readonly_fields = ("secret",)

    def save_model(self, request: Any, obj: WebhookEndpoint, form: Any, change: bool) -> None:
        if not obj.secret:
            obj.secret = secrets.token_hex(32)
        super().save_model(request, obj, form, change)


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    """The delivery log: status, attempts and errors of every webhook call."""

    list_display = (
        "event_key",
        "endpoint",
        "created_at",
        "attempts",
        "last_status",
        "delivered_at",
        "failed",
    )
    list_filter = ("failed", "endpoint")
    readonly_fields = [f.name for f in WebhookDelivery._meta.fields]

    def has_add_permission(self, request: object) -> bool:
        return False

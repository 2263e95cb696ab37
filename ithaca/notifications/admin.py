from django.contrib import admin

from ithaca.notifications.models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """Delivery status for support: what was sent to whom and whether it failed."""

    list_display = ("kind", "recipient", "created_at", "read_at", "email", "attempts")
    list_filter = ("email", "category")
    search_fields = ("recipient__email", "kind")
    readonly_fields = [f.name for f in Notification._meta.fields]

    def has_add_permission(self, request: object) -> bool:
        return False

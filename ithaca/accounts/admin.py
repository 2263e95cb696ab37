from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy, ngettext

from ithaca.accounts.models import CareerEntry, Department, PeopleImport, Profile, User
from ithaca.accounts.tasks import send_invitation_email
from ithaca.core.tasks import enqueue_on_commit


class ProfileInline(admin.StackedInline):
    model = Profile
    fk_name = "user"
    can_delete = False
    raw_id_fields = ["line_manager", "assessors"]


class CareerInline(admin.TabularInline):
    model = CareerEntry
    extra = 0


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_staff", "is_active"]
    search_fields = ["email", "first_name", "last_name"]
    inlines = [ProfileInline, CareerInline]
    actions = ["resend_invitation"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (gettext_lazy("Name"), {"fields": ("first_name", "last_name")}),
        (
            gettext_lazy("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups")},
        ),
        (gettext_lazy("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)

    @admin.action(description=gettext_lazy("Send an invitation e-mail (people without a password)"))
    def resend_invitation(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        count = 0
        for user in queryset:
            if not user.has_usable_password():
                enqueue_on_commit(
                    send_invitation_email, user_id=user.pk, invited_by_id=request.user.pk
                )
                count += 1
        queued = ngettext(
            "Queued %(count)s invitation.", "Queued %(count)s invitations.", count
        ) % {"count": count}
        self.message_user(request, queued, messages.SUCCESS)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        Profile.objects.get_or_create(user=obj)


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "parent"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ("name",)}


@admin.register(PeopleImport)
class PeopleImportAdmin(admin.ModelAdmin):
    """Metadata of people imports; the uploaded file itself stays out of the admin."""

    list_display = ["filename", "kind", "status", "total_rows", "created_by", "created_at"]
    list_filter = ["status", "kind"]
    readonly_fields = [
        "created_by", "filename", "kind", "step", "status", "total_rows", "processed_rows",
        "phase", "started_at", "finished_at",
    ]  # fmt: skip
    exclude = ["content", "report"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

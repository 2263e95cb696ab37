"""Admin pages show metadata only. The workspace's notes, journals, closing reflections and
event marks are deliberately not registered: no administrator reads them here."""

from django.contrib import admin

from ithaca.core.admin import ConstraintCheckedForm
from ithaca.mentoring.models import (
    MentoringEvent,
    MentoringGroup,
    MentoringRelationship,
    TrainingCompletion,
    TrainingModule,
)


@admin.register(MentoringRelationship)
class MentoringRelationshipAdmin(admin.ModelAdmin):
    """Metadata only: the workspace's notes and journals never appear in the admin."""

    list_display = ["mentor", "mentee", "program", "status", "started_at"]
    list_filter = ["program", "status"]
    search_fields = ["mentor__email", "mentee__email"]
    raw_id_fields = ["mentor", "mentee", "proposed_by", "group"]
    list_select_related = ["mentor", "mentee", "program"]
    # States move through the services only (acceptance, agreement, notices); the admin
    # showed a 500 when a proposal was set to Active here.
    readonly_fields = [
        "status", "helper_accepted_at", "seeker_accepted_at", "started_at", "ended_at"
    ]  # fmt: skip
    form = ConstraintCheckedForm


@admin.register(MentoringGroup)
class MentoringGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "mentor", "program", "created_at"]
    raw_id_fields = ["mentor"]
    list_select_related = ["mentor", "program"]


@admin.register(MentoringEvent)
class MentoringEventAdmin(admin.ModelAdmin):
    """Events and their sizes; who marked whom is never shown."""

    list_display = ["title", "kind", "program", "starts_at", "capacity"]
    list_filter = ["kind", "program"]
    raw_id_fields = ["created_by"]


@admin.register(TrainingModule)
class TrainingModuleAdmin(admin.ModelAdmin):
    list_display = ["position", "title", "pass_mark"]
    ordering = ["position"]


@admin.register(TrainingCompletion)
class TrainingCompletionAdmin(admin.ModelAdmin):
    list_display = ["user", "module", "completed_at"]
    list_filter = ["module"]
    raw_id_fields = ["user"]
    list_select_related = ["user", "module"]

from django.contrib import admin

from ithaca.mentoring.models import MentoringRelationship


@admin.register(MentoringRelationship)
class MentoringRelationshipAdmin(admin.ModelAdmin):
    """Metadata only: the workspace's notes and journals never appear in the admin."""

    list_display = ["mentor", "mentee", "program", "status", "started_at"]
    list_filter = ["program", "status"]
    search_fields = ["mentor__email", "mentee__email"]
    raw_id_fields = ["mentor", "mentee", "proposed_by"]
    list_select_related = ["mentor", "mentee", "program"]
    readonly_fields = ["helper_accepted_at", "seeker_accepted_at", "started_at", "ended_at"]

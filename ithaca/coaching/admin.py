from django.contrib import admin

from ithaca.coaching.models import CoachingEngagement


@admin.register(CoachingEngagement)
class CoachingEngagementAdmin(admin.ModelAdmin):
    """Metadata only: session notes never appear in the admin."""

    list_display = ["coach", "coachee", "sponsor", "program", "status", "started_at"]
    list_filter = ["program", "status"]
    search_fields = ["coach__email", "coachee__email"]
    raw_id_fields = ["coach", "coachee", "sponsor", "proposed_by"]
    list_select_related = ["coach", "coachee", "sponsor", "program"]
    readonly_fields = ["helper_accepted_at", "seeker_accepted_at", "started_at", "ended_at"]

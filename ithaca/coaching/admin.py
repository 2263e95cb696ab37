"""Admin: metadata only. Notes, agendas, agreement text, reports and reflections never
appear here; staff are not parties to anyone's coaching."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from ithaca.coaching.models import (
    AgreementVersion,
    CoachingEngagement,
    CoachingSession,
    Goal,
    SponsorReport,
)
from ithaca.core.admin import ConstraintCheckedForm


@admin.register(CoachingEngagement)
class CoachingEngagementAdmin(admin.ModelAdmin):
    """Metadata only: session notes never appear in the admin."""

    list_display = ["coach", "coachee", "sponsor", "program", "status", "started_at"]
    list_filter = ["program", "status"]
    search_fields = ["coach__email", "coachee__email"]
    raw_id_fields = ["coach", "coachee", "sponsor", "proposed_by"]
    list_select_related = ["coach", "coachee", "sponsor", "program"]
    # States move through the services only (acceptance, agreement, notices); the admin
    # showed a 500 when a proposal was set to Active here.
    readonly_fields = [
        "status", "helper_accepted_at", "seeker_accepted_at", "started_at", "ended_at"
    ]  # fmt: skip
    form = ConstraintCheckedForm


class ReadOnlyMetadata(admin.ModelAdmin):
    """Lists dates and states for support; nothing can be edited or read beyond them."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AgreementVersion)
class AgreementVersionAdmin(ReadOnlyMetadata):
    list_display = ["engagement", "number", "session_count", "sponsor_sees", "signed_at"]
    fields = ["engagement", "number", "session_count", "sponsor_sees", "created_at", "signed_at"]
    list_select_related = ["engagement__coach", "engagement__coachee"]


@admin.register(CoachingSession)
class CoachingSessionAdmin(ReadOnlyMetadata):
    list_display = ["engagement", "kind", "starts_at", "status", "late_cancellation"]
    fields = ["engagement", "kind", "starts_at", "ends_at", "status", "sequence", "cancelled_at"]
    list_filter = ["status", "kind"]
    list_select_related = ["engagement__coach", "engagement__coachee"]


@admin.register(Goal)
class GoalAdmin(ReadOnlyMetadata):
    list_display = ["engagement", "due_on", "created_at"]
    fields = ["engagement", "due_on", "created_at"]
    list_select_related = ["engagement__coach", "engagement__coachee"]


@admin.register(SponsorReport)
class SponsorReportAdmin(ReadOnlyMetadata):
    list_display = ["engagement", "status", "submitted_at", "approved_at"]
    fields = ["engagement", "status", "submitted_at", "approved_at"]
    list_select_related = ["engagement__coach", "engagement__coachee"]

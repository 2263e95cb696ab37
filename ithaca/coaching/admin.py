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
    SponsorInvitation,
    SponsorReport,
)


class ReadOnlyMetadata(admin.ModelAdmin):
    """Lists dates and states for support; nothing can be edited or read beyond them."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(CoachingEngagement)
class CoachingEngagementAdmin(ReadOnlyMetadata):
    """Read-only. Parties and states change only through the services, which write a
    new agreement version for the new parties and tell everyone
    (coaching/services/parties.py, the lifecycle services); a party or status edited
    here would let a new sponsor read what was agreed with the previous one."""

    list_display = ["coach", "coachee", "sponsor", "program", "status", "started_at"]
    list_filter = ["program", "status"]
    search_fields = ["coach__email", "coachee__email"]
    list_select_related = ["coach", "coachee", "sponsor", "program"]
    fields = [
        "program",
        "coach",
        "coachee",
        "sponsor",
        "status",
        "status_reason",
        "proposed_by",
        "helper_accepted_at",
        "seeker_accepted_at",
        "started_at",
        "ended_at",
        "session_count",
        "session_cadence_days",
        "starts_on",
        "ends_on",
    ]


@admin.register(SponsorInvitation)
class SponsorInvitationAdmin(ReadOnlyMetadata):
    list_display = ["engagement", "sponsor", "status", "created_at", "decided_at"]
    fields = ["engagement", "sponsor", "invited_by", "status", "created_at", "decided_at"]
    list_filter = ["status"]
    list_select_related = ["engagement__coach", "engagement__coachee", "sponsor"]


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

"""Admin pages for matching: settings, rounds and fit checks, metadata only."""

from django.contrib import admin

from ithaca.matching.models import FitCheck, MatchingConfig, MatchingRound


@admin.register(MatchingConfig)
class MatchingConfigAdmin(admin.ModelAdmin):
    list_display = ["program", "top_k", "max_open_requests", "updated_at"]
    list_select_related = ["program"]


@admin.register(MatchingRound)
class MatchingRoundAdmin(admin.ModelAdmin):
    list_display = ["pk", "program", "objective", "status", "created_by", "created_at"]
    list_filter = ["status", "objective", "program"]
    list_select_related = ["program", "created_by"]
    readonly_fields = ["summary", "error", "started_at", "finished_at", "published_at"]
    raw_id_fields = ["created_by", "published_by"]


@admin.register(FitCheck)
class FitCheckAdmin(admin.ModelAdmin):
    """Who asked for a re-match and when; the reason is for the program's managers."""

    list_display = ["program", "kind", "relationship_id", "requested_by", "created_at"]
    list_filter = ["program", "kind"]
    list_select_related = ["program", "requested_by"]
    raw_id_fields = ["seeker", "helper", "requested_by"]
    exclude = ["reason"]

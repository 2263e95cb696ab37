"""Admin pages show metadata only: never survey answers, comments, ratings or notice text."""

from __future__ import annotations

from django.contrib import admin

from ithaca.analytics.models import (
    ProgramSurveySettings,
    Report,
    SurveyInvitation,
)


@admin.register(ProgramSurveySettings)
class ProgramSurveySettingsAdmin(admin.ModelAdmin):
    list_display = ["program", "pulse_enabled", "first_after_days", "every_days", "rate_meetings"]


@admin.register(SurveyInvitation)
class SurveyInvitationAdmin(admin.ModelAdmin):
    list_display = ["pk", "program", "kind", "sequence", "due_at", "sent_at", "answered_at"]
    list_filter = ["kind", "program"]
    fields = ("program", "kind", "relationship_id", "sequence", "due_at", "sent_at", "answered_at")
    readonly_fields = fields


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["pk", "program", "start", "end", "status", "created_by", "created_at"]
    list_filter = ["status"]
    fields = ("program", "start", "end", "status", "created_by", "error", "finished_at")
    readonly_fields = fields

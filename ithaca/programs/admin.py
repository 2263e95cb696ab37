from django.contrib import admin

from ithaca.programs.models import PairExclusion, Participation, PersonBlock, Program


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    raw_id_fields = ["user"]
    fields = ["user", "role", "state", "capacity", "training_completed_at", "coach_type"]


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "mode", "enrolment_open", "requires_training", "requires_mfa"]
    list_filter = ["kind", "mode", "enrolment_open", "requires_mfa"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ["managers"]


@admin.register(Participation)
class ParticipationAdmin(admin.ModelAdmin):
    list_display = ["user", "program", "role", "state", "capacity"]
    list_filter = ["program", "role", "state"]
    search_fields = ["user__email", "user__first_name", "user__last_name"]
    raw_id_fields = ["user"]
    list_select_related = ["user", "program"]


@admin.register(PersonBlock)
class PersonBlockAdmin(admin.ModelAdmin):
    list_display = ["person", "other", "kind", "created_at"]
    list_filter = ["kind"]
    raw_id_fields = ["person", "other"]
    search_fields = ["person__email", "other__email"]


@admin.register(PairExclusion)
class PairExclusionAdmin(admin.ModelAdmin):
    list_display = ["program", "helper", "seeker", "reason", "created_at"]
    list_filter = ["program", "reason"]
    raw_id_fields = ["helper", "seeker", "requested_by"]

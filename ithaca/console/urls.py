from django.urls import path

from ithaca.console.views import people, programs

app_name = "console"
urlpatterns = [
    path("", programs.console_home, name="home"),
    path("programs/new/", programs.program_new, name="program-new"),
    path("programs/<slug:slug>/", programs.program_overview, name="program"),
    path("programs/<slug:slug>/lists/<slug:name>/", programs.program_list, name="program-list"),
    path("programs/<slug:slug>/edit/", programs.program_edit, name="program-edit"),
    path("programs/<slug:slug>/enrolment/", programs.program_enrolment, name="enrolment"),
    path("programs/<slug:slug>/invite/", programs.program_invite_view, name="invite"),
    path(
        "programs/<slug:slug>/applications/<int:pk>/<slug:decision>/",
        programs.application_decide,
        name="decide",
    ),
    path(
        "programs/<slug:slug>/proposals/<int:pk>/<slug:action>/",
        programs.proposal_action,
        name="proposal",
    ),
    path(
        "programs/<slug:slug>/independence/<int:pk>/keep/",
        programs.independence_keep,
        name="independence-keep",
    ),
    path("people/import/", people.people_import, name="import-new"),
    path("people/import/<int:pk>/", people.people_import_detail, name="import"),
    path("people/import/<int:pk>/run/", people.people_import_run_view, name="import-run"),
    path("exports/<slug:kind>.csv", people.export_csv, name="export"),
]

from django.urls import path

from ithaca.analytics.views import dashboard, reports, surveys

app_name = "analytics"

urlpatterns = [
    path("", dashboard.home, name="home"),
    path("recalculate/", dashboard.recalculate, name="recalculate"),
    path("figures/<slug:key>/", dashboard.figure, name="figure"),
    path("programs/<slug:slug>/", dashboard.program_dashboard, name="program"),
    path("programs/<slug:slug>/recalculate/", dashboard.recalculate, name="program_recalculate"),
    path("programs/<slug:slug>/figures/<slug:key>/", dashboard.figure, name="program_figure"),
    path("programs/<slug:slug>/surveys/", surveys.survey_settings, name="survey_settings"),
    path("surveys/", surveys.surveys, name="surveys"),
    path("surveys/<int:pk>/", surveys.survey, name="survey"),
    path("ratings/<int:pk>/", surveys.rate, name="rate"),
    path("notifications/", surveys.notifications, name="notifications"),
    path("reports/", reports.reports, name="reports"),
    path("reports/<int:pk>/", reports.report, name="report"),
    path("reports/<int:pk>/report.<str:fmt>", reports.download, name="report_download"),
]

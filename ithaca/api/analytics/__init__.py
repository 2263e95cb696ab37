"""API endpoints for analytics under /api/v1/analytics/; `urlpatterns` is included by
ithaca/api/urls.py."""

from __future__ import annotations

from django.urls import URLPattern, path

from ithaca.api.analytics import views

A = "analytics/"

urlpatterns: list[URLPattern] = [
    path(f"{A}figures/", views.OrganizationFiguresView.as_view(), name="api-analytics-figures"),
    path(
        f"{A}programs/<slug:slug>/figures/",
        views.ProgramFiguresView.as_view(),
        name="api-analytics-program-figures",
    ),
    path(
        f"{A}programs/<slug:slug>/survey-results/",
        views.ProgramSurveyResultsView.as_view(),
        name="api-analytics-survey-results",
    ),
    path(f"{A}surveys/", views.MySurveyListView.as_view(), name="api-analytics-surveys"),
    path(
        f"{A}surveys/<int:pk>/answer/",
        views.SurveyAnswerView.as_view(),
        name="api-analytics-survey-answer",
    ),
    path(f"{A}ratings/", views.MyRatingListView.as_view(), name="api-analytics-ratings"),
    path(f"{A}ratings/<int:pk>/", views.RateView.as_view(), name="api-analytics-rate"),
    path(f"{A}reports/", views.ReportListCreateView.as_view(), name="api-analytics-reports"),
    path(f"{A}reports/<int:pk>/", views.ReportDetailView.as_view(), name="api-analytics-report"),
    path(
        f"{A}reports/<int:pk>/download/",
        views.ReportDownloadView.as_view(),
        name="api-analytics-report-download",
    ),
]

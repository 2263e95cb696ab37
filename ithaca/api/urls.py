from django.urls import path

from ithaca.api import (
    analytics,
    audit,
    coaching,
    console,
    intake,
    matching,
    mentoring,
    messaging,
    notifications,
    people,
    schema,
    views,
)

urlpatterns = [
    path("schema/", schema.schema, name="api-schema"),
    path("docs/", schema.docs, name="api-docs"),
    path("auth/token/", views.TokenView.as_view(), name="api-token"),
    path("auth/tokens/", views.TokenListView.as_view(), name="api-tokens"),
    path("auth/tokens/<int:pk>/", views.TokenRevokeView.as_view(), name="api-token-revoke"),
    path("me/", views.MeView.as_view(), name="api-me"),
    path("programs/", views.ProgramListView.as_view(), name="api-programs"),
    path("programs/<slug:slug>/", views.ProgramDetailView.as_view(), name="api-program"),
    path("relationships/", views.RelationshipListView.as_view(), name="api-relationships"),
    path(
        "relationships/<int:pk>/", views.RelationshipDetailView.as_view(), name="api-relationship"
    ),
    path(
        "relationships/<int:pk>/<slug:action>/",
        views.RelationshipActionView.as_view(),
        name="api-relationship-action",
    ),
    path("engagements/", views.EngagementListView.as_view(), name="api-engagements"),
    path("engagements/<int:pk>/", views.EngagementDetailView.as_view(), name="api-engagement"),
    path(
        "engagements/<int:pk>/<slug:action>/",
        views.EngagementActionView.as_view(),
        name="api-engagement-action",
    ),
    path("intake/triage/", intake.TriageView.as_view(), name="api-triage"),
    path("intakes/", intake.IntakeListView.as_view(), name="api-intakes"),
    path("intakes/<int:pk>/", intake.IntakeDetailView.as_view(), name="api-intake"),
    path("referrals/", intake.ReferralListView.as_view(), name="api-referrals"),
    path(
        "referrals/<int:pk>/<slug:answer>/",
        intake.ReferralAnswerView.as_view(),
        name="api-referral-answer",
    ),
]

# Each area keeps its endpoints in its own module.
urlpatterns += (
    mentoring.urlpatterns
    + coaching.urlpatterns
    + matching.urlpatterns
    + console.urlpatterns
    + analytics.urlpatterns
    + audit.urlpatterns
    + notifications.urlpatterns
    + messaging.urlpatterns
    + people.urlpatterns
)

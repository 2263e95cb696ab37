"""API endpoints for matching under /api/v1/matching/; `urlpatterns` is included by
ithaca/api/urls.py. Acceptances use the existing /relationships/{id}/accept/ and
/engagements/{id}/accept/ endpoints: matching only ever proposes."""

from __future__ import annotations

from django.urls import URLPattern, path

from ithaca.api.matching import people, rounds

P = "matching/programs/<slug:slug>/"
R = "matching/rounds/<int:pk>/"
K = "matching/proposals/<slug:kind>/<int:pk>/"

urlpatterns: list[URLPattern] = [
    path(f"{P}candidates/", people.CandidatesView.as_view(), name="api-matching-candidates"),
    path(f"{P}requests/", people.RequestsView.as_view(), name="api-matching-requests"),
    path(f"{P}offers/", people.OffersView.as_view(), name="api-matching-offers"),
    path(f"{P}rounds/", rounds.RoundsView.as_view(), name="api-matching-rounds"),
    path(R, rounds.RoundView.as_view(), name="api-matching-round"),
    path(f"{R}pairs/", rounds.RoundPairsView.as_view(), name="api-matching-round-pairs"),
    path(
        f"{R}pairs/<int:pair_pk>/",
        rounds.RoundPairView.as_view(),
        name="api-matching-round-pair",
    ),
    path(
        f"{R}unmatched/", rounds.RoundUnmatchedView.as_view(), name="api-matching-round-unmatched"
    ),
    path(f"{R}cancel/", rounds.RoundCancelView.as_view(), name="api-matching-round-cancel"),
    path(f"{R}publish/", rounds.RoundPublishView.as_view(), name="api-matching-round-publish"),
    path(f"{K}explanation/", people.ExplanationView.as_view(), name="api-matching-explanation"),
    path(f"{K}fit-check/", people.FitCheckView.as_view(), name="api-matching-fit-check"),
]

from django.urls import path

from ithaca.matching.views import manager, people

app_name = "matching"
urlpatterns = [
    path("", people.matching_home, name="home"),
    path("proposals/<slug:kind>/<int:pk>/", people.proposal, name="proposal"),
    path("proposals/<slug:kind>/<int:pk>/fit-check/", people.fit_check, name="fit-check"),
    path("<slug:slug>/", manager.program_matching, name="program"),
    path("<slug:slug>/settings/", manager.program_settings, name="settings"),
    path("<slug:slug>/profile/", people.match_profile, name="profile"),
    path("<slug:slug>/candidates/", people.candidates, name="candidates"),
    path("<slug:slug>/candidates/request/", people.request_helper, name="request"),
    path("<slug:slug>/offers/", people.offers, name="offers"),
    path("<slug:slug>/offers/offer/", people.offer, name="offer"),
    path("<slug:slug>/rounds/", manager.round_new, name="round-new"),
    path("<slug:slug>/rounds/<int:pk>/", manager.round_detail, name="round"),
    path("<slug:slug>/rounds/<int:pk>/cancel/", manager.round_stop, name="round-cancel"),
    path("<slug:slug>/rounds/<int:pk>/publish/", manager.publish, name="round-publish"),
    path("<slug:slug>/rounds/<int:pk>/pairs/", manager.pair_add, name="pair-add"),
    path(
        "<slug:slug>/rounds/<int:pk>/pairs/<int:pair_pk>/remove/",
        manager.pair_remove,
        name="pair-remove",
    ),
]

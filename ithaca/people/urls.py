from django.urls import path

from ithaca.people import views, welcome

app_name = "people"
urlpatterns = [
    path("me/profile/", views.my_profile, name="profile"),
    path("me/profile/basics/", views.save_basics, name="basics"),
    path("me/profile/about/", views.save_about, name="about"),
    path("me/profile/photo/", views.save_photo, name="photo-save"),
    path("me/profile/photo/remove/", views.remove_photo, name="photo-remove"),
    path("me/profile/career/", views.career_add, name="career-add"),
    path("me/profile/career/<int:pk>/", views.career_edit, name="career-edit"),
    path("me/profile/career/<int:pk>/delete/", views.career_delete, name="career-delete"),
    path(
        "me/profile/career/<int:pk>/move/<slug:direction>/",
        views.career_move,
        name="career-move",
    ),
    path(
        "me/profile/availability/<slug:slug>/",
        views.save_availability,
        name="availability",
    ),
    path("me/card/", views.profile_card_redirect, name="my-card"),
    path("me/welcome/", welcome.welcome, name="welcome"),
    path("me/welcome/skip/", welcome.welcome_skip, name="welcome-skip"),
    path("people/<int:pk>/", views.card, name="card"),
    path("people/<int:pk>/photo/", views.photo, name="photo"),
    # Beside the program pages; config/urls.py includes these before ithaca.programs.urls.
    path("programs/<slug:slug>/people/", views.directory, name="directory"),
]

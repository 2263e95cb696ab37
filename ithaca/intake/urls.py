from django.urls import path

from ithaca.intake import views

app_name = "intake"
urlpatterns = [
    path("", views.intake_list, name="list"),
    path("new/", views.intake_new, name="new"),
    path("<int:pk>/", views.intake_detail, name="detail"),
    path("<int:pk>/apply/", views.intake_apply, name="apply"),
    path("<int:pk>/delete/", views.intake_delete, name="delete"),
    path("referrals/", views.referrals, name="referrals"),
    path("referrals/<int:pk>/<slug:answer>/", views.referral_respond, name="referral-respond"),
]

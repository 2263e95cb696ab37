from django.urls import path

from ithaca.mentoring import views

app_name = "mentoring"
urlpatterns = [
    path("<int:pk>/", views.relationship_detail, name="detail"),
    path("<int:pk>/<slug:action>/", views.relationship_action, name="action"),
]

from django.urls import path

from ithaca.coaching import views

app_name = "coaching"
urlpatterns = [
    path("<int:pk>/", views.engagement_detail, name="detail"),
    path("<int:pk>/<slug:action>/", views.engagement_action, name="action"),
]

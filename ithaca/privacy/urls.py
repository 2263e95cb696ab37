from django.urls import path

from ithaca.privacy import views

app_name = "privacy"
urlpatterns = [
    path("", views.privacy, name="home"),
    path("my-data.json", views.export, name="export"),
]

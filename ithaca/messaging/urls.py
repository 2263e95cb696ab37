from django.urls import path

from ithaca.messaging import views

app_name = "messaging"

urlpatterns = [
    path("", views.conversations, name="list"),
    path("<slug:kind>/<int:pk>/", views.thread, name="thread"),
]

from django.urls import path

from ithaca.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("bell/", views.bell, name="bell"),
    path("read-all/", views.read_all, name="read_all"),
    path("settings/", views.settings_, name="settings"),
    path("<int:pk>/read/", views.read, name="read"),
    path("<int:pk>/open/", views.open_, name="open"),
]

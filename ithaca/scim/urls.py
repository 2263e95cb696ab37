from django.urls import re_path

from ithaca.scim import views

app_name = "scim"
urlpatterns = [
    re_path(r"^v2/?(?P<path>.*)$", views.endpoint, name="endpoint"),
]

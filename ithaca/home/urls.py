from django.urls import path

from ithaca.home import views

urlpatterns = [path("", views.home, name="home")]

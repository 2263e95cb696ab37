from django.urls import path

from ithaca.home import calendar, views

urlpatterns = [
    path("", views.home, name="home"),
    path("calendar/", calendar.calendar_page, name="calendar"),
    path("calendar/<str:token>.ics", calendar.calendar_feed, name="calendar_feed"),
]

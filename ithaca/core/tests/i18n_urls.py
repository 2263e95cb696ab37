"""A URLconf with language prefixes, for the locale middleware's tests."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import path

urlpatterns = i18n_patterns(path("page/", lambda request: HttpResponse(), name="page"))

"""The public guide lives at /guide/, outside /analytics/ (which needs a sign-in)."""

from django.urls import path

from ithaca.analytics.views.guide import guide

urlpatterns = [path("", guide, name="guide")]

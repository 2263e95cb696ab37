"""API endpoints for matching; `urlpatterns` is included by ithaca/api/urls.py."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []

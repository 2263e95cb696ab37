"""Pagination shared by list pages."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def paginate(request: HttpRequest, items: Any, per_page: int = 25) -> Page:
    """Return the requested page, falling back to the nearest valid one."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))

"""Pagination shared by list pages."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def paginate(
    request: HttpRequest, items: Any, per_page: int = 25, count: int | None = None
) -> Page:
    """Return the requested page, falling back to the nearest valid one.

    `count`, when the caller already knows how many items there are, spares
    the COUNT query (a whole program's participants: 5 to 13 ms in PostgreSQL).
    """
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count  # the cached property, filled in advance
    return paginator.get_page(request.GET.get("page"))

from __future__ import annotations

from typing import Any

from django.core.paginator import Page
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request


class Pagination(PageNumberPagination):
    """Page-number pagination; clients may ask for up to 200 items a page."""

    page_size_query_param = "page_size"
    max_page_size = 200


class FirstPagePagination(Pagination):
    """The same pages and links, but the first page is read first: when it is not full it
    is the whole list, its length is the count, and the COUNT query is not made. Most
    people's own lists fit on one page."""

    def wants_first_page(self, request: Request) -> bool:
        """The first page at the default size (what a client asks without parameters)."""
        page = request.query_params.get(self.page_query_param) or "1"
        return page == "1" and self.get_page_size(request) == self.page_size

    def paginate_queryset(
        self, queryset: Any, request: Request, view: Any = None
    ) -> list[Any] | None:
        page_size = self.get_page_size(request)
        if not page_size or (request.query_params.get(self.page_query_param) or "1") != "1":
            return super().paginate_queryset(queryset, request, view)
        return self.first_page(list(queryset[:page_size]), queryset, request)

    def first_page(self, rows: list[Any], queryset: Any, request: Request) -> list[Any]:
        """Page 1 holding `rows`; `queryset` (built lazily when a callable) is counted
        only when the page is full."""
        self.request = request
        page_size = self.get_page_size(request) or len(rows)
        if len(rows) < page_size:
            paginator = self.django_paginator_class(rows, page_size)
            paginator.count = len(rows)  # a cached property: this is its value
        else:
            full = queryset() if callable(queryset) else queryset
            paginator = self.django_paginator_class(full, page_size)
        self.page = Page(rows, 1, paginator)
        if paginator.num_pages > 1 and self.template is not None:
            self.display_page_controls = True
        return rows

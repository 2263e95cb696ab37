"""The OpenAPI schema and its Swagger UI, with drf-spectacular imported on first use.

drf-spectacular's views pull in its whole schema generator; importing them when
the URL configuration loads cost every process (every gunicorn worker, every
management command that checks URLs) a second of start-up for two pages that
few people open. These wrappers build the real views on their first request.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

View = Callable[..., HttpResponse]


@cache
def _schema_view() -> View:
    from drf_spectacular.views import SpectacularAPIView

    return SpectacularAPIView.as_view()


@cache
def _docs_view() -> View:
    from drf_spectacular.views import SpectacularSwaggerSplitView

    # The split view serves its start-up script as a file, so the page needs no inline script.
    return SpectacularSwaggerSplitView.as_view(url_name="api-schema")


@csrf_exempt
def schema(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    return _schema_view()(request, *args, **kwargs)


@csrf_exempt
def docs(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    return _docs_view()(request, *args, **kwargs)

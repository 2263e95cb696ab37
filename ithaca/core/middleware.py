"""Answer 503 (try again) while the database cannot be reached, not a 500."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext_lazy

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = "5"
MESSAGE = gettext_lazy(
    "Ithaca cannot reach its database just now. Nothing was saved; please try again shortly."
)


class DatabaseUnavailableMiddleware:
    """A lost connection (database restart, failover) is temporary: say so."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.warning("Database unavailable for %s: %s", request.path, exception)
        if request.path.startswith("/api/"):
            body = {
                "error": {"status": 503, "code": "database_unavailable", "message": str(MESSAGE)}
            }
            response: HttpResponse = JsonResponse(body, status=503)
        else:
            response = HttpResponse(
                str(MESSAGE), status=503, content_type="text/plain; charset=utf-8"
            )
        response["Retry-After"] = RETRY_AFTER_SECONDS
        return response

"""Site-wide views that belong to no domain area."""

from __future__ import annotations

from django.db import connection
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    JsonResponse,
)
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.defaults import page_not_found
from django.views.defaults import server_error as django_server_error


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and database check for load balancers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any database failure means "not healthy"
        return JsonResponse({"status": "error", "database": str(exc)}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def _wants_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """404 for every unrouted path: the API's JSON error shape under /api/, a page elsewhere."""
    if _wants_json(request):
        body = {"error": {"status": 404, "code": "not_found", "message": _("Not found.")}}
        return JsonResponse(body, status=404)
    return page_not_found(request, exception or Http404())


def server_error(request: HttpRequest) -> HttpResponse:
    """500 in the API's error shape under /api/, the plain error page elsewhere."""
    if _wants_json(request):
        message = _("Something went wrong on our side; nothing you sent was lost.")
        body = {"error": {"status": 500, "code": "server_error", "message": message}}
        return JsonResponse(body, status=500)
    return django_server_error(request)


def favicon(request: HttpRequest) -> HttpResponse:
    """Pages that name no icon (the admin's, a browser's first guess) still get Ithaca's."""
    return HttpResponsePermanentRedirect(static("img/ithaca.svg"))

"""Makes the request being served available to audit writes, and records admin writes."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from ithaca.audit import admin_log
from ithaca.audit.services import record_all, serving


class AuditMiddleware:
    """Every request: services recording an event find its actor and address here.

    A staff member's POST to the admin: after the view, each LogEntry it wrote
    becomes an audit event, and so does the admin action it ran (when the action
    went ahead, which the admin answers with a redirect).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self._admin_prefix: str | None = None

    def admin_prefix(self) -> str:
        if self._admin_prefix is None:
            self._admin_prefix = reverse("admin:index")
        return self._admin_prefix

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with serving(request):
            if not self._is_admin_write(request):
                return self.get_response(request)
            before = admin_log.last_entry_id()
            response = self.get_response(request)
            self._record_admin(request, before, response)
            return response

    def _is_admin_write(self, request: HttpRequest) -> bool:
        user = getattr(request, "user", None)
        return (
            request.method == "POST"
            and request.path.startswith(self.admin_prefix())
            and bool(getattr(user, "is_staff", False))
        )

    def _record_admin(self, request: HttpRequest, before: int, response: HttpResponse) -> None:
        if response.status_code >= 400:
            return
        user_id = getattr(request.user, "pk", None)
        if user_id is None:
            return
        events = [admin_log.event_for(e) for e in admin_log.entries_since(before, user_id)]
        if 300 <= response.status_code < 400:
            action = admin_log.action_event(request, self._model_label(request))
            if action is not None:
                events.append(action)
        record_all(events)

    def _model_label(self, request: HttpRequest) -> str:
        parts = request.path[len(self.admin_prefix()) :].strip("/").split("/")
        return ".".join(parts[:2]) if len(parts) >= 2 else "admin"

"""Security headers that Django does not send itself.

Django's SecurityMiddleware already sends X-Content-Type-Options, Referrer-Policy,
Cross-Origin-Opener-Policy and (over HTTPS) Strict-Transport-Security, and
XFrameOptionsMiddleware sends X-Frame-Options. This adds Content-Security-Policy and
Permissions-Policy.

The policy allows only our own origin's scripts, styles and images. htmx needs no
more: its configuration is a meta tag, its request headers an `hx-headers`
attribute, and its indicator stylesheet is switched off in that meta tag (it would
be an inline <style>). A view named in ITHACA_CSP_RELAXED_VIEWS has some directives
replaced, explicitly and for that view only (Swagger UI's inline styles).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from django.conf import settings
from django.http import HttpRequest, HttpResponse


def build_policy(directives: Mapping[str, str], overrides: Mapping[str, str] | None = None) -> str:
    """`{"default-src": "'self'"}` -> "default-src 'self'"; overrides replace directives."""
    merged = {**directives, **(overrides or {})}
    return "; ".join(f"{name} {value}".strip() for name, value in merged.items())


def policy_for(view_name: str | None) -> str:
    overrides = settings.ITHACA_CSP_RELAXED_VIEWS.get(view_name or "")
    return build_policy(settings.ITHACA_CONTENT_SECURITY_POLICY, overrides)


class SecurityHeadersMiddleware:
    """Adds Content-Security-Policy and Permissions-Policy unless the view set its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        response.headers.setdefault(
            "Content-Security-Policy", policy_for(match.view_name if match else None)
        )
        response.headers.setdefault("Permissions-Policy", settings.ITHACA_PERMISSIONS_POLICY)
        return response

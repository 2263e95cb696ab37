"""Small pieces the analytics views share."""

from __future__ import annotations

from django.http import HttpRequest


def is_htmx(request: HttpRequest) -> bool:
    """True for a request made by htmx (django-htmx sets `request.htmx`): render the partial."""
    return bool(getattr(request, "htmx", False))

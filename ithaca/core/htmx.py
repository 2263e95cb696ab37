"""What an htmx request asks for.

django-htmx's middleware sets `request.htmx`; views ask here rather than
reading its headers themselves, so "is this htmx" and "which element is it
swapping" are answered the same way everywhere.
"""

from __future__ import annotations

from django.http import HttpRequest


def is_htmx(request: HttpRequest) -> bool:
    """True for a request made by htmx: the view answers with a partial."""
    return bool(getattr(request, "htmx", False))


def swaps(request: HttpRequest, element_id: str) -> bool:
    """True when htmx will swap the element with this id (its `HX-Target`).

    A plain request carrying the header alone is not an htmx swap.
    """
    return is_htmx(request) and request.headers.get("HX-Target") == element_id

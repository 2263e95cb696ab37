"""What every mentoring view shares: the person's time zone, sections, responses.

One view renders the whole workspace or, for htmx, just the section that
changed; every section also works without JavaScript (a redirect after a
successful POST, the whole page with the error and status 400 otherwise).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from ithaca.accounts.http import current_user
from ithaca.accounts.models import Profile, User
from ithaca.core.errors import DomainError, PermissionDenied
from ithaca.mentoring.workspace import Workspace

View = Callable[..., HttpResponse]


def user_zone(user: User) -> ZoneInfo:
    name = Profile.objects.filter(user=user).values_list("time_zone", flat=True).first()
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def in_user_zone(view: View) -> View:
    """Read and show times in the signed-in person's own time zone."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        with timezone.override(user_zone(current_user(request))):
            return view(request, *args, **kwargs)

    return wrapper


def page_of(request: HttpRequest, items: Any, param: str, per_page: int = 10) -> Page:
    return Paginator(items, per_page).get_page(request.GET.get(param))


def workspace_url(workspace: Workspace, section: str = "") -> str:
    pk = workspace.relationship.pk
    if section and section != "overview":
        return reverse("mentoring:section", args=[pk, section])
    return reverse("mentoring:detail", args=[pk])


def error_status(exc: DomainError) -> int:
    return 403 if isinstance(exc, PermissionDenied) else 400


def finish(request: HttpRequest, url: str, message: str) -> HttpResponse:
    """After a successful POST without htmx: a message and a redirect (no resubmission)."""
    messages.success(request, message)
    return redirect(url)

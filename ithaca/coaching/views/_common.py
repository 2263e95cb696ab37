"""Pieces every workspace view shares: the tabs, the person's time zone, rendering."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy, pgettext_lazy

from ithaca.accounts.http import current_user
from ithaca.accounts.models import Profile, User
from ithaca.coaching import rules
from ithaca.coaching.access import access_engagement, engagement_role
from ithaca.coaching.models import CoachingEngagement
from ithaca.core.errors import DomainError, PermissionDenied

TABS = (
    ("overview", gettext_lazy("Overview"), "coaching:detail"),
    ("agreement", gettext_lazy("Agreement"), "coaching:agreement"),
    ("sessions", pgettext_lazy("coaching", "Sessions"), "coaching:sessions"),
    ("goals", gettext_lazy("Goals"), "coaching:goals"),
    ("actions", gettext_lazy("Actions"), "coaching:actions"),
    ("reports", gettext_lazy("Reports"), "coaching:reports"),
    ("evaluation", gettext_lazy("Close-out"), "coaching:evaluation"),
    ("messages", gettext_lazy("Messages"), "coaching:messages"),
)
TABS_BY_ROLE = {
    rules.COACH: {name for name, _, _ in TABS},
    rules.COACHEE: {name for name, _, _ in TABS},
    rules.SPONSOR: {"overview", "agreement", "sessions", "reports"},
    rules.MANAGER: {"overview"},
    rules.PENDING: {"overview", "agreement"},
}


def tabs_for(role: str) -> list[tuple[str, str | Promise, str]]:
    return [tab for tab in TABS if tab[0] in TABS_BY_ROLE.get(role, set())]


def zone_of(user: User) -> ZoneInfo:
    name = Profile.objects.filter(user=user).values_list("time_zone", flat=True).first()
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def workspace_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Sign-in required; times are read and shown in the person's own time zone."""

    @login_required
    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        with timezone.override(zone_of(current_user(request))):
            return view(request, *args, **kwargs)

    return wrapped


def open_engagement(request: HttpRequest, pk: int) -> tuple[User, CoachingEngagement, str]:
    """The person, the engagement if they may see it (else 404), and their role in it."""
    user = current_user(request)
    engagement = access_engagement(user, pk)
    return user, engagement, engagement_role(user, engagement)


def render_tab(
    request: HttpRequest,
    engagement: CoachingEngagement,
    role: str,
    tab: str,
    panel: str,
    context: dict[str, Any],
    status: int = 200,
) -> HttpResponse:
    """The whole workspace page, or only the tab bar and panel when htmx asks for them."""
    full = {
        "item": engagement,
        "role": role,
        "tab": tab,
        "tabs": tabs_for(role),
        "panel": panel,
        **context,
    }
    htmx = getattr(request, "htmx", None)
    partial = bool(htmx) and not htmx.history_restore_request  # type: ignore[union-attr]
    template = "coaching/_tab.html" if partial else "coaching/workspace.html"
    return render(request, template, full, status=status)


def attempt(form: Form, call: Callable[[], Any]) -> Any:
    """Run a service; a broken rule becomes an error on the form (on its field if it has one)."""
    try:
        return call()
    except PermissionDenied:
        raise  # a 403: the person may not do this at all
    except DomainError as exc:
        field = exc.field if exc.field in form.fields else None
        form.add_error(field, exc.message)
        return None


def done(request: HttpRequest, message: str, to: str, *args: Any) -> HttpResponse:
    messages.success(request, message)
    return redirect(to, *args)


def refused(request: HttpRequest, exc: DomainError, to: str, *args: Any) -> HttpResponse:
    messages.error(request, exc.message)
    return redirect(to, *args)

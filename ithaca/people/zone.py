"""Every page in the person's own time zone.

The zone is read from the profile once, when the person signs in, and kept
in their session, so a page costs no extra query; saving a new zone on the
profile page updates the session at once. The middleware activates it for
each request: templates then show times in that zone, and the `T` date
format prints its abbreviation (CET, IST, PDT).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from ithaca.accounts.models import Profile
from ithaca.accounts.zones import zone_or_utc

SESSION_KEY = "ithaca_time_zone"


def remember_zone(request: HttpRequest, name: str) -> None:
    request.session[SESSION_KEY] = name


def _zone_of(user_id: Any) -> str | None:
    return Profile.objects.filter(user_id=user_id).values_list("time_zone", flat=True).first()


@receiver(user_logged_in, dispatch_uid="ithaca.people.zone")
def _on_sign_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    # Session plumbing rather than domain flow: nothing but the session is written.
    if request is not None and hasattr(request, "session"):
        remember_zone(request, _zone_of(user.pk) or "UTC")


class TimeZoneMiddleware:
    """Activates the signed-in person's zone for the request (UTC when unknown)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        name = session.get(SESSION_KEY) if session is not None else None
        if name is None and session is not None and request.user.is_authenticated:
            # A session from before zones were remembered: read the zone once.
            name = _zone_of(request.user.pk) or "UTC"
            remember_zone(request, name)
        if name:
            timezone.activate(zone_or_utc(name))
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()

"""The personal calendar feed: `/calendar/` shows its secret address (https and
webcal://) and replaces it on request; `/calendar/<token>.ics` serves the person's
meetings, sessions and events to any calendar app, without signing in. The token is
the only key, so a replaced token answers 404."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ithaca.accounts.http import current_user
from ithaca.accounts.interface_language import in_language_of
from ithaca.coaching.calendar import feed_events as coaching_events
from ithaca.core.calendar import build_feed
from ithaca.mentoring.calendar import feed_events as mentoring_events
from ithaca.notifications.feeds import feed_owner, feed_regenerate, feed_token


@login_required
@require_http_methods(["GET", "POST"])
def calendar_page(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    if request.method == "POST":
        feed_regenerate(user=user)
        messages.success(
            request,
            _(
                "Your calendar has a new address. Subscribe to it again; the old one no "
                "longer works."
            ),
        )
        return redirect("calendar")
    https = settings.SITE_URL + reverse("calendar_feed", args=[feed_token(user)])
    webcal = "webcal://" + https.split("://", 1)[1]
    return render(request, "home/calendar.html", {"https": https, "webcal": webcal})


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    user = feed_owner(token)
    if user is None:
        raise Http404(_("This calendar address is not valid any more."))
    # A calendar app asks without the person's cookie or browser: their own language.
    with in_language_of(user):
        events = mentoring_events(user) + coaching_events(user)
    body = build_feed(name=f"{settings.SITE_NAME}: {user.display_name}", events=events)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response

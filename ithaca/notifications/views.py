"""The inbox, the bell in the header, and notification settings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from ithaca.accounts.http import current_user
from ithaca.core.errors import DomainError
from ithaca.core.pagination import paginate
from ithaca.notifications import selectors, services
from ithaca.notifications.access import access_notification
from ithaca.notifications.forms import PreferencesForm
from ithaca.notifications.kinds import LOCKED


@login_required
@require_http_methods(["GET"])
def inbox(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    page = paginate(request, selectors.inbox(user), per_page=20)
    return render(
        request,
        "notifications/inbox.html",
        {"page": page, "zone": services.zone_of(user), "unread": selectors.unread_count(user)},
    )


@login_required
@require_POST
def read(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    notification = services.notification_read(notification=access_notification(user, pk))
    if request.htmx:  # type: ignore[attr-defined]
        return render(
            request,
            "notifications/_item.html",
            {"item": notification, "zone": services.zone_of(user)},
        )
    return redirect("notifications:inbox")


@login_required
@require_POST
def read_all(request: HttpRequest) -> HttpResponse:
    count = services.notifications_read_all(user=current_user(request))
    messages.success(
        request,
        ngettext(
            "Marked %(count)d notification read.", "Marked %(count)d notifications read.", count
        )
        % {"count": count},
    )
    return redirect("notifications:inbox")


@login_required
@require_http_methods(["GET"])
def open_(request: HttpRequest, pk: int) -> HttpResponse:
    """Follow a notification's link: it is read once you open what it is about."""
    notification = services.notification_read(
        notification=access_notification(current_user(request), pk)
    )
    target = notification.url
    safe = target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts=None)
    return redirect(target if safe else "notifications:inbox")


@login_required
@require_http_methods(["GET", "POST"])
def bell(request: HttpRequest) -> HttpResponse:
    """The bell with its unread count, which htmx swaps in every minute. A POST names
    the page being shown (`at`), whose notifications are thereby read."""
    user = current_user(request)
    at = request.POST.get("at", "")[:300]
    if request.method == "POST":
        services.notifications_read_at(user=user, path=at)
    context = {"unread": selectors.unread_count(user), "at": at}
    return render(request, "notifications/_bell.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def settings_(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    current = services.preferences_of(user)
    form = PreferencesForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.preferences_set(user=user, modes=form.cleaned_data)
        except DomainError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("Your notification settings are saved."))
            return redirect("notifications:settings")
    return render(request, "notifications/settings.html", {"form": form, "locked": LOCKED})

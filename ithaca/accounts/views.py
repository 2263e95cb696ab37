"""Pages of your own account that allauth does not provide: your API tokens, and the
language switcher."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from ithaca.accounts import profiles
from ithaca.accounts.access import access_api_token
from ithaca.accounts.http import current_user
from ithaca.accounts.interface_language import remember_language, supported
from ithaca.accounts.tokens import api_token_revoke, api_tokens_for, token_lifetime


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    """Your API tokens, each with its state, and a button to revoke a live one."""
    rows = api_tokens_for(current_user(request))
    context = {"rows": rows, "lifetime_days": token_lifetime().days}
    return render(request, "accounts/tokens.html", context)


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    user = current_user(request)
    token = api_token_revoke(token=access_api_token(user, pk), by=user)
    messages.success(
        request,
        _("You revoked the token %(prefix)s…; it no longer works.") % {"prefix": token.prefix},
    )
    return redirect("accounts:tokens")


@require_POST
def language_switch(request: HttpRequest) -> HttpResponse:
    """The switcher on every page: Django's set_language (a cookie, for everyone),
    and for a signed-in person their profile too, so e-mails follow. An unknown
    language changes nothing and goes back to the page."""
    response = set_language(request)
    code = supported(request.POST.get("language"))
    if code and request.user.is_authenticated:
        profiles.profile_update(user=current_user(request), interface_language=code)
        remember_language(request, code)
    return response

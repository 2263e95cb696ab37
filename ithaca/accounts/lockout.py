"""One lockout for every way in with a password.

The sign-in page (also where single sign-on is on and a password is the
fallback) and the API's token exchange check a password through allauth's
adapter, so they consume the same `login_failed` counters
(ACCOUNT_RATE_LIMITS): per client address and per account. The counters live
in the shared cache, so every worker counts together; the client address comes
from `core.http.client_ip` (TRUSTED_PROXY_COUNT). A second factor typed into
the API counts against the same per-person key as allauth's own MFA stage.
"""

from __future__ import annotations

from allauth.account.adapter import get_adapter
from allauth.core import ratelimit
from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy

from ithaca.accounts.models import User

LOCKED = gettext_lazy("Too many failed sign-in attempts. Try again in a few minutes.")


class LockedOut(Exception):
    """Too many recent failures for this account or this address."""

    def __init__(self) -> None:
        super().__init__(str(LOCKED))


def account_key(email: str) -> str:
    """The per-account counter's key: the address alone, whatever Host the request named."""
    return email.strip().lower()


def password_check(request: HttpRequest, *, email: str, password: str) -> User | None:
    """The active person with this e-mail and password, or None; raises LockedOut.

    A failure counts against the address and the account; a success gives its
    own attempt back but does not wipe earlier failures (so a guesser cannot
    reset the count by signing in to an account of their own now and then).
    """
    try:
        user = get_adapter(request).authenticate(request, email=email, password=password)
    except forms.ValidationError:
        raise LockedOut() from None
    if not isinstance(user, User) or not user.is_active:
        return None
    return user


def second_factor_attempt(request: HttpRequest, user: User) -> None:
    """Count one typed second factor; raises LockedOut past the limit (as allauth's MFA stage)."""
    if not ratelimit.consume(request, action="login_failed", key=f"mfa-auth-user-{user.pk}"):
        raise LockedOut()


def second_factor_passed(request: HttpRequest, user: User) -> None:
    ratelimit.clear(request, action="login_failed", key=f"mfa-auth-user-{user.pk}")

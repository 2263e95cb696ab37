"""django-allauth hooks: open or invite-only sign-up, single sign-on, and a profile for
every account."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.http import HttpRequest

from ithaca.accounts.lockout import account_key
from ithaca.accounts.services import profile_ensure
from ithaca.core.http import client_ip


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request: HttpRequest) -> str:
        # The sign-in lockout counts per address by the same rule as the API's throttles.
        return client_ip(request)

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        # allauth prefixes the Host header's domain: every allowed host name would give
        # a guesser five more tries at one account. The account alone is the key.
        login = credentials.get("email", credentials.get("username", ""))
        return account_key(str(login))

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return bool(settings.ITHACA_SIGNUP_OPEN)

    def save_user(self, request: HttpRequest, user: Any, form: Any, commit: bool = True) -> Any:
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            profile_ensure(user=user)
        return user


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """Sign-in through the organization's identity provider (OIDC).

    The provider is the organization's own directory, so a person it vouches for
    gets an account on first sign-in even when open sign-up is off (SSO_SIGNUP
    turns that off), and every account made this way gets its profile.
    """

    def is_open_for_signup(self, request: HttpRequest, sociallogin: Any) -> bool:
        return bool(settings.ITHACA_SSO_SIGNUP)

    def save_user(self, request: HttpRequest, sociallogin: Any, form: Any = None) -> Any:
        user = super().save_user(request, sociallogin, form)
        profile_ensure(user=user)
        return user

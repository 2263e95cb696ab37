"""django-allauth hooks: who may sign up (SIGNUP_MODE), single sign-on, a profile for
every account, and the welcome wizard for people who have not finished it."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django import forms
from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from ithaca.accounts.interface_language import chosen_language
from ithaca.accounts.lockout import account_key
from ithaca.accounts.models import Profile, User
from ithaca.accounts.services import profile_ensure
from ithaca.core.http import client_ip


def signup_domain_allowed(email: str) -> bool:
    """In `domains` mode, only addresses at the listed domains may sign up."""
    if settings.ITHACA_SIGNUP_MODE != "domains":
        return True
    domain = email.rsplit("@", 1)[-1].strip().lower()
    return domain in settings.ITHACA_SIGNUP_DOMAINS


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
        return settings.ITHACA_SIGNUP_MODE != "closed"

    def clean_email(self, email: str) -> str:
        email = super().clean_email(email)
        if not signup_domain_allowed(email):
            listed = ", ".join(f"@{d}" for d in settings.ITHACA_SIGNUP_DOMAINS)
            raise forms.ValidationError(
                _(
                    "Sign-up is open to addresses ending in %(domains)s. "
                    "Use your work address, or ask for an invitation."
                )
                % {"domains": listed}
            )
        return email

    def save_user(self, request: HttpRequest, user: Any, form: Any, commit: bool = True) -> Any:
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            profile = profile_ensure(user=user)
            Profile.objects.filter(pk=profile.pk).update(welcome=Profile.Welcome.PENDING)
        return user

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        """allauth's mails (password reset, address confirmation, security notices) in the
        recipient's chosen language; without a choice, in the language of the request
        that sent them (the person's browser), else LANGUAGE_CODE."""
        user = context.get("user")
        if not isinstance(user, User):
            user = User.objects.filter(email__iexact=email).first()
        code = chosen_language(user.pk) if user is not None else ""
        with translation.override(code or translation.get_language() or settings.LANGUAGE_CODE):
            super().send_mail(template_prefix, email, context)

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """Someone invited (or newly signed up) who has not finished or skipped the welcome
        wizard goes there first; everyone else goes where they were going."""
        welcome = (
            Profile.objects.filter(user__pk=request.user.pk or 0)
            .values_list("welcome", flat=True)
            .first()
        )
        if welcome == Profile.Welcome.PENDING:
            return reverse("people:welcome")
        return super().get_login_redirect_url(request)


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
        profile = profile_ensure(user=user)
        Profile.objects.filter(pk=profile.pk).update(welcome=Profile.Welcome.PENDING)
        return user

"""allauth's social-account adapter, extended for SAML identity providers."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from ithaca.accounts.adapter import SocialAccountAdapter as AccountsSocialAccountAdapter
from ithaca.sso.envconfig import DEFAULT_ATTRIBUTE_MAPPING
from ithaca.sso.services import profile_apply_idp_attributes


def is_saml(sociallogin: Any) -> bool:
    return getattr(sociallogin.account, "provider", "") == "saml" or (
        getattr(getattr(sociallogin, "provider", None), "id", "") == "saml"
    )


class SocialAccountAdapter(AccountsSocialAccountAdapter):
    """OIDC as before; for SAML, just-in-time creation follows the IdP's `signup`
    setting (default SSO_SIGNUP) and the department and job title it sends are
    copied onto the profile at every sign-in."""

    def is_open_for_signup(self, request: HttpRequest, sociallogin: Any) -> bool:
        if is_saml(sociallogin):
            app_settings = sociallogin.provider.app.settings or {}
            return bool(app_settings.get("signup", settings.ITHACA_SSO_SIGNUP))
        return super().is_open_for_signup(request, sociallogin)

    def save_user(self, request: HttpRequest, sociallogin: Any, form: Any = None) -> Any:
        user = super().save_user(request, sociallogin, form)
        if is_saml(sociallogin):
            request.ithaca_sso_created = True  # type: ignore[attr-defined]
            self._apply_attributes(sociallogin, user)
        return user

    def pre_social_login(self, request: HttpRequest, sociallogin: Any) -> None:
        super().pre_social_login(request, sociallogin)
        if is_saml(sociallogin) and sociallogin.is_existing:
            self._apply_attributes(sociallogin, sociallogin.user)

    @staticmethod
    def _apply_attributes(sociallogin: Any, user: Any) -> None:
        configured = (sociallogin.provider.app.settings or {}).get("attribute_mapping") or {}
        mapping = {**DEFAULT_ATTRIBUTE_MAPPING, **configured}
        profile_apply_idp_attributes(
            user=user, attributes=sociallogin.account.extra_data or {}, mapping=mapping
        )

"""How the API knows who is calling, and the MFA rule that holds on every endpoint."""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from ithaca.accounts.interface_language import (
    activate_token_user_language,
    chosen_language_annotation,
)
from ithaca.accounts.mfa import (
    MESSAGE,
    credential_refused,
    lacks_required_mfa,
    mfa_status_annotations,
    remember_mfa_status,
)
from ithaca.accounts.models import User
from ithaca.accounts.tokens import api_token_authenticate, token_lookup
from ithaca.core.prepared import PreparedQuery

NEW_TOKEN_MESSAGE = gettext_lazy(
    "A program you manage or coach in asks for two-factor authentication, and this "
    "credential did not pass it: get a new token with your two-factor code "
    "(POST /api/v1/auth/token/), or sign in again with it."
)


# What every request asks of the person anyway (their language, the MFA rule's status)
# is read with their token: one query, its SQL prepared once per process.
TOKEN_LOOKUP = PreparedQuery(
    lambda key_hash: token_lookup(
        key_hash,
        interface_language=chosen_language_annotation("user_id"),
        **mfa_status_annotations("user_id"),
    ),
    key_hash=str,
)


class HashedTokenAuthentication(BaseAuthentication):
    """`Authorization: Token <key>`, checked against the stored hash of live tokens."""

    keyword = "Token"

    def authenticate(self, request: Request) -> tuple[User, Any] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(gettext("Give the token after the word Token."))
        try:
            key = parts[1].decode()
        except UnicodeError:
            raise exceptions.AuthenticationFailed(gettext("The token is not valid.")) from None
        token = api_token_authenticate(key, TOKEN_LOOKUP)
        if token is None:
            raise exceptions.AuthenticationFailed(
                gettext(
                    "The token is not valid: it is unknown, revoked or expired, or your "
                    "password or two-factor authentication changed since it was issued."
                )
            )
        # DRF authenticates inside the view, after the middleware: the person's
        # language is activated here, so the answer (and its errors) speak it.
        language, mfa_required, mfa_enabled = token.extras  # type: ignore[attr-defined]
        activate_token_user_language(request._request, token.user, language or "")
        remember_mfa_status(request._request, mfa_required, mfa_enabled)
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return self.keyword


class MfaSatisfied(BasePermission):
    """Someone a program requires MFA of reaches nothing beyond their own account
    unless this request's credential passed a second factor (a token issued with
    a code, or a session signed in or re-authenticated with one)."""

    message: str | Promise = MESSAGE  # translated when the refusal is written
    code = "mfa_required"

    def has_permission(self, request: Request, view: Any) -> bool:
        if not credential_refused(request):
            return True
        if not lacks_required_mfa(request):
            self.message = str(NEW_TOKEN_MESSAGE)
        return False

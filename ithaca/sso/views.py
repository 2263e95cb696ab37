"""The end of a SAML sign-in: allauth's flow, with a replay check, a clear refusal
page, and audit events.

allauth's ACS view stores the POSTed response and redirects here (so that the
session cookie, which is SameSite=Lax, comes back). This view replaces allauth's
`saml_finish_acs` at the same URL; the rest of the SAML URLs are allauth's.
"""

from __future__ import annotations

import binascii
import datetime as dt
import logging
from typing import Any

from allauth.account.internal.decorators import login_not_required
from allauth.core.internal import httpkit
from allauth.socialaccount.helpers import complete_social_login
from allauth.socialaccount.providers.base.constants import AuthProcess
from allauth.socialaccount.providers.saml.utils import (
    build_auth,
    decode_relay_state,
    get_app_or_404,
)
from allauth.socialaccount.sessions import LoginSession
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from lxml import etree
from onelogin.saml2.errors import OneLogin_Saml2_Error, OneLogin_Saml2_ValidationError
from onelogin.saml2.response import OneLogin_Saml2_Response

from ithaca.accounts.models import User
from ithaca.sso import refusals
from ithaca.sso.services import (
    assertion_consume,
    sign_in_recorded,
    sign_in_refused_recorded,
)

logger = logging.getLogger(__name__)


class CodedResponse(OneLogin_Saml2_Response):
    """A response that keeps the code of the validation error, not only its text."""

    error_code: int | None = None

    def is_valid(
        self, request_data: Any, request_id: Any = None, raise_exceptions: bool = False
    ) -> bool:
        try:
            return bool(super().is_valid(request_data, request_id, raise_exceptions=True))
        except OneLogin_Saml2_ValidationError as error:
            self.error_code = error.code
        except Exception:  # the library's own errors while reading a malformed document
            self.error_code = None
        if raise_exceptions:
            raise OneLogin_Saml2_ValidationError(self._error or "invalid", self.error_code or 0)
        return False


def recording(seen: list[CodedResponse]) -> type[CodedResponse]:
    """A response class that hands each response it makes to `seen`, so the view can
    read the error code after python3-saml's Auth has thrown the object away."""

    class Recorded(CodedResponse):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            seen.append(self)

    return Recorded


def refuse(request: HttpRequest, idp: str, refusal: refusals.Refusal, detail: str) -> HttpResponse:
    logger.warning("SAML sign-in refused (%s): %s: %s", idp, refusal.code, detail)
    sign_in_refused_recorded(idp=idp, reason=refusal.code, detail=detail)
    return render(request, "sso/refused.html", {"refusal": refusal}, status=403)


@require_GET
@login_not_required
def finish_acs(request: HttpRequest, organization_slug: str) -> HttpResponse:
    app = get_app_or_404(request, organization_slug)
    provider = app.get_provider(request)
    acs_session = LoginSession(request, "saml_acs_session", "saml-acs-session")
    stored = acs_session.store.get("request")
    acs_session.delete()
    if not stored:
        return refuse(
            request, organization_slug, refusals.INVALID, "No SAML response was received."
        )
    acs_request = httpkit.deserialize_request(stored, HttpRequest())

    auth = build_auth(acs_request, provider)
    seen: list[CodedResponse] = []
    auth.response_class = recording(seen)
    code, reason = None, ""
    try:
        # InResponseTo is checked below against the state stashed at the redirect.
        auth.process_response(request_id=None)
    except (binascii.Error, ValueError, etree.XMLSyntaxError, OneLogin_Saml2_Error) as error:
        reason = str(error) or "The SAML response could not be read."
    if not reason and auth.get_errors():
        reason = auth.get_last_error_reason() or "invalid response"
        code = seen[-1].error_code if seen else None
    if reason:
        return refuse(request, organization_slug, refusals.classify(code, reason), reason)
    if not auth.is_authenticated():
        return refuse(request, organization_slug, refusals.INVALID, "The IdP did not authenticate.")

    issuer = provider.app.settings.get("idp", {}).get("entity_id", organization_slug)
    if not assertion_consume(
        issuer=issuer,
        assertion_id=auth.get_last_assertion_id() or auth.get_last_message_id() or "",
        not_on_or_after=_not_on_or_after(auth),
    ):
        return refuse(
            request, organization_slug, refusals.REPLAYED, "The assertion ID was seen before."
        )
    return _complete(request, provider, auth, acs_request, organization_slug)


def _not_on_or_after(auth: Any) -> dt.datetime | None:
    stamp = auth.get_last_assertion_not_on_or_after()
    return dt.datetime.fromtimestamp(stamp, tz=dt.UTC) if stamp else None


def _complete(
    request: HttpRequest, provider: Any, auth: Any, acs_request: HttpRequest, idp: str
) -> HttpResponse:
    login = provider.sociallogin_from_response(request, auth)
    state_id = auth.get_last_response_in_response_to()
    if state_id:
        try:
            login.state = provider.unstash_redirect_state(request, state_id)
        except PermissionDenied:
            return refuse(
                request, idp, refusals.REPLAYED, "No sign-in was started for this response."
            )
    elif provider.app.settings.get("advanced", {}).get("reject_idp_initiated_sso", True):
        return refuse(request, idp, refusals.INVALID, "Sign-in started at the IdP is not accepted.")
    else:
        login.state["process"] = AuthProcess.LOGIN
        next_url = decode_relay_state(acs_request.POST.get("RelayState"))
        if next_url:
            login.state["next"] = next_url
    response = complete_social_login(request, login)
    user = request.user
    if isinstance(user, User) and user.is_authenticated:
        sign_in_recorded(user=user, idp=idp, created=getattr(request, "ithaca_sso_created", False))
    return response

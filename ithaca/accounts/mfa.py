"""Two-factor authentication: who must have it, where it is enforced, how secrets are kept.

A program may require MFA (`Program.requires_mfa`) of the people with power in
it: its managers and its active coaches. Protection is decided by what a
request reaches, failing closed: such a person reaches anything beyond their
own account (any page or endpoint that is not in `OPEN_PATHS`: the console,
analytics, matching, relationships, engagements, coaching notes, the admin,
and whatever is added later) only with a credential that passed a second
factor: a session signed in (or re-authenticated) with a code, or in which an
authenticator was just set up, or an API token issued with a code. A token
issued before the requirement, or a password-only session, is refused.
What stays open is the person's own account, so they can set MFA up, read
their data and find support. See docs/decisions/0010-mfa-by-what-a-request-reaches.md.

TOTP secrets and recovery-code seeds are stored encrypted with a key derived
from SECRET_KEY (SECRET_KEY_FALLBACKS keep old ones readable after a rotation).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from typing import Any

from allauth.account.internal.flows.login import (
    get_authentication_records,
    record_authentication,
)
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.contrib import messages
from django.db.models import Exists, OuterRef, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ithaca.accounts.lockout import second_factor_attempt, second_factor_passed
from ithaca.accounts.models import ApiToken, User

# What reaches only the person's own account, or what they need to set MFA up and
# find help. Everything else is protected: a new page or endpoint is protected
# from the day it is added. The API's part is answered by `ithaca.api.auth`.
OPEN_PATHS = (
    "/accounts/",  # sign-in, sign-out, e-mail, password, two-factor set-up, API tokens
    "/privacy/",  # your own data
    "/intake/",  # your own intakes and referrals answered
    "/guide/",
    "/i18n/",  # the language switcher: it changes only your own profile's language
    "/static/",
    "/healthz",
    "/api/v1/auth/",  # the token exchange and your own tokens
    "/api/v1/me/",
    "/api/v1/schema/",
    "/api/v1/docs/",
    "/api/v1/intake/",
    "/api/v1/intakes/",
    "/api/v1/referrals/",
)
OPEN_EXACT = frozenset({"/"})  # the home page, which points the way to set-up
MESSAGE = gettext_lazy(
    "A program you manage or coach in asks for two-factor authentication. "
    "Set up an authenticator app here to continue."
)
REAUTH_MESSAGE = gettext_lazy(
    "A program you manage or coach in asks for two-factor authentication: "
    "confirm it is you with your authenticator to continue."
)
_CACHE = "_ithaca_mfa_status"

# Program and Participation are asked through the user's reverse relations: accounts
# sits below programs and does not import it. Keep in step with programs.models.
NEEDS_MFA = Q(managed_programs__requires_mfa=True) | Q(
    participations__role="coach",
    participations__state="active",
    participations__program__requires_mfa=True,
)


def mfa_status_annotations(user_ref: str = "pk") -> dict[str, Exists]:
    """`mfa_required` and `mfa_enabled` of the person at `OuterRef(user_ref)`, to annotate
    a query that reads them anyway (the API token's, see `ithaca.api.auth`)."""
    return {
        "mfa_required": Exists(User.objects.filter(NEEDS_MFA, pk=OuterRef(user_ref))),
        "mfa_enabled": Exists(Authenticator.objects.filter(user_id=OuterRef(user_ref))),
    }


def mfa_status(user: User) -> tuple[bool, bool]:
    """(must use MFA, has an authenticator), in one query."""
    annotations = mfa_status_annotations()
    row = User.objects.filter(pk=user.pk).annotate(**annotations).values_list(*annotations).first()
    return (bool(row[0]), bool(row[1])) if row else (False, False)


def remember_mfa_status(request: HttpRequest, required: bool, enabled: bool) -> None:
    """This request's person's `mfa_status`, read with their credential: no query later."""
    setattr(request, _CACHE, (bool(required), bool(enabled)))


def is_open(path: str) -> bool:
    """True for what reaches only the person's own account (see OPEN_PATHS)."""
    return path in OPEN_EXACT or path.startswith(OPEN_PATHS)


def _status(request: Any, user: User) -> tuple[bool, bool]:
    if not hasattr(request, _CACHE):
        setattr(request, _CACHE, mfa_status(user))
    return getattr(request, _CACHE)


def credential_passed_mfa(request: Any, user: User) -> bool:
    """Did this request's credential pass a second factor?

    An API token answers for itself (`ApiToken.mfa_verified`). A session did if
    allauth recorded an MFA step in it: signing in or re-authenticating with a
    code or a security key, or setting up an authenticator (`record_setup`).
    """
    auth = getattr(request, "auth", None)
    if isinstance(auth, ApiToken):
        return auth.mfa_verified
    if getattr(request, "session", None) is None:
        return False
    records = get_authentication_records(request, user)
    return any(record.get("method") == "mfa" for record in records)


def credential_refused(request: Any) -> bool:
    """True when the requirement protects what this request reaches and its credential
    did not pass a second factor. One query, and only for signed-in people off OPEN_PATHS."""
    user = getattr(request, "user", None)
    if not isinstance(user, User) or is_open(request.path):
        return False
    if credential_passed_mfa(request, user):  # no query: the session or token says so
        return False
    required, _ = _status(request, user)
    return required


def lacks_required_mfa(request: HttpRequest) -> bool:
    """True when the signed-in person must use MFA and has not set it up (cached per request)."""
    user = getattr(request, "user", None)
    if not isinstance(user, User):
        return False
    required, enabled = _status(request, user)
    return required and not enabled


def record_setup(request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """An authenticator set up in this session proves the factor, as signing in with it does
    (connected to allauth's authenticator_added in AccountsConfig.ready)."""
    if request is not None and isinstance(user, User):
        record_authentication(request, user, "mfa", setup=True)
        # allauth sends this once the authenticator's transaction commits, which may be
        # after the response saved the session: save it here too.
        request.session.save()


class RequireMfaMiddleware:
    """Sends people who must use MFA, and whose session did not pass it, to set it up
    (or to confirm it with their authenticator) before anything beyond their account."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        # The API answers for itself (ithaca.api.auth.MfaSatisfied), for tokens and sessions.
        if request.path.startswith("/api/") or not credential_refused(request):
            return None
        return refuse(request)


def refuse(request: HttpRequest) -> HttpResponse:
    if lacks_required_mfa(request):
        messages.warning(request, MESSAGE)
        target = reverse("mfa_index")
    else:
        messages.warning(request, REAUTH_MESSAGE)
        target = f"{reverse('mfa_reauthenticate')}?{urlencode({'next': request.get_full_path()})}"
    if getattr(request, "htmx", False):
        return HttpResponse(status=204, headers={"HX-Redirect": target})
    return redirect(target)


def _fernet(secret: str) -> Fernet:
    digest = hashlib.sha256(f"ithaca-mfa:{secret}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


class MfaAdapter(DefaultMFAAdapter):
    """Keeps MFA secrets encrypted at rest, so a database copy does not give them away."""

    PREFIX = "fernet:"

    def _keys(self) -> MultiFernet:
        secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
        return MultiFernet([_fernet(secret) for secret in secrets])

    def encrypt(self, text: str) -> str:
        return self.PREFIX + self._keys().encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text: str) -> str:
        if not encrypted_text.startswith(self.PREFIX):
            return encrypted_text  # stored before encryption was switched on
        try:
            return self._keys().decrypt(encrypted_text[len(self.PREFIX) :].encode()).decode()
        except InvalidToken:
            raise ValueError(
                "An MFA secret cannot be decrypted: SECRET_KEY changed without keeping the "
                "old one in SECRET_KEY_FALLBACKS."
            ) from None


def second_factor_problem(request: HttpRequest, user: User, code: str) -> str | None:
    """Why a password alone does not give this person an API token, or None when it may.

    Someone with MFA on must add a current code (TOTP or an unused recovery code);
    someone a program requires it of must set it up first. Each code typed counts
    against the person's lockout (raises `lockout.LockedOut` past it).
    """
    required, enabled = mfa_status(user)
    if not enabled:
        return _("Set up two-factor authentication at /accounts/2fa/ first.") if required else None
    if not code.strip():
        return _("Two-factor authentication is on: add the code from your authenticator app.")
    second_factor_attempt(request, user)
    authenticators = Authenticator.objects.filter(user=user).exclude(
        type=Authenticator.Type.WEBAUTHN  # a security key cannot be typed in
    )
    for authenticator in authenticators:
        if authenticator.wrap().validate_code(code.strip()):
            authenticator.record_usage()
            second_factor_passed(request, user)
            return None
    return _("That two-factor code is wrong or was already used.")

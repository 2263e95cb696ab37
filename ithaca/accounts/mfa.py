"""Two-factor authentication: who must have it, where it is enforced, how secrets are kept.

A program may require MFA (`Program.requires_mfa`) of the people with power in
it: its managers and its active coaches. Such a person reaches the manager
pages, the console, the audit log and the coaching workspace only once an
authenticator is set up; until then those pages send them to /accounts/2fa/.
Every other page stays open, so they can still set it up and find support.

TOTP secrets and recovery-code seeds are stored encrypted with a key derived
from SECRET_KEY (SECRET_KEY_FALLBACKS keep old ones readable after a rotation).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from typing import Any

from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.contrib import messages
from django.db.models import Exists, OuterRef, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from ithaca.accounts.models import User

# URL namespaces and view modules that only people who satisfied the rule may reach.
PROTECTED_NAMESPACES = frozenset({"console", "coaching", "audit", "analytics"})
PROTECTED_MODULES = (
    "ithaca.mentoring.views.manager",
    "ithaca.matching.views.manager",
    "ithaca.api.console",
    "ithaca.api.coaching",
)
MESSAGE = (
    "A program you manage or coach in asks for two-factor authentication. "
    "Set up an authenticator app here to continue."
)
_CACHE = "_ithaca_mfa_status"

# Program and Participation are asked through the user's reverse relations: accounts
# sits below programs and does not import it. Keep in step with programs.models.
NEEDS_MFA = Q(managed_programs__requires_mfa=True) | Q(
    participations__role="coach",
    participations__state="active",
    participations__program__requires_mfa=True,
)


def mfa_status(user: User) -> tuple[bool, bool]:
    """(must use MFA, has an authenticator), in one query."""
    row = (
        User.objects.filter(pk=user.pk)
        .annotate(
            required=Exists(User.objects.filter(NEEDS_MFA, pk=OuterRef("pk"))),
            enabled=Exists(Authenticator.objects.filter(user_id=OuterRef("pk"))),
        )
        .values_list("required", "enabled")
        .first()
    )
    return (bool(row[0]), bool(row[1])) if row else (False, False)


def lacks_required_mfa(request: HttpRequest) -> bool:
    """True when the signed-in person must use MFA and has not set it up (cached per request)."""
    user = getattr(request, "user", None)
    if not isinstance(user, User):
        return False
    if not hasattr(request, _CACHE):
        setattr(request, _CACHE, mfa_status(user))
    required, enabled = getattr(request, _CACHE)
    return required and not enabled


def is_protected(view_func: Callable[..., Any], namespace: str) -> bool:
    module = getattr(view_func, "__module__", "") or ""
    return namespace in PROTECTED_NAMESPACES or module.startswith(PROTECTED_MODULES)


class RequireMfaMiddleware:
    """Sends people who must use MFA but have not set it up to /accounts/2fa/."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        match = request.resolver_match
        if match is None or not is_protected(view_func, match.namespace):
            return None
        if not lacks_required_mfa(request):
            return None
        return refuse(request, view_func)


def refuse(request: HttpRequest, view_func: Callable[..., Any]) -> HttpResponse:
    if (getattr(view_func, "__module__", "") or "").startswith("ithaca.api."):
        body = {"error": {"status": 403, "code": "mfa_required", "message": MESSAGE}}
        return JsonResponse(body, status=403)
    messages.warning(request, MESSAGE)
    target = reverse("mfa_index")
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


def second_factor_problem(user: User, code: str) -> str | None:
    """Why a password alone does not give this person an API token, or None when it may.

    Someone with MFA on must add a current code (TOTP or an unused recovery code);
    someone a program requires it of must set it up first.
    """
    required, enabled = mfa_status(user)
    if not enabled:
        return "Set up two-factor authentication at /accounts/2fa/ first." if required else None
    if not code.strip():
        return "Two-factor authentication is on: add the code from your authenticator app."
    authenticators = Authenticator.objects.filter(user=user).exclude(
        type=Authenticator.Type.WEBAUTHN  # a security key cannot be typed in
    )
    for authenticator in authenticators:
        if authenticator.wrap().validate_code(code.strip()):
            authenticator.record_usage()
            return None
    return "That two-factor code is wrong or was already used."

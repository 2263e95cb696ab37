"""Why a SAML response was refused, in words for the person who tried to sign in.

Pure (no ORM; the words are translated lazily): maps python3-saml's validation
error codes to a few reasons.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from onelogin.saml2.errors import OneLogin_Saml2_ValidationError as V


@dataclass(frozen=True)
class Refusal:
    code: str  # recorded in the audit log; never translated
    title: str | Promise  # shown to the person, in their language
    explanation: str | Promise


UNSIGNED = Refusal(
    "unsigned",
    _("The sign-in was not signed"),
    _(
        "Your organization's identity provider sent a sign-in that carries no valid "
        "signature, so Ithaca cannot tell that it really comes from them."
    ),
)
EXPIRED = Refusal(
    "expired",
    _("The sign-in has expired"),
    _(
        "The sign-in your identity provider sent is no longer valid (it is only good for "
        "a few minutes). Start again from the sign-in page."
    ),
)
AUDIENCE = Refusal(
    "audience",
    _("The sign-in was meant for another service"),
    _(
        "Your identity provider addressed this sign-in to a different application, "
        "so Ithaca may not accept it."
    ),
)
REPLAYED = Refusal(
    "replayed",
    _("This sign-in was already used"),
    _(
        "Each sign-in from your identity provider works once. This one has been used "
        "before, so it was refused. Start again from the sign-in page."
    ),
)
INVALID = Refusal(
    "invalid",
    _("The sign-in could not be checked"),
    _("The answer from your identity provider did not pass Ithaca's checks."),
)

_BY_CODE = {
    V.NO_SIGNATURE_FOUND: UNSIGNED,
    V.NO_SIGNED_ASSERTION: UNSIGNED,
    V.NO_SIGNED_MESSAGE: UNSIGNED,
    V.INVALID_SIGNATURE: UNSIGNED,
    V.WRONG_NUMBER_OF_SIGNATURES: UNSIGNED,
    V.WRONG_NUMBER_OF_SIGNATURES_IN_ASSERTION: UNSIGNED,
    V.WRONG_NUMBER_OF_SIGNATURES_IN_RESPONSE: UNSIGNED,
    V.WRONG_SIGNED_ELEMENT: UNSIGNED,
    V.INVALID_SIGNED_ELEMENT: UNSIGNED,
    V.ASSERTION_EXPIRED: EXPIRED,
    V.ASSERTION_TOO_EARLY: EXPIRED,
    V.SESSION_EXPIRED: EXPIRED,
    V.RESPONSE_EXPIRED: EXPIRED,
    V.WRONG_AUDIENCE: AUDIENCE,
    V.WRONG_DESTINATION: AUDIENCE,
}
# python3-saml reports some failures only in words; these phrases pick them out.
_BY_WORDS = (
    ("signature", UNSIGNED),
    ("expired", EXPIRED),
    ("not valid yet", EXPIRED),
    ("subjectconfirmation", EXPIRED),
    ("audience", AUDIENCE),
    ("destination", AUDIENCE),
)


def classify(code: int | None, reason: str) -> Refusal:
    """The refusal for a validation error code, or else for the error's words."""
    if code in _BY_CODE:
        return _BY_CODE[code]
    words = reason.lower()
    for phrase, refusal in _BY_WORDS:
        if phrase in words:
            return refusal
    return INVALID

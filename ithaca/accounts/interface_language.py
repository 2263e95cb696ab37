"""The language Ithaca speaks to a person: their profile's choice, else their browser's.

Resolution for a request: the signed-in person's `Profile.interface_language`,
else what `LocaleMiddleware` chose (the switcher's cookie, then the browser's
Accept-Language), else `LANGUAGE_CODE`. The profile's choice is read once at
sign-in and kept in the session, like the time zone, so a page costs no extra
query. API calls authenticated by token (DRF authenticates inside the view) get
the same through `ithaca.api.auth.HashedTokenAuthentication`.

Mail is written in the recipient's language whoever triggered it:
`in_language_of(user)` wraps the rendering of a subject and body.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db.models import OuterRef, Subquery
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext_lazy

from ithaca.accounts.models import Profile, User

SESSION_KEY = "ithaca_language"
# The profile form's field (ithaca/people/forms.py), worded here with the setting.
FIELD_LABEL = gettext_lazy("Language of Ithaca")
FIELD_HELP = gettext_lazy(
    "The language of every page and e-mail Ithaca sends you. Empty: your browser's language."
)
FOLLOW_BROWSER = gettext_lazy("Same as my browser")


def field_choices() -> list[tuple[str, Any]]:
    """Following the browser, then each interface language by its (translated) name."""
    return [("", FOLLOW_BROWSER), *settings.LANGUAGES]


def supported(code: str | None) -> str:
    """`code` if it is one of the interface's languages, else ""."""
    return code if code and code in dict(settings.LANGUAGES) else ""


def chosen_language(user_id: Any) -> str:
    """The person's own choice ("" when they follow their browser). One query."""
    code = Profile.objects.filter(user_id=user_id).values_list("interface_language", flat=True)
    return supported(code.first())


def chosen_languages(user_ids: Iterable[int]) -> dict[int, str]:
    """Each person's choice, for a crowd (absent: none). One query."""
    rows = Profile.objects.filter(user_id__in=list(user_ids)).exclude(interface_language="")
    return {uid: supported(code) for uid, code in rows.values_list("user_id", "interface_language")}


def language_of(user: User) -> str:
    """The language to write to a person when no browser is involved (e-mail): their
    choice, else LANGUAGE_CODE. A profile already loaded costs nothing; else one query."""
    profile = user._state.fields_cache.get("profile")
    code = supported(profile.interface_language) if profile else chosen_language(user.pk)
    return code or settings.LANGUAGE_CODE


def in_language_of(user: User) -> AbstractContextManager[None]:
    """`with in_language_of(recipient):` render a mail's subject and body in their language."""
    return translation.override(language_of(user))


def remember_language(request: HttpRequest, code: str) -> None:
    request.session[SESSION_KEY] = supported(code)


def language_remembered(request: HttpRequest) -> str | None:
    """The signed-in person's choice as the session keeps it (None: not read yet)."""
    session = getattr(request, "session", None)
    return session.get(SESSION_KEY) if session is not None else None


@receiver(user_logged_in, dispatch_uid="ithaca.accounts.interface_language")
def _on_sign_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    # Session plumbing rather than domain flow: nothing but the session is written.
    if request is not None and hasattr(request, "session"):
        remember_language(request, chosen_language(user.pk))


def speak(request: HttpRequest, code: str) -> None:
    """Answer the rest of this request in `code` (nothing changes when it is "")."""
    if code:
        translation.activate(code)
        request.LANGUAGE_CODE = code


def chosen_language_annotation(user_ref: str = "pk") -> Subquery:
    """The choice of the person at `OuterRef(user_ref)`, to annotate a query that reads
    them anyway (the API token's): None when they have no profile."""
    profile = Profile.objects.filter(user_id=OuterRef(user_ref))
    return Subquery(profile.values("interface_language")[:1])


def activate_token_user_language(request: HttpRequest, user: Any, code: str | None = None) -> None:
    """For a caller the API authenticated by token: their choice (`code` when it was read
    with the token, else one query for it)."""
    speak(request, supported(code) if code is not None else chosen_language(user.pk))


class PersonLanguageMiddleware:
    """After authentication: the signed-in person's chosen language, if any, replaces
    LocaleMiddleware's choice from the browser."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        session = getattr(request, "session", None)
        if user is not None and session is not None and user.is_authenticated:
            code = session.get(SESSION_KEY)
            if code is None:  # a session from before languages were remembered
                code = chosen_language(user.pk)
                remember_language(request, code)
            speak(request, code)
        return self.get_response(request)

"""Ithaca's LocaleMiddleware and message storage answer exactly as Django's do."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.http import HttpResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.test import RequestFactory
from django.utils import translation

from ithaca.core.lean_middleware import LazyFallbackStorage, LocaleMiddleware, MessageMiddleware

REQUESTS = [
    {},
    {"HTTP_ACCEPT_LANGUAGE": "fr-CA,fr;q=0.9,en;q=0.5"},
    {"HTTP_ACCEPT_LANGUAGE": "de"},
    {"HTTP_ACCEPT_LANGUAGE": "xx, *"},
    {"HTTP_COOKIE": f"{settings.LANGUAGE_COOKIE_NAME}=es"},
    {"HTTP_COOKIE": f"{settings.LANGUAGE_COOKIE_NAME}=zz", "HTTP_ACCEPT_LANGUAGE": "de"},
]


def answer(middleware_class, path: str, meta: dict[str, str], status: int, switch: str = ""):
    seen = {}

    def view(request):
        seen["during"] = (request.LANGUAGE_CODE, translation.get_language())
        if switch:  # a person's own choice, as PersonLanguageMiddleware makes it
            translation.activate(switch)
        response = HttpResponse(status=status)
        response.headers["Vary"] = "Cookie"
        return response

    request = RequestFactory().get(path, **meta)
    with translation.override(None):
        response = middleware_class(view)(request)
        seen["after"] = translation.get_language()
    return seen, dict(response.headers), response.status_code


@pytest.mark.parametrize("meta", REQUESTS)
@pytest.mark.parametrize("path", ["/", "/api/v1/relationships/", "/fr/", "/no/such/page/"])
@pytest.mark.parametrize("status", [200, 404])
@pytest.mark.parametrize("switch", ["", "de"])
def test_the_language_and_the_headers_are_djangos(meta, path, status, switch) -> None:
    ours = answer(LocaleMiddleware, path, meta, status, switch)
    assert ours == answer(DjangoLocaleMiddleware, path, meta, status, switch)


@pytest.mark.urls("ithaca.core.tests.i18n_urls")
@pytest.mark.parametrize("path", ["/fr/page/", "/page/", "/other/"])
def test_a_urlconf_with_language_prefixes_is_answered_by_djangos_middleware(path) -> None:
    ours = answer(LocaleMiddleware, path, {"HTTP_ACCEPT_LANGUAGE": "de"}, 404)
    assert ours == answer(DjangoLocaleMiddleware, path, {"HTTP_ACCEPT_LANGUAGE": "de"}, 404)


def _with_messages(storage_class, add: bool, read: bool, cookie: str = ""):
    request = RequestFactory().get("/", HTTP_COOKIE=cookie)
    request.session = SessionStore()
    request._messages = storage_class(request)
    if add:
        messages.info(request, "Saved.")
    listed = [str(m) for m in request._messages] if read else None
    response = HttpResponse()
    unstored = request._messages.update(response)
    cookies = {k: (v.value, v["max-age"]) for k, v in response.cookies.items()}
    return listed, unstored, cookies, dict(request.session)


def test_messages_are_kept_and_read_as_djangos_fallback_storage_does() -> None:
    for add in (False, True):
        for read in (False, True):
            ours = _with_messages(LazyFallbackStorage, add, read)
            django = _with_messages(FallbackStorage, add, read)
            assert ours[:2] == django[:2] and ours[3] == django[3]
            assert ours[2].keys() == django[2].keys()  # the cookie's value is signed anew
    _, _, cookies, _ = _with_messages(LazyFallbackStorage, True, False)
    sent = f"{CookieStorage.cookie_name}={cookies[CookieStorage.cookie_name][0]}"
    assert _with_messages(LazyFallbackStorage, False, True, sent)[0] == ["Saved."]
    assert _with_messages(FallbackStorage, False, True, sent)[0] == ["Saved."]


def test_a_request_without_messages_never_builds_the_stores() -> None:
    request = RequestFactory().get("/")
    request.session = SessionStore()
    MessageMiddleware(lambda r: HttpResponse())(request)
    assert isinstance(request._messages, LazyFallbackStorage)
    assert "storages" not in request._messages.__dict__

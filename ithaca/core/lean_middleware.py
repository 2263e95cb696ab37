"""Django's LocaleMiddleware and MessageMiddleware, without the work Ithaca never needs.

Both run on every request, the API's included. What they answer is Django's:

- `LocaleMiddleware`: Ithaca's URLs have no language prefix (no `i18n_patterns`), so
  the language never comes from the path. Django's middleware still matched the path
  against the language pattern twice a request (once to pick, once to answer) only to
  find that nothing follows from it. Here, when the URLconf has no prefixed patterns,
  the language is the browser's (cookie, then Accept-Language, else LANGUAGE_CODE),
  the answer says `Vary: Accept-Language` and `Content-Language`, as Django's does;
  a URLconf with prefixed patterns gets Django's middleware, unchanged.
- `MessageMiddleware`: the storage class is looked up once per process (Django's
  `default_storage` imports it by name on every request), and the fallback storage
  builds its cookie and session stores when messages are first read or written, not
  for every request that has none (most of them, and every API call).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import Any

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.contrib.messages.middleware import MessageMiddleware as DjangoMessageMiddleware
from django.contrib.messages.storage.fallback import FallbackStorage
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.module_loading import import_string


class LocaleMiddleware:
    """Django's `LocaleMiddleware`, answering the same without reading the path for a
    language where no URL carries one."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.django = DjangoLocaleMiddleware(get_response)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        if is_language_prefix_patterns_used(urlconf)[0]:
            return self.django(request)  # type: ignore[return-value]  # sync only
        translation.activate(translation.get_language_from_request(request, check_path=False))
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        # As Django's process_response without prefixed patterns: the language may
        # have changed during the request (a person's own choice), so it is read again.
        patch_vary_headers(response, ("Accept-Language",))
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


class LazyFallbackStorage(FallbackStorage):
    """Django's `FallbackStorage` (cookie, then session) whose two stores are made when
    first used. A request that neither reads nor adds a message never uses them:
    `update()` stores nothing unless messages were read or added."""

    def __init__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        # BaseStorage's own state, without FallbackStorage building its stores.
        super(FallbackStorage, self).__init__(request, *args, **kwargs)
        self._store_args = (request, *args)
        self._store_kwargs = kwargs
        self._used_storages: set[Any] = set()

    @cached_property
    def storages(self) -> list[Any]:
        return [cls(*self._store_args, **self._store_kwargs) for cls in self.storage_classes]


class MessageMiddleware(DjangoMessageMiddleware):
    """Django's, with `MESSAGE_STORAGE` imported once."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        super().__init__(get_response)
        self.storage_class = import_string(settings.MESSAGE_STORAGE)

    def process_request(self, request: HttpRequest) -> None:
        request._messages = self.storage_class(request)  # type: ignore[attr-defined]

"""Fixtures shared by every app's tests."""

from __future__ import annotations

import pytest


def pytest_sessionstart(session: pytest.Session) -> None:
    # `make install` compiles the catalogues; a .po changed since (or a run without
    # make) is compiled here, so tests see the translations as committed.
    from ithaca.core.catalogues import compile_stale

    compile_stale()


@pytest.fixture(autouse=True)
def _language_of_the_test():
    """A request leaves its language active in the thread (LocaleMiddleware and the
    person's choice activate it, and nothing deactivates it): each test starts and
    ends in LANGUAGE_CODE, so a German request in one test cannot leak into the next."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: pytest.FixtureRequest) -> None:
    # argon2 is deliberately slow; tests that check hashing say so themselves.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _plain_static_storage(settings: pytest.FixtureRequest) -> None:
    # The manifest storage needs collectstatic; page tests only need URLs.
    settings.STORAGES = {  # type: ignore[attr-defined]
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _fresh_matching_pools():
    """Prepared matching pools live in the process; each test starts without any."""
    from ithaca.matching import poolcache

    poolcache.forget()
    yield
    poolcache.forget()


@pytest.fixture(autouse=True)
def _process_cache(settings: pytest.FixtureRequest) -> None:
    # Production counts throttles in the shared database cache, a few queries a request;
    # tests count their own queries, so they use a cleared per-process cache. The tests
    # of the lockout and the shared cache choose the database cache themselves.
    from django.core.cache import cache, caches

    local = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    settings.CACHES = {"default": local, "throttle": local}  # type: ignore[attr-defined]
    cache.clear()
    caches["throttle"].clear()

"""Failed sign-ins are throttled per account and per client address."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.test import Client

from ithaca.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "pass-word-123"
REFUSED = "Too many failed login attempts"


@pytest.fixture(autouse=True)
def _fresh_cache(settings) -> None:
    local = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    settings.CACHES = {"default": local, "throttle": local}
    cache.clear()


def person():
    user = UserFactory()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def attempt(user, password: str, **headers: str):
    client = Client(**headers)
    response = client.post("/accounts/login/", {"login": user.email, "password": password})
    return client, response


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one() -> None:
    user = person()
    for _ in range(5):
        _, response = attempt(user, "wrong-password")
        assert response.status_code == 200 and REFUSED not in response.content.decode()
    client, response = attempt(user, PASSWORD)
    assert REFUSED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_locked_account_does_not_lock_anyone_else() -> None:
    locked, other = person(), person()
    for _ in range(6):
        attempt(locked, "wrong-password")
    client, response = attempt(other, PASSWORD)
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(other.pk)


def test_ten_failures_from_one_address_lock_that_address_for_every_account() -> None:
    for _ in range(10):
        attempt(person(), "wrong-password", REMOTE_ADDR="198.51.100.7")
    victim = person()
    _, response = attempt(victim, PASSWORD, REMOTE_ADDR="198.51.100.7")
    assert REFUSED in response.content.decode()
    _, response = attempt(victim, PASSWORD, REMOTE_ADDR="198.51.100.8")
    assert response.status_code == 302


def test_behind_a_proxy_the_forwarded_client_address_is_what_counts(settings) -> None:
    settings.ITHACA_TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(10):
        attempt(person(), "wrong-password", HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)
    _, refused = attempt(person(), PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)
    assert REFUSED in refused.content.decode()
    _, allowed = attempt(person(), PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy)
    assert allowed.status_code == 302

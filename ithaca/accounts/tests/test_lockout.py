"""One lockout for every way in: the sign-in page and the API's token exchange count together."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from config.env import Env
from ithaca.accounts.tests.factories import UserFactory
from ithaca.api.throttling import AnonThrottle, UserThrottle
from ithaca.core.http import client_ip

pytestmark = pytest.mark.django_db
PASSWORD = "pass-word-123"
REFUSED = "Too many failed login attempts"


@pytest.fixture(autouse=True)
def _shared_database_cache(settings) -> None:
    # The default: the database cache that every worker shares.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "ithaca_cache",
        },
        "throttle": {"BACKEND": "ithaca.core.cache.ThrottleCache", "LOCATION": "ithaca_cache"},
    }
    cache.clear()


def person():
    user = UserFactory()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def api_token(email: str, password: str, **extra: str):
    return APIClient().post(
        "/api/v1/auth/token/", {"email": email, "password": password}, format="json", **extra
    )


def web_login(email: str, password: str, **extra: str):
    client = Client(**extra)
    return client, client.post("/accounts/login/", {"login": email, "password": password})


def test_five_wrong_passwords_through_the_api_lock_the_account_for_the_api() -> None:
    user = person()
    for _ in range(5):
        assert api_token(user.email, "wrong").status_code == 400
    response = api_token(user.email, PASSWORD)
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "throttled"
    assert "token" not in response.json()


def test_wrong_passwords_through_the_api_lock_the_sign_in_page_too() -> None:
    user = person()
    for _ in range(5):
        api_token(user.email, "wrong")
    client, response = web_login(user.email, PASSWORD)
    assert REFUSED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_on_the_page_and_the_api_add_up() -> None:
    user = person()
    for _ in range(3):
        web_login(user.email, "wrong")
    for _ in range(2):
        api_token(user.email, "wrong")
    assert api_token(user.email, PASSWORD).status_code == 429


def test_the_account_counter_ignores_the_host_name_the_request_gives(settings) -> None:
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
    user = person()
    for host in ("127.0.0.1", "localhost", "testserver", "127.0.0.1", "localhost"):
        api_token(user.email, "wrong", HTTP_HOST=host)
    assert api_token(user.email, PASSWORD, HTTP_HOST="testserver").status_code == 429


def test_a_forged_forwarded_for_header_does_not_give_an_address_fresh_tries() -> None:
    for n in range(10):
        api_token(person().email, "wrong", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    victim = person()
    assert api_token(victim.email, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.99").status_code == 429
    # Another address is not affected.
    assert api_token(victim.email, PASSWORD, REMOTE_ADDR="198.51.100.2").status_code == 200


def test_the_counters_are_kept_in_the_shared_database_cache() -> None:
    user = person()
    api_token(user.email, "wrong")
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM ithaca_cache")
        assert cursor.fetchone()[0] > 0


def test_a_right_password_still_works_under_the_limit() -> None:
    user = person()
    for _ in range(4):
        api_token(user.email, "wrong")
    assert api_token(user.email, PASSWORD).status_code == 200


# --- The client address ------------------------------------------------------------------


def request_from(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_the_address_is_remote_addr(settings) -> None:
    settings.ITHACA_TRUSTED_PROXY_COUNT = 0
    assert client_ip(request_from("10.0.0.1", "203.0.113.5")) == "10.0.0.1"


def test_behind_one_proxy_the_address_is_the_last_one_it_appended(settings) -> None:
    settings.ITHACA_TRUSTED_PROXY_COUNT = 1
    # The client wrote 1.2.3.4 itself; the proxy appended the address it saw.
    assert client_ip(request_from("10.0.0.1", "1.2.3.4, 203.0.113.5")) == "203.0.113.5"


def test_behind_two_proxies_the_address_is_the_second_from_the_right(settings) -> None:
    settings.ITHACA_TRUSTED_PROXY_COUNT = 2
    assert client_ip(request_from("10.0.0.2", "1.2.3.4, 203.0.113.5, 10.0.0.1")) == "203.0.113.5"


def test_a_request_that_skipped_the_proxies_counts_by_remote_addr(settings) -> None:
    settings.ITHACA_TRUSTED_PROXY_COUNT = 2
    assert client_ip(request_from("198.51.100.9", "203.0.113.5")) == "198.51.100.9"
    assert client_ip(request_from("198.51.100.9", "not-an-address, x")) == "198.51.100.9"


# --- API throttling on every endpoint -------------------------------------------------------


@pytest.fixture
def low_rates(monkeypatch) -> None:
    rates = {"user": "3/minute", "anon": "2/minute", "token": "10/minute"}
    monkeypatch.setattr(UserThrottle, "THROTTLE_RATES", rates)
    monkeypatch.setattr(AnonThrottle, "THROTTLE_RATES", rates)


def test_a_signed_in_person_is_throttled_on_any_endpoint(low_rates) -> None:
    client = APIClient()
    client.force_authenticate(person())
    codes = [client.get("/api/v1/programs/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    body = client.get("/api/v1/me/").json()
    assert body["error"]["status"] == 429 and body["error"]["code"] == "throttled"


def test_one_persons_throttle_leaves_another_alone(low_rates) -> None:
    busy, calm = APIClient(), APIClient()
    busy.force_authenticate(person())
    calm.force_authenticate(person())
    for _ in range(4):
        busy.get("/api/v1/me/")
    assert calm.get("/api/v1/me/").status_code == 200


def test_anonymous_calls_are_throttled_per_address(low_rates) -> None:
    client = APIClient()
    codes = [
        client.get("/api/v1/auth/token/", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
        for n in range(3)
    ]
    assert codes == [405, 405, 429]
    other = client.get("/api/v1/auth/token/", REMOTE_ADDR="198.51.100.3")
    assert other.status_code == 405


# --- Settings ---------------------------------------------------------------------------------


def test_the_default_shared_cache_is_the_database_cache() -> None:
    config = Env({}).shared_cache()
    assert config == {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "ithaca_cache",
    }


def test_api_throttling_counts_in_the_same_table_with_one_statement_a_request(low_rates) -> None:
    client = APIClient()
    client.force_authenticate(person())
    client.get("/api/v1/me/")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/api/v1/me/").status_code == 200
    cached = [q["sql"] for q in captured.captured_queries if "ithaca_cache" in q["sql"]]
    # One upsert that adds one and returns the count: no read first, no COUNT(*), no transaction.
    assert len(cached) == 1 and "ON CONFLICT" in cached[0] and "RETURNING" in cached[0]
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM ithaca_cache WHERE cache_key LIKE '%throttle_user_%'")
        assert cursor.fetchall() == [("2",)]


def test_the_count_starts_again_with_the_next_window_and_retry_after_says_when(
    low_rates, monkeypatch
) -> None:
    now = [6000.0 * 60 + 50]  # fifty seconds into a minute
    monkeypatch.setattr(UserThrottle, "timer", lambda self: now[0])
    client = APIClient()
    client.force_authenticate(person())
    codes = [client.get("/api/v1/me/").status_code for _ in range(3)]
    refused = client.get("/api/v1/me/")
    assert codes == [200, 200, 200] and refused.status_code == 429
    assert refused["Retry-After"] == "10"
    now[0] += 9  # still the same minute: still refused
    assert client.get("/api/v1/me/").status_code == 429
    now[0] += 1  # the next minute
    assert [client.get("/api/v1/me/").status_code for _ in range(4)] == [200, 200, 200, 429]


def test_every_worker_adds_to_the_same_counter() -> None:
    from ithaca.core.cache import ThrottleCache, window_count

    one, two = ThrottleCache("ithaca_cache", {}), ThrottleCache("ithaca_cache", {})
    assert [window_count(one, "k:1", 61), window_count(two, "k:1", 61)] == [1, 2]
    assert window_count(one, "k:2", 61) == 1  # another window, another counter


def test_the_counter_works_on_other_caches_too() -> None:
    from django.core.cache.backends.dummy import DummyCache
    from django.core.cache.backends.locmem import LocMemCache

    from ithaca.core.cache import window_count

    local = LocMemCache("throttle-test", {})
    assert [window_count(local, "k", 61) for _ in range(3)] == [1, 2, 3]
    assert window_count(DummyCache("dummy", {}), "k", 61) == 1


def test_the_rate_holds_when_the_limit_is_an_hour(monkeypatch) -> None:
    rates = {"user": "2/hour", "anon": "2/hour", "token": "10/minute"}
    monkeypatch.setattr(UserThrottle, "THROTTLE_RATES", rates)
    monkeypatch.setattr(UserThrottle, "timer", lambda self: 3600.0 * 500 + 1800)
    client = APIClient()
    client.force_authenticate(person())
    codes = [client.get("/api/v1/me/").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    assert client.get("/api/v1/me/")["Retry-After"] == "1800"


def test_the_throttle_cache_is_the_shared_one_and_upserts_in_the_database() -> None:
    shared = Env({}).shared_cache()
    assert Env.throttle_cache(shared) == {
        "BACKEND": "ithaca.core.cache.ThrottleCache",
        "LOCATION": "ithaca_cache",
    }
    redis = Env({"REDIS_URL": "redis://cache:6379/0"}).shared_cache()
    assert Env.throttle_cache(redis) == redis


def test_the_throttle_cache_overwrites_and_sweeps_only_expired_rows() -> None:
    from ithaca.core.cache import ThrottleCache

    store = ThrottleCache("ithaca_cache", {"OPTIONS": {"SWEEP_EVERY": 3}})
    store.set("a", [1.0], 60)
    store.set("a", [1.0, 2.0], 60)
    assert store.get("a") == [1.0, 2.0]
    stale = ThrottleCache("ithaca_cache", {})
    stale.set("old", [0.0], -10)  # expired already
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM ithaca_cache WHERE cache_key LIKE '%old'")
        assert cursor.fetchone()[0] == 1
        store.set("b", [3.0], 60)  # the third write: expired rows go, the live stay
        cursor.execute("SELECT COUNT(*) FROM ithaca_cache WHERE cache_key LIKE '%old'")
        assert cursor.fetchone()[0] == 0
    assert store.get("a") == [1.0, 2.0] and store.get("b") == [3.0]


def test_redis_url_chooses_redis() -> None:
    config = Env({"REDIS_URL": "redis://cache:6379/0"}).shared_cache()
    assert config["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert config["LOCATION"] == "redis://cache:6379/0"


def test_a_bad_rate_names_its_variable() -> None:
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="API_THROTTLE_USER"):
        Env({"API_THROTTLE_USER": "lots"}).rate("API_THROTTLE_USER", default="600/minute")
    assert Env({}).rate("API_THROTTLE_USER", default="600/minute") == "600/minute"

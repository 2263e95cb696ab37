"""CACHE_URL chooses the shared cache that throttling needs across processes."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import Env


@pytest.mark.parametrize(
    ("url", "backend", "location"),
    [
        ("", "locmem.LocMemCache", None),
        ("locmem://", "locmem.LocMemCache", None),
        ("db://ithaca_cache", "db.DatabaseCache", "ithaca_cache"),
        ("redis://cache.internal:6379/0", "redis.RedisCache", "redis://cache.internal:6379/0"),
    ],
)
def test_it_reads_each_kind_of_cache_url(url: str, backend: str, location: str | None) -> None:
    config = Env({"CACHE_URL": url}).cache("CACHE_URL")
    assert config["BACKEND"] == f"django.core.cache.backends.{backend}"
    assert config.get("LOCATION") == location


@pytest.mark.parametrize("url", ["memcached://x", "db://", "nonsense"])
def test_it_names_the_variable_when_a_cache_url_is_unreadable(url: str) -> None:
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL"):
        Env({"CACHE_URL": url}).cache("CACHE_URL")

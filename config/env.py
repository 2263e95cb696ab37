"""Typed readers for environment variables.

Every setting comes from the environment. A value that cannot be read stops
start-up with an ImproperlyConfigured error that names the variable, so a
typo in production fails loudly instead of silently falling back.
"""

from __future__ import annotations

import builtins
import os
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}
DATABASE_SCHEMES = {"sqlite", "postgres", "postgresql", "pgsql"}
RATE_PERIODS = {"second", "minute", "hour", "day"}
# The table of the default shared cache; `manage.py migrate` creates it.
DATABASE_CACHE_TABLE = "ithaca_cache"


class Env:
    """Reads variables from a mapping (os.environ by default)."""

    def __init__(self, source: Mapping[builtins.str, builtins.str] | None = None) -> None:
        self.source = os.environ if source is None else source

    def str(self, name: builtins.str, default: builtins.str = "") -> builtins.str:
        return self.source.get(name, default)

    def bool(self, name: builtins.str, default: builtins.bool = False) -> builtins.bool:
        raw = self.source.get(name)
        if raw is None:
            return default
        word = raw.strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise ImproperlyConfigured(
            f"{name}={raw!r} is not a boolean; use one of true/false, yes/no, on/off, 1/0."
        )

    def int(self, name: builtins.str, default: builtins.int) -> builtins.int:
        raw = self.source.get(name)
        if raw is None or raw.strip() == "":
            return default
        try:
            return int(raw)
        except ValueError:
            raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None

    def list(
        self, name: builtins.str, default: builtins.list[builtins.str]
    ) -> builtins.list[builtins.str]:
        raw = self.source.get(name)
        if raw is None:
            return default
        return [item.strip() for item in raw.split(",") if item.strip()]

    def rate(self, name: builtins.str, default: builtins.str) -> builtins.str:
        """A request rate such as 600/minute (second, minute, hour or day)."""
        raw = self.source.get(name, "").strip() or default
        amount, _, period = raw.partition("/")
        if not (amount.isdigit() and int(amount) > 0 and period in RATE_PERIODS):
            raise ImproperlyConfigured(
                f"{name}={raw!r} is not a rate; expected e.g. 600/minute "
                "(per second, minute, hour or day)."
            )
        return raw

    def time_zone(self, name: builtins.str, default: builtins.str) -> builtins.str:
        value = self.source.get(name, default)
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ImproperlyConfigured(f"{name}={value!r} is not a known IANA time zone.") from None
        return value

    def database(self, name: builtins.str, default: builtins.str) -> dict[builtins.str, Any]:
        raw = self.source.get(name) or default
        scheme = raw.split("://", 1)[0].lower() if "://" in raw else ""
        if scheme not in DATABASE_SCHEMES:
            raise ImproperlyConfigured(
                f"{name}={raw!r} is not a database URL; expected sqlite:///path "
                "or postgres://user@host:port/name."
            )
        try:
            config: dict[builtins.str, Any] = dict(dj_database_url.parse(raw, conn_max_age=60))
        except (ValueError, KeyError) as exc:
            raise ImproperlyConfigured(f"{name} could not be parsed: {exc}") from None
        if scheme != "sqlite" and not config.get("NAME"):
            raise ImproperlyConfigured(f"{name}={raw!r} names no database.")
        return config

    def shared_cache(
        self, name: builtins.str = "CACHE_URL", redis_name: builtins.str = "REDIS_URL"
    ) -> dict[builtins.str, Any]:
        """The cache every worker shares: CACHE_URL if set, else Redis at REDIS_URL if set,
        else the database cache (table ithaca_cache, made by `manage.py migrate`)."""
        redis_url = self.source.get(redis_name, "").strip()
        if redis_url and not redis_url.lower().startswith(("redis://", "rediss://")):
            raise ImproperlyConfigured(
                f"{redis_name}={redis_url!r} is not a Redis URL; expected redis://HOST:6379/0."
            )
        return self.cache(name, default=redis_url or f"db://{DATABASE_CACHE_TABLE}")

    @staticmethod
    def throttle_cache(shared: dict[builtins.str, Any]) -> dict[builtins.str, Any]:
        """The shared cache as API throttling uses it: the same place, and in the database
        one upsert per request (ithaca.core.cache.ThrottleCache) instead of Django's four
        statements, one of them a COUNT(*) over the table."""
        if shared.get("BACKEND") == "django.core.cache.backends.db.DatabaseCache":
            return {**shared, "BACKEND": "ithaca.core.cache.ThrottleCache"}
        return dict(shared)

    def cache(self, name: builtins.str, default: builtins.str = "") -> dict[builtins.str, Any]:
        """Empty or locmem:// (per process), db://TABLE, redis://..., or dummy://."""
        raw = (self.source.get(name, "").strip() or default).strip()
        scheme, _, rest = raw.partition("://")
        scheme = scheme.lower()
        if not raw or scheme == "locmem":
            return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
        if scheme == "db" and rest.strip("/"):
            return {
                "BACKEND": "django.core.cache.backends.db.DatabaseCache",
                "LOCATION": rest.strip("/"),
            }
        if scheme in {"redis", "rediss"}:
            return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": raw}
        if scheme == "dummy":
            return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
        raise ImproperlyConfigured(
            f"{name}={raw!r} is not a cache URL; expected db://TABLE, redis://HOST:6379/0, "
            "locmem:// or nothing."
        )

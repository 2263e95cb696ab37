"""The database cache as API throttling uses it: one statement to count a request.

API throttling counts requests in fixed windows (`ithaca.api.throttling`): one
counter per client and window, added to on every request. `ThrottleCache.count`
is that addition as a single `INSERT ... ON CONFLICT DO UPDATE ... RETURNING`
(PostgreSQL and SQLite 3.35+ both have it), so a throttled request costs one
statement, where Django's `DatabaseCache` would count the whole table
(`SELECT COUNT(*)`, to decide whether to cull), then select the key and update
or insert it inside a transaction. `window_count` does the same on any other
cache (Redis, or the per-process cache in tests) with `add` and `incr`, which
Redis runs atomically.

The throttle keeps its meaning: the count stays in the table every worker shares
(a per-process cache would let each worker grant the full rate). A counter's row
holds the number in plain digits, not pickled: only `count` reads it.
`set` is an upsert too. Expired rows are deleted every `SWEEP_EVERY` writes rather
than on every one. Unlike Django's cull, the sweep never drops rows that have not
expired (the cull deletes a third of the table when it holds more than
MAX_ENTRIES, the throttles' histories among them), so a busy site forgets no one's
recent requests.
"""

from __future__ import annotations

import base64
import datetime as dt
import pickle
from typing import Any

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache
from django.db import DatabaseError, connections, router
from django.utils import timezone

SWEEP_EVERY = 100


class ThrottleCache(DatabaseCache):
    """`DatabaseCache` with a one-statement counter; `set` one upsert; expired rows swept."""

    def __init__(self, table: str, params: dict[str, Any]) -> None:
        super().__init__(table, params)
        self.table = table
        options = params.get("OPTIONS") or {}
        self._sweep_every = max(int(options.get("SWEEP_EVERY", SWEEP_EVERY)), 1)
        self._writes = 0

    def set(
        self,
        key: Any,
        value: Any,
        timeout: float | None = DEFAULT_TIMEOUT,
        version: int | None = None,
    ) -> None:
        key = self.make_and_validate_key(key, version=version)
        seconds = self.get_backend_timeout(timeout)
        if seconds is None:
            expires = dt.datetime.max
        else:
            expires = dt.datetime.fromtimestamp(seconds, tz=dt.UTC if settings.USE_TZ else None)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        table = quote(self.table)
        name, data, until = quote("cache_key"), quote("value"), quote("expires")
        pickled = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
        until_value = connection.ops.adapt_datetimefield_value(expires.replace(microsecond=0))
        row = [key, pickled, until_value]
        with connection.cursor() as cursor:
            try:
                cursor.execute(
                    f"INSERT INTO {table} ({name}, {data}, {until}) VALUES (%s, %s, %s) "
                    f"ON CONFLICT ({name}) DO UPDATE SET {data} = EXCLUDED.{data}, "
                    f"{until} = EXCLUDED.{until}",
                    row,
                )
            except DatabaseError:
                return  # as Django's database cache: a write that fails is skipped
            self._writes += 1
            if self._writes % self._sweep_every == 0:
                self.sweep(cursor, connection)

    def count(self, key: str, timeout: int) -> int:
        """Add one to the counter `key` (created at 1, living `timeout` seconds); its new value."""
        key = self.make_and_validate_key(key)
        expires = dt.datetime.fromtimestamp(
            self.get_backend_timeout(timeout) or 0, tz=dt.UTC if settings.USE_TZ else None
        )
        connection = connections[router.db_for_write(self.cache_model_class)]
        quote = connection.ops.quote_name
        table = quote(self.table)
        name, data, until = quote("cache_key"), quote("value"), quote("expires")
        until_value = connection.ops.adapt_datetimefield_value(expires.replace(microsecond=0))
        with connection.cursor() as cursor:
            try:
                cursor.execute(
                    f"INSERT INTO {table} ({name}, {data}, {until}) VALUES (%s, '1', %s) "
                    f"ON CONFLICT ({name}) DO UPDATE SET "
                    f"{data} = CAST(CAST({table}.{data} AS INTEGER) + 1 AS TEXT) "
                    f"RETURNING {data}",
                    [key, until_value],
                )
                row = cursor.fetchone()
            except DatabaseError:
                return 0  # as Django's database cache: a write that fails lets the request by
            self._writes += 1
            if self._writes % self._sweep_every == 0:
                self.sweep(cursor, connection)
        return int(row[0]) if row else 0

    def sweep(self, cursor: Any, connection: Any) -> None:
        """Delete the rows that have expired (and only those)."""
        now = connection.ops.adapt_datetimefield_value(timezone.now().replace(microsecond=0))
        table, until = connection.ops.quote_name(self.table), connection.ops.quote_name("expires")
        cursor.execute(f"DELETE FROM {table} WHERE {until} < %s", [now])


def window_count(cache: Any, key: str, timeout: int) -> int:
    """Add one to the counter `key` in `cache` and return its new value.

    In the database one upsert (`ThrottleCache.count`); elsewhere `add` then `incr`,
    which Redis and the per-process cache run atomically. A cache that keeps nothing
    (the dummy cache) counts every request as the first.
    """
    if isinstance(cache, ThrottleCache):
        return cache.count(key, timeout)
    cache.add(key, 0, timeout)
    try:
        return int(cache.incr(key))
    except ValueError:  # gone between the two calls (expired), or a cache that keeps nothing
        cache.set(key, 1, timeout)
        return 1

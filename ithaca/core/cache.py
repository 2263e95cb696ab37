"""The database cache as API throttling uses it: one statement to record a request.

DRF's throttles read the client's recent requests from the cache and write them
back on every API request. Django's `DatabaseCache.set` counts the whole table
first (`SELECT COUNT(*)`, to decide whether to cull), then selects the key and
updates or inserts it inside a transaction: six statements per request with the
read. `ThrottleCache` writes with one `INSERT ... ON CONFLICT DO UPDATE`
(PostgreSQL and SQLite both have it), so a throttled request costs two.

The throttle keeps its meaning: the count stays in the table every worker shares
(a per-process cache would let each worker grant the full rate), and the sliding
window is DRF's own. Expired rows are deleted every `SWEEP_EVERY` writes rather
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
    """`DatabaseCache` whose `set` is one upsert; expired rows swept now and then."""

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

    def sweep(self, cursor: Any, connection: Any) -> None:
        """Delete the rows that have expired (and only those)."""
        now = connection.ops.adapt_datetimefield_value(timezone.now().replace(microsecond=0))
        table, until = connection.ops.quote_name(self.table), connection.ops.quote_name("expires")
        cursor.execute(f"DELETE FROM {table} WHERE {until} < %s", [now])

"""Django's SQLite backend, converting each distinct SQL text's placeholders once.

Django writes SQL with `%s` placeholders and its SQLite cursor rewrites them to
`?` with a regular expression on every execution: for the long SELECTs a page
runs (an API token with its owner, a relationship with its people and program)
that was 10 to 20 µs a query, about 5 % of an API request's CPU. The rewrite
depends on the SQL text alone, so its result is kept per text (at most
`CONVERTED` texts, least recently used first out). Everything else is Django's
backend: `vendor` is "sqlite", the same connection options, the same errors.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.db.backends.sqlite3 import base

# Distinct SQL texts remembered; queries whose text varies (IN lists of any
# length) take their turn and fall out.
CONVERTED = 1024


@lru_cache(maxsize=CONVERTED)
def _qmark(query: str) -> str:
    return base.FORMAT_QMARK_REGEX.sub("?", query).replace("%%", "%")


class SQLiteCursorWrapper(base.SQLiteCursorWrapper):
    def convert_query(self, query: str, *, param_names: Any = None) -> str:
        if param_names is None:
            return _qmark(query)
        return str(super().convert_query(query, param_names=param_names))


class DatabaseWrapper(base.DatabaseWrapper):
    def create_cursor(self, name: str | None = None) -> Any:
        return self.connection.cursor(factory=SQLiteCursorWrapper)

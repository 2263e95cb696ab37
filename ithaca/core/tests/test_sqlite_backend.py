"""The SQLite backend is Django's, its placeholder rewrite kept per SQL text."""

from __future__ import annotations

import pytest
from django.db import connection, connections
from django.db.backends.sqlite3.base import SQLiteCursorWrapper as DjangoCursor

from ithaca.accounts.tests.factories import UserFactory
from ithaca.core.db.sqlite3 import base

SQL = [
    "SELECT 1",
    "SELECT a FROM t WHERE b = %s AND c = %s",
    "SELECT a FROM t WHERE b LIKE '100%%' AND c = %s",
    "SELECT '%%s', %s",
]


@pytest.mark.parametrize("sql", SQL)
def test_it_rewrites_placeholders_as_django_does(sql: str) -> None:
    django = DjangoCursor.convert_query(None, sql)  # type: ignore[arg-type]
    assert base.SQLiteCursorWrapper.convert_query(None, sql) == django  # type: ignore[arg-type]
    assert base.SQLiteCursorWrapper.convert_query(None, sql) == django  # type: ignore[arg-type]


@pytest.mark.django_db
def test_the_configured_database_uses_it() -> None:
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    assert isinstance(connections["default"], base.DatabaseWrapper)
    user = UserFactory()
    with connection.cursor() as cursor:
        assert isinstance(cursor.cursor, base.SQLiteCursorWrapper)
        sql = "SELECT email FROM accounts_user WHERE id = %s AND email LIKE '%%@%%'"
        cursor.execute(sql, [user.pk])
        assert cursor.fetchone() == (user.email,)
        # Named parameters ("pyformat") are Django's own rewrite.
        cursor.execute("SELECT email FROM accounts_user WHERE id = %(pk)s", {"pk": user.pk})
        assert cursor.fetchone() == (user.email,)

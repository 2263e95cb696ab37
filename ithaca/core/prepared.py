"""Queries asked on every request, compiled to SQL once per process.

Turning a QuerySet into SQL (resolving lookups, joins and subqueries) costs the same
CPU every time, and for a small indexed query it is nearly all of the query's cost:
the API token's lookup took 2.4 ms of CPU to build and 0.02 ms in SQLite. A
`PreparedQuery` builds its QuerySet once per database with stand-ins for its varying
values, keeps the ORM's SQL, and then only runs it with the real values. The rows
come back through the ORM's own converters, as `.values_list()` gives them;
`model_row` and `instances` turn them into model instances as the ORM would.

Only for queries whose shape does not depend on the values: `=` comparisons, never
`__in` a list or a value that may be None (both change the SQL).

`PreparedInsert` does the same for `Model.objects.create()` of a model without
save signals: the INSERT's SQL is built once per connection, and each row's values
are prepared by the fields themselves, as the ORM's insert prepares them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any
from weakref import WeakKeyDictionary

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model, QuerySet, signals
from django.db.models.sql import InsertQuery
from django.db.models.sql.compiler import SQLCompiler

# Values no real query passes: text never typed, ids below any primary key.
_STAND_INS: dict[type, Callable[[int], Any]] = {
    str: lambda n: f"\x1fithaca-prepared-{n}\x1f",
    int: lambda n: -2_000_000_000 - n,
}

# The widest whole number a database column holds (64-bit signed).
_BIGINT_MIN, _BIGINT_MAX = -(2**63), 2**63 - 1

# The compiler, its SQL, its parameters, which take a value, the columns' converters.
_Compiled = tuple[SQLCompiler, str, list[Any], list[str | None], dict[int, Any]]


class PreparedQuery:
    """`build(**values)` returns a `.values_list()` QuerySet; `rows(**values)` runs its SQL.

    `kinds` names each value and its type (str or int), e.g. `key_hash=str`.
    """

    def __init__(self, build: Callable[..., QuerySet[Any, Any]], **kinds: type) -> None:
        self._build = build
        self._whole_numbers = [name for name, kind in kinds.items() if kind is int]
        self._stand_ins = {
            name: _STAND_INS[kind](n) for n, (name, kind) in enumerate(kinds.items())
        }
        # Per connection (each thread has its own), forgotten with it.
        self._compiled: WeakKeyDictionary[BaseDatabaseWrapper, _Compiled] = WeakKeyDictionary()

    def _compile(self, connection: BaseDatabaseWrapper) -> _Compiled:
        queryset = self._build(**self._stand_ins)
        compiler = queryset.query.get_compiler(connection=connection)
        sql, params = compiler.as_sql()
        names = {stand_in: name for name, stand_in in self._stand_ins.items()}
        # Which parameter takes which value (None: a constant of the query's own).
        slots = [names.get(p) if type(p) in _STAND_INS else None for p in params]
        if set(slots) - {None} != set(self._stand_ins):
            raise ValueError("Each value of a prepared query must reach its SQL as itself.")
        # The ORM's converters for these columns (dates, booleans, JSON), as
        # `compiler.results_iter` would find them on every call.
        converters = compiler.get_converters([s[0] for s in compiler.select[: compiler.col_count]])
        compiled = (compiler, sql, list(params), slots, converters)
        self._compiled[connection] = compiled
        return compiled

    def rows(self, using: str = DEFAULT_DB_ALIAS, **values: Any) -> list[tuple[Any, ...]]:
        if any(not _BIGINT_MIN <= values[name] <= _BIGINT_MAX for name in self._whole_numbers):
            # No column holds it, so no row is equal to it (the ORM answers an empty
            # result too, where the driver would refuse the number: a 500).
            return []
        connection = connections[using]
        compiled = self._compiled.get(connection) or self._compile(connection)
        compiler, sql, constants, slots, converters = compiled
        params = [values[s] if s else c for s, c in zip(slots, constants, strict=True)]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            fetched = cursor.fetchall()
        if not converters:
            return [tuple(row) for row in fetched]
        return [tuple(row) for row in compiler.apply_converters(fetched, converters)]


def _attnames(model: type[Model]) -> tuple[str, ...]:
    # A model's columns do not change once the app registry is ready: kept per model
    # (each row built asked for them again).
    names = _ATTNAMES.get(model)
    if names is None:
        names = _ATTNAMES[model] = tuple(f.attname for f in model._meta.concrete_fields)
    return names


_ATTNAMES: dict[type[Model], tuple[str, ...]] = {}


def columns(model: type[Model], prefix: str = "") -> list[str]:
    """The names `.values_list()` takes for every column of `model` (under `prefix__`)."""
    names = _attnames(model)
    return [f"{prefix}__{name}" for name in names] if prefix else list(names)


def model_row(
    model: type[Model], row: Sequence[Any], start: int = 0, using: str = DEFAULT_DB_ALIAS
) -> tuple[Any, int]:
    """The instance built from `columns(model)` at `row[start:]`, and where the next starts."""
    names = _attnames(model)
    end = start + len(names)
    return model.from_db(using, names, row[start:end]), end


def joined_columns(model: type[Model], related: Mapping[str, type[Model]]) -> list[str]:
    """`columns` of `model`, then of each related row (`select_related` as values)."""
    return [*columns(model), *(c for name, rel in related.items() for c in columns(rel, name))]


def joined_instance(
    model: type[Model],
    related: Mapping[str, type[Model]],
    row: Sequence[Any],
    using: str = DEFAULT_DB_ALIAS,
) -> Any:
    """The instance from a `joined_columns` row, its related instances set as
    `select_related` sets them (None for an empty nullable relation)."""
    instance, at = model_row(model, row, using=using)
    for name, rel in related.items():
        value, at = model_row(rel, row, at, using=using)
        setattr(instance, name, value if value.pk is not None else None)
    return instance


class PreparedInsert:
    """`model.objects.create(**values)`, its INSERT built once per connection.

    The instance is made by the model (defaults included) and every concrete column
    is written, each value through its field's `pre_save` and `get_db_prep_save`,
    as `Model.save()` inserts a new row; the columns the database returns (the
    primary key) are set on the instance. Where `create()` would do more (save
    signals, an id given, expressions, a database without INSERT ... RETURNING) it
    is `create()`'s own `save()`; a model with parents or no auto id is refused.
    """

    def __init__(self, model: type[Model]) -> None:
        meta = model._meta
        if meta.parents or meta.auto_field is None:
            raise ValueError(f"{model.__name__}: only for a model of its own with an auto id.")
        self.model = model
        self.fields = [
            f for f in meta.local_concrete_fields if not f.generated and f is not meta.auto_field
        ]
        self.returning = meta.db_returning_fields
        self._compiled: WeakKeyDictionary[BaseDatabaseWrapper, tuple[str, Any, Any]] = (
            WeakKeyDictionary()
        )

    def _compile(self, connection: BaseDatabaseWrapper, instance: Model) -> tuple[str, Any, Any]:
        query = InsertQuery(self.model)
        query.insert_values(self.fields, [instance])
        compiler = query.get_compiler(connection=connection)
        compiler.returning_fields = self.returning
        ((sql, _params),) = compiler.as_sql()
        cols = [f.get_col(self.model._meta.db_table) for f in self.returning]
        compiled = (sql, compiler, compiler.get_converters(cols))
        self._compiled[connection] = compiled
        return compiled

    def _plain(self, connection: BaseDatabaseWrapper, instance: Model) -> bool:
        """Whether the prepared INSERT does all that `save()` would: no save signal to
        send, no id given, the new row's columns returned by the INSERT itself, and no
        value that is an expression or a database default (the ORM writes those into
        the SQL)."""
        return (
            instance.pk is None
            and connection.features.can_return_columns_from_insert
            and not signals.pre_save.has_listeners(self.model)
            and not signals.post_save.has_listeners(self.model)
            and not any(
                hasattr(getattr(instance, f.attname), "resolve_expression") for f in self.fields
            )
        )

    def create(self, using: str = DEFAULT_DB_ALIAS, **values: Any) -> Any:
        connection = connections[using]
        instance = self.model(**values)
        if not self._plain(connection, instance):
            instance.save(force_insert=True, using=using)  # what create() does
            return instance
        instance._prepare_related_fields_for_save(operation_name="save")  # type: ignore[attr-defined]
        compiled = self._compiled.get(connection) or self._compile(connection, instance)
        sql, compiler, converters = compiled
        params = [f.get_db_prep_save(f.pre_save(instance, True), connection) for f in self.fields]
        with transaction.mark_for_rollback_on_error(using), connection.cursor() as cursor:
            cursor.execute(sql, params)
            ops: Any = connection.ops  # fetch_returned_insert_columns: missing from django-stubs
            row = ops.fetch_returned_insert_columns(cursor, compiler.returning_params)
        if converters:
            (row,) = compiler.apply_converters([row], converters)
        for value, field in zip(row, self.returning, strict=True):
            setattr(instance, field.attname, value)
        instance._state.db = using
        instance._state.adding = False
        return instance

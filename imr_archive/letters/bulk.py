"""Fast inserts for the new rows of the ingest's hot path.

`bulk_create` compiles every field of every object through the ORM; for the
few rows of one letter that was most of the cost of storing it. These
prepare only the values whose database form differs from the Python one
(dates, times, JSON) and set the primary keys of new model instances.
On PostgreSQL rows go by COPY, their ids drawn from the table's sequence
first (a multi-row INSERT of a hundred letters is megabytes of SQL that
psycopg's client-side binding scans and the server parses again); elsewhere
by multi-row INSERTs (SQLite >= 3.35 returns the new ids in order).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from operator import attrgetter

from django.db import DEFAULT_DB_ALIAS, connection, connections, models

# Fields whose database value is not the Python one (DateTimeField is a DateField).
_PREPARED = (models.DateField, models.JSONField, models.FileField)
# Parameters per statement: under SQLite's limit (32,766), far under PostgreSQL's (65,535).
MAX_PARAMETERS = 30_000


def _chunks(items: Sequence, width: int) -> Iterator[Sequence]:
    """Slices of `items` whose rows of `width` values fit in one statement."""
    size = max(1, MAX_PARAMETERS // width)
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _values_sql(table: str, columns: Sequence[str], rows: int) -> str:
    quote = connection.ops.quote_name
    row = "(" + ", ".join(["%s"] * len(columns)) + ")"
    return f"INSERT INTO {quote(table)} ({', '.join(map(quote, columns))}) VALUES {', '.join([row] * rows)}"


def insert_returning_ids(objs: list[models.Model]) -> None:
    """Insert new instances of one model and set their primary keys."""
    if not objs:
        return
    meta = type(objs[0])._meta
    fields = [f for f in meta.concrete_fields if not f.primary_key]
    columns = [f.column for f in fields]
    readers = [_value_reader(field) for field in fields]
    rows = [[read(obj) for read in readers] for obj in objs]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            ids = _next_ids(cursor, meta.db_table, meta.pk.column, len(objs))
            with_ids = [[pk, *row] for pk, row in zip(ids, rows, strict=True)]
            _copy(cursor, meta.db_table, [meta.pk.column, *columns], with_ids)
        else:
            ids = []
            for chunk in _chunks(rows, len(fields)):
                sql = _values_sql(meta.db_table, columns, len(chunk))
                cursor.execute(f"{sql} RETURNING {connection.ops.quote_name(meta.pk.column)}",
                               [value for row in chunk for value in row])
                ids += [pk for (pk,) in cursor.fetchall()]
    for obj, pk in zip(objs, ids, strict=True):
        obj.pk = pk
        obj._state.adding = False
        obj._state.db = connection.alias


def insert_rows(table: str, columns: Sequence[str], rows: list[tuple]) -> None:
    """Insert plain rows (no model instances), many per statement where executemany sends one each."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _copy(cursor, table, columns, rows)
            return
        for chunk in _chunks(rows, len(columns)):
            cursor.execute(_values_sql(table, columns, len(chunk)), [value for row in chunk for value in row])


def _value_reader(field: models.Field) -> Callable[[models.Model], object]:
    """How to read the field's database value from an instance: most are the attribute as it is."""
    if not isinstance(field, _PREPARED):
        return attrgetter(field.attname)
    database = connections[DEFAULT_DB_ALIAS]  # once, not through the proxy for every value
    # pre_save fills auto_now and auto_now_add.
    return lambda obj: field.get_db_prep_save(field.pre_save(obj, True), database)


def _next_ids(cursor, table: str, column: str, count: int) -> list[int]:
    """`count` fresh ids from the sequence behind `table`.`column` (what INSERT would draw)."""
    cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                   [table, column, count])
    return [pk for (pk,) in cursor.fetchall()]


def _copy(cursor, table: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """COPY rows in; the driver's errors become Django's (IntegrityError...), as those of any other statement."""
    quote = connection.ops.quote_name
    with connection.wrap_database_errors, cursor.cursor.copy(
            f"COPY {quote(table)} ({', '.join(map(quote, columns))}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)

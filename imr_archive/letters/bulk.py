"""One multi-row INSERT ... RETURNING for new rows of the ingest's hot path.

`bulk_create` compiles every field of every object through the ORM; for the
few rows of one letter that was most of the cost of storing it. This inserts
the same model instances in one statement, preparing only the values whose
database form differs from the Python one (dates, times, JSON), and sets
their primary keys (SQLite >= 3.35 and PostgreSQL return them in order).
"""

from __future__ import annotations

from django.db import connection, models

# Fields whose database value is not the Python one (DateTimeField is a DateField).
_PREPARED = (models.DateField, models.JSONField, models.FileField)


def insert_returning_ids(objs: list[models.Model]) -> None:
    """Insert new instances of one model and set their primary keys."""
    if not objs:
        return
    meta = type(objs[0])._meta
    fields = [f for f in meta.concrete_fields if not f.primary_key]
    quote = connection.ops.quote_name
    params: list[object] = []
    for obj in objs:
        for field in fields:
            value = field.pre_save(obj, True)  # fills auto_now and auto_now_add
            params.append(field.get_db_prep_save(value, connection) if isinstance(field, _PREPARED) else value)
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    sql = (f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
           f"VALUES {', '.join([row] * len(objs))} RETURNING {quote(meta.pk.column)}")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for obj, (pk,) in zip(objs, cursor.fetchall(), strict=True):
            obj.pk = pk
            obj._state.adding = False
            obj._state.db = connection.alias

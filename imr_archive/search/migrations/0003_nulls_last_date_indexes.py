"""Date indexes of the PostgreSQL search table, created on PostgreSQL only (SQLite cannot index NULLS LAST)."""

from django.db import migrations

INDEXES = {
    "search_newest_first": "decision_date DESC NULLS LAST, issue_id DESC",
    "search_oldest_first": "decision_date ASC NULLS LAST, issue_id ASC",
}


def create_date_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, columns in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX {name} ON search_issuesearchdocument ({columns})")


def drop_date_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0002_narrow_rum"),
    ]

    operations = [
        migrations.RunPython(create_date_indexes, drop_date_indexes),
    ]

"""The items citing each guideline page with their combinations, counted by a guideline page view (models.py)."""

import django.db.models.deletion
from django.db import migrations, models

BACKFILL = """
INSERT INTO search_citingitem (issue_id, letter_id, guideline_id, page, combination_id)
SELECT DISTINCT p.issue_id, d.letter_id, p.guideline_id, p.page, d.combination_id
FROM search_issuesearchdocument d JOIN letters_citedpage p ON p.issue_id = d.issue_id
"""


def fill_citing_items(apps, schema_editor):
    """The rows of the items indexed before this migration (PostgreSQL only: on SQLite the table is empty)."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKFILL)


class Migration(migrations.Migration):

    dependencies = [
        ("letters", "0006_outcome_newest_index"),
        ("search", "0006_issue_combination_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="CitingItem",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("letter_id", models.BigIntegerField(
                    db_index=True, help_text="The item's letter (for re-indexing by letter).")),
                ("guideline_id", models.IntegerField()),
                ("page", models.PositiveIntegerField()),
                ("combination_id", models.IntegerField(help_text="The item's FacetCombination.")),
                ("issue", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+",
                                            to="letters.issue")),
            ],
            options={
                "indexes": [models.Index(fields=["guideline_id", "page"], include=("combination_id",),
                                         name="citing_item_page")],
            },
        ),
        migrations.RunPython(fill_citing_items, migrations.RunPython.noop),
    ]

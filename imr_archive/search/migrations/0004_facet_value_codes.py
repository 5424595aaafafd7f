"""Numbers for the facet values, which the PostgreSQL search table's counts group by (search/models.py)."""

from django.db import migrations, models

# Number the facet values of the rows indexed before this migration, and give each row its numbers.
NUMBER_VALUES = """
INSERT INTO search_facetvalue (facet, value)
SELECT DISTINCT named.facet, named.value
FROM search_issuesearchdocument d
CROSS JOIN LATERAL (VALUES ('outcome', d.outcome), ('category', d.category),
                           ('specialty', d.reviewer_specialty)) AS named(facet, value)
ON CONFLICT DO NOTHING
"""
BACKFILL = """
UPDATE search_issuesearchdocument d
SET outcome_code = (SELECT id FROM search_facetvalue WHERE facet = 'outcome' AND value = d.outcome),
    category_code = (SELECT id FROM search_facetvalue WHERE facet = 'category' AND value = d.category),
    specialty_code = (SELECT id FROM search_facetvalue WHERE facet = 'specialty' AND value = d.reviewer_specialty)
"""


def number_facet_values(apps, schema_editor):
    """Fill the codes of the rows already indexed (PostgreSQL only: on SQLite the table is empty).

    The full-text index is dropped meanwhile and built again after: updating
    every row would otherwise add an entry per row to it, about 2 ms each.
    """
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(NUMBER_VALUES)
    schema_editor.execute("DROP INDEX IF EXISTS search_document_rum")
    schema_editor.execute(BACKFILL)
    schema_editor.execute("CREATE INDEX search_document_rum ON search_issuesearchdocument "
                          "USING rum (document rum_tsvector_ops)")


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0003_nulls_last_date_indexes'),
    ]

    operations = [
        migrations.AddField(
            model_name='issuesearchdocument',
            name='category_code',
            field=models.IntegerField(null=True),
        ),
        migrations.AddField(
            model_name='issuesearchdocument',
            name='outcome_code',
            field=models.IntegerField(null=True),
        ),
        migrations.AddField(
            model_name='issuesearchdocument',
            name='specialty_code',
            field=models.IntegerField(null=True),
        ),
        migrations.CreateModel(
            name='FacetValue',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('facet', models.CharField(max_length=20)),
                ('value', models.CharField(max_length=60)),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('facet', 'value'), name='unique_facet_value')],
            },
        ),
        migrations.RunPython(number_facet_values, migrations.RunPython.noop),
    ]

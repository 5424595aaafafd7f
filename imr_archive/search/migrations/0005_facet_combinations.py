"""The counts group by one number per item, its FacetCombination, instead of five columns (search/models.py)."""

import django.contrib.postgres.fields
from django.db import migrations, models

# Each row's facet values, as a FacetCombination holds them (the year 0 when unknown, the ids sorted).
ROW_FACETS = """
SELECT issue_id, outcome, category, reviewer_specialty, coalesce(decision_year, 0) AS decision_year,
       ARRAY(SELECT DISTINCT g FROM unnest(coalesce(guideline_ids, '{}')) AS g ORDER BY 1) AS guideline_ids
FROM search_issuesearchdocument
"""
NUMBER_COMBINATIONS = f"""
INSERT INTO search_facetcombination (outcome, category, reviewer_specialty, decision_year, guideline_ids)
SELECT DISTINCT outcome, category, reviewer_specialty, decision_year, guideline_ids FROM ({ROW_FACETS}) item
ORDER BY 1, 2, 3, 4, 5
ON CONFLICT DO NOTHING
"""
BACKFILL = f"""
WITH numbered AS (
    SELECT item.issue_id, c.id
    FROM ({ROW_FACETS}) item JOIN search_facetcombination c
         USING (outcome, category, reviewer_specialty, decision_year, guideline_ids))
UPDATE search_issuesearchdocument d SET combination_id = numbered.id FROM numbered WHERE numbered.issue_id = d.issue_id
"""


def number_combinations(apps, schema_editor):
    """Number the rows indexed before this migration (PostgreSQL only: on SQLite the table is empty).

    The full-text index is dropped meanwhile and built again after: updating
    every row would otherwise add an entry per row to it, about 2 ms each.
    """
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(NUMBER_COMBINATIONS)
    schema_editor.execute("DROP INDEX IF EXISTS search_document_rum")
    schema_editor.execute(BACKFILL)
    schema_editor.execute("CREATE INDEX search_document_rum ON search_issuesearchdocument "
                          "USING rum (document rum_tsvector_ops)")


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0004_facet_value_codes'),
    ]

    operations = [
        migrations.CreateModel(
            name='FacetCombination',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('outcome', models.CharField(max_length=12)),
                ('category', models.CharField(max_length=40)),
                ('reviewer_specialty', models.CharField(max_length=60)),
                ('decision_year', models.PositiveSmallIntegerField()),
                ('guideline_ids', django.contrib.postgres.fields.ArrayField(base_field=models.IntegerField(), help_text='Ids of the guidelines the items cite, sorted.', size=None)),
            ],
        ),
        migrations.AddConstraint(
            model_name='facetcombination',
            constraint=models.UniqueConstraint(fields=('outcome', 'category', 'reviewer_specialty', 'decision_year', 'guideline_ids'), name='unique_facet_combination'),
        ),
        migrations.AddField(
            model_name='issuesearchdocument',
            name='combination_id',
            field=models.IntegerField(null=True),
        ),
        migrations.RunPython(number_combinations, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='issuesearchdocument',
            name='category_code',
        ),
        migrations.RemoveField(
            model_name='issuesearchdocument',
            name='guideline_ids',
        ),
        migrations.RemoveField(
            model_name='issuesearchdocument',
            name='outcome_code',
        ),
        migrations.RemoveField(
            model_name='issuesearchdocument',
            name='specialty_code',
        ),
        migrations.DeleteModel(
            name='FacetValue',
        ),
    ]

"""The PostgreSQL backend's search table: one narrow row per Issue.

Each row holds the item's weighted tsvector and copies of the columns a
search filters, counts and sorts by, so that a search with words reads this
table alone, never the wide rows holding the rationale. Maintained by the
ingest (through `service.reindex_letters`), not a generated column: the
vector mixes the item's text with its letter's case summary and diagnoses,
and a generated column cannot read another table.

The full-text index is a RUM index (the `rum` extension), created by the
migration on PostgreSQL only: it answers phrases from the positions it
stores and returns matches in relevance order, so a results page does not
read every match's vector. Two date indexes (NULLS LAST, which SQLite's
indexes cannot say) serve a page of matches by date. On SQLite the table
exists but stays empty (the Whoosh backend serves there).

The facet counts group the rows by small integers (FacetValue ids) rather
than the facet texts: hashing integers is the cheaper part of counting a
hundred thousand matches (about a fifth of the counting time at 100,000
letters). The texts stay for the filters.
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchVectorField
from django.db import models

from imr_archive.letters.models import Issue


class FacetValue(models.Model):
    """A value of the outcome, category or specialty facet, numbered for the search table's counts."""

    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=60)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["facet", "value"], name="unique_facet_value")]

    def __str__(self) -> str:
        return f"{self.facet}: {self.value}"


class IssueSearchDocument(models.Model):
    issue = models.OneToOneField(Issue, on_delete=models.CASCADE, primary_key=True, related_name="search_document")
    letter_id = models.BigIntegerField(db_index=True, help_text="The item's letter (for re-indexing by letter).")
    document = SearchVectorField(
        help_text="treatment (weight A), guideline lines (B), rationale (C), case summary and diagnoses (D).")
    stamp = models.CharField(max_length=40, help_text="The letter's modified time when indexed: tells stale rows.")
    # Copies of the item's facet and sort columns (see the module's docstring).
    outcome = models.CharField(max_length=12, default="")
    category = models.CharField(max_length=40, default="")
    reviewer_specialty = models.CharField(max_length=60, default="")
    decision_year = models.PositiveSmallIntegerField(null=True)
    # The FacetValue ids of outcome, category and reviewer_specialty (no foreign keys: only counts read them).
    outcome_code = models.IntegerField(null=True)
    category_code = models.IntegerField(null=True)
    specialty_code = models.IntegerField(null=True)
    decision_date = models.DateField(null=True)
    guideline_ids = ArrayField(models.IntegerField(), null=True,  # no default: SQLite cannot add one
                               help_text="Ids of the guidelines the item cites (the guideline facet).")

    def __str__(self) -> str:
        return f"search document of issue {self.issue_id}"

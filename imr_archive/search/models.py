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
indexes cannot say) serve a page of matches by date, and an index of
(issue_id, combination_id) lets a count read every item's combination
without reading the table (migration 0006). On SQLite the table exists but
stays empty (the Whoosh backend serves there).

The facet counts group the rows by one small integer, the item's
FacetCombination (its outcome, category, specialty, year and cited
guidelines together), and only then by each facet over the combinations
found. Grouping the matches by five columns, one of them an array, was
most of the counting time: 1.3 s of 1.4 s for all 2 million items of the
million-letter benchmark archive, where counting them takes 0.07 s. The
texts stay on the row for the filters.
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchVectorField
from django.db import models

from imr_archive.letters.models import Issue


class FacetCombination(models.Model):
    """One combination of facet values some item has: what the search table's counts group by.

    About 14,000 combinations cover the 200,000 items of the benchmark's
    100,000 letters (its million repeats them). `decision_year` is 0
    when the item has no decision date (a unique constraint treats NULLs as
    distinct); `guideline_ids` are sorted.
    """

    outcome = models.CharField(max_length=12)
    category = models.CharField(max_length=40)
    reviewer_specialty = models.CharField(max_length=60)
    decision_year = models.PositiveSmallIntegerField()
    guideline_ids = ArrayField(models.IntegerField(), help_text="Ids of the guidelines the items cite, sorted.")

    class Meta:
        constraints = [models.UniqueConstraint(
            fields=["outcome", "category", "reviewer_specialty", "decision_year", "guideline_ids"],
            name="unique_facet_combination")]

    def __str__(self) -> str:
        return f"{self.outcome} / {self.category} / {self.reviewer_specialty} / {self.decision_year}"


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
    # The item's FacetCombination (no foreign key: only the counts read it).
    combination_id = models.IntegerField(null=True)
    decision_date = models.DateField(null=True)

    def __str__(self) -> str:
        return f"search document of issue {self.issue_id}"


class CitingItem(models.Model):
    """One item citing one guideline page, with the item's FacetCombination.

    A guideline page view without words or other filters counts these rows
    alone, one index range per page. Finding each citing item's combination
    through the search table cost a lookup per item: 0.5 to 0.8 s for the
    130,000 to 210,000 items citing one of the most cited pages of the
    million-letter benchmark archive. Written and removed with the item's
    search row; an item citing a page twice has one row for it.
    """

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="+")
    letter_id = models.BigIntegerField(db_index=True, help_text="The item's letter (for re-indexing by letter).")
    guideline_id = models.IntegerField()
    page = models.PositiveIntegerField()
    combination_id = models.IntegerField(help_text="The item's FacetCombination.")

    class Meta:
        indexes = [models.Index(fields=["guideline_id", "page"], include=["combination_id"],
                                name="citing_item_page")]

    def __str__(self) -> str:
        return f"issue {self.issue_id} cites page {self.page} of guideline {self.guideline_id}"

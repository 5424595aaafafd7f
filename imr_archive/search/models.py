"""The PostgreSQL backend's search table: one weighted tsvector per Issue.

Maintained by the ingest (through `service.reindex_letters`), not a generated
column: the vector mixes the item's text with its letter's case summary and
diagnoses, and a generated column cannot read another table. The GIN index is
created by the migration on PostgreSQL only; on SQLite the table exists but
stays empty (the Whoosh backend serves there).
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models

from imr_archive.letters.models import Issue


class IssueSearchDocument(models.Model):
    issue = models.OneToOneField(Issue, on_delete=models.CASCADE, primary_key=True, related_name="search_document")
    letter_id = models.BigIntegerField(db_index=True, help_text="The item's letter (for re-indexing by letter).")
    document = SearchVectorField(
        help_text="treatment (weight A), guideline lines (B), rationale (C), case summary and diagnoses (D).")
    stamp = models.CharField(max_length=40, help_text="The letter's modified time when indexed: tells stale rows.")

    def __str__(self) -> str:
        return f"search document of issue {self.issue_id}"

"""Keep the full-text index in step with the database, in batches."""

from __future__ import annotations

from types import TracebackType

from django.db import transaction

from imr_archive.search.service import reindex_letters

BATCH_SIZE = 500


class IndexBatch:
    """Collects letter ids and re-indexes them a batch at a time (one index commit per batch).

    Ingesting thousands of letters then costs a few index commits instead of
    one per letter. Should the process die between the database and the
    index, `check_index` reports the drift and `rebuild_index` mends it.
    """

    def __init__(self, batch_size: int = BATCH_SIZE) -> None:
        self.batch_size = batch_size
        self.pending: list[int] = []

    def add(self, letter_id: int) -> None:
        self.pending.append(letter_id)
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            reindex_letters(self.pending)
            self.pending = []

    def __enter__(self) -> IndexBatch:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.flush()


def reindex_on_commit(letter_id: int) -> None:
    """Re-index one letter once the current transaction commits (now, outside one)."""
    transaction.on_commit(lambda: reindex_letters([letter_id]))

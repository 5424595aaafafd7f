"""Keep the full-text index in step with the database, in batches."""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import ExitStack
from types import TracebackType

from django.db import transaction

from imr_archive.search.errors import IndexBusy
from imr_archive.search.service import reindex_letters, text_index

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
BULK_BATCH_SIZE = 1000


class IndexBatch:
    """Collects letter ids and re-indexes them a batch at a time (one index commit per batch).

    Ingesting thousands of letters then costs a few index commits instead of
    one per letter. With `bulk` (a run that at least doubles the archive)
    the batches go through the backend's bulk path, cheaper per letter: one
    Whoosh writer and commit for the whole run, or the search rows written
    with the PostgreSQL full-text index dropped and built at the end. Should
    the process die between the database and the index, `check_index`
    reports the drift and `rebuild_index` mends it.
    """

    def __init__(self, batch_size: int = BATCH_SIZE, *, bulk: bool = False) -> None:
        self.bulk = bulk
        self.batch_size = BULK_BATCH_SIZE if bulk else batch_size
        self.pending: list[int] = []
        self._stack = ExitStack()
        self._index: Callable[[list[int]], None] = reindex_letters

    def add(self, letter_id: int) -> None:
        self.pending.append(letter_id)
        if len(self.pending) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        ids, self.pending = self.pending, []
        if ids:
            self._index(ids)

    def __enter__(self) -> IndexBatch:
        if self.bulk:
            self._index = self._stack.enter_context(text_index().bulk())
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        with self._stack:
            self.flush()


def rebuild_index(letter_ids: list[int], progress: Callable[[int], None]) -> None:
    """The index anew, from the database: emptied, then every letter through the bulk path."""
    index = text_index()
    index.clear()
    with index.bulk() as replace:
        for start in range(0, len(letter_ids), BULK_BATCH_SIZE):
            batch = letter_ids[start:start + BULK_BATCH_SIZE]
            replace(batch)
            progress(len(batch))


def reindex_on_commit(letter_id: int, when_busy: Callable[[str], None]) -> None:
    """Re-index one letter once the current transaction commits (now, outside one).

    The letter is saved whatever happens: should the index stay locked by
    another writer, `when_busy` gets the one-line reason (for the admin to
    show) and `check_index` will list the letter as stale.
    """
    def reindex() -> None:
        try:
            reindex_letters([letter_id])
        except IndexBusy as error:
            logger.warning("letter %s saved but not re-indexed: %s", letter_id, error)
            when_busy(str(error))

    transaction.on_commit(reindex)

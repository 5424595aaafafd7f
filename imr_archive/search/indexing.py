"""When the writers of letters bring the index up to date: as a long run goes, and after an edit commits."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction

from imr_archive.letters.outbox import latest_sequence
from imr_archive.search.errors import IndexBusy, IndexOutOfStep
from imr_archive.search.sync import SyncReport, sync_index

logger = logging.getLogger(__name__)

# An edit applies at most this many changes after it commits: should the index be far behind (another
# node's bulk ingest), the request does not do sync_index's work; the edit shows once that is done.
EDIT_SYNC_LIMIT = 500


class SyncAsItGoes:
    """Makes a long run's letters searchable as it goes: a sync every `every` letters it commits, one at the end.

    A sync during the run never waits: when another process holds the
    index, that one applies what it can and this run's next sync the rest.
    The last one waits up to IMR_INDEX_LOCK_TIMEOUT (IndexBusy after that).
    """

    def __init__(self, every: int) -> None:
        self.every = every
        self.committed = 0

    def committed_one(self) -> None:
        """One more letter changed and committed."""
        self.committed += 1
        if self.committed >= self.every:
            self.committed = 0
            try:
                sync_index(timeout=0)
            except (IndexBusy, IndexOutOfStep, ImproperlyConfigured) as error:
                logger.info("sync during the run skipped: %s", error)

    def finish(self) -> SyncReport:
        return sync_index()


def sync_after_commit(when_behind: Callable[[str], None]) -> None:
    """Apply the changes of the current transaction to the index once it commits (now, outside one).

    What was saved stays saved whatever happens: should the index stay
    locked, or be too far behind to catch up within the request,
    `when_behind` gets the one-line reason (for the admin to show) and
    `sync_index` applies the change later.
    """
    def apply() -> None:
        ours = latest_sequence()  # the transaction's changes are this one or earlier
        try:
            report = sync_index(limit=EDIT_SYNC_LIMIT)
        except (IndexBusy, IndexOutOfStep, ImproperlyConfigured) as error:
            logger.warning("saved but not yet in the search index: %s", error)
            when_behind(str(error))
            return
        if report.applied < ours:
            when_behind(f"the search index has {report.pending} change(s) to apply, this one among them")

    transaction.on_commit(apply)

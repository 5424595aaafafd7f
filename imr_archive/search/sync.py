"""The index follows the database: apply the outbox's changes after the index's cursor, in order.

`sync_index()` is what `manage.py sync_index` runs, and what the ingest,
uploads and admin edits call once they have committed. It takes the
writers' lock, reads the changes after `applied-sequence` a chunk at a
time, re-indexes each chunk's letters from the database (a letter changed
five times is indexed once; a deleted one loses its documents), commits the
index and only then moves the cursor. A crash anywhere leaves the cursor at
or behind the index, so the next sync applies the rest: idempotent by
construction, safe from cron, at start-up or in a loop.

`rebuild_index()` builds the index anew from every letter and sets the
cursor to the last change committed before it read them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings

from imr_archive.letters.models import Letter
from imr_archive.letters.outbox import changes_after, count_after, latest_sequence
from imr_archive.search.cursor import (
    applied_sequence,
    forget_applied_sequence,
    set_applied_sequence,
    writers_lock,
)
from imr_archive.search.documents import documents_for_letters
from imr_archive.search.errors import IndexOutOfStep
from imr_archive.search.service import TextIndex, text_index

CHUNK_CHANGES = 5_000  # outbox rows applied per index commit (the cursor moves after each)
BULK_MIN_LETTERS = 1_000  # a chunk re-indexing this many letters goes through the engine's bulk path
BULK_SLICE = 1_000  # letters whose documents are built at a time on the bulk path


@dataclass
class SyncReport:
    changes: int = 0  # outbox rows applied by this call
    letters: int = 0  # letters re-indexed by this call
    applied: int = 0  # the index's cursor afterwards
    pending: int = 0  # changes still after the cursor (a limit or a stop request ended the call)


def sync_index(*, timeout: float | None = None, limit: int | None = None,
               should_stop: Callable[[], bool] = lambda: False,
               progress: Callable[[int], None] = lambda changes: None) -> SyncReport:
    """Apply the changes committed after the index's cursor, at most `limit` of them.

    Waits up to `timeout` seconds (IMR_INDEX_LOCK_TIMEOUT by default) for
    another writer, then raises IndexBusy; returns early, without the lock,
    when that writer has applied every change committed before this call.
    Between chunks, stops when `should_stop()` says so.
    """
    applied = applied_sequence()  # before the latest change: a sync elsewhere may move it meanwhile
    target = latest_sequence()
    if applied > target:
        raise IndexOutOfStep(f"the search index in {settings.IMR_INDEX_DIR} has applied change {applied} but the "
                             f"database's last change is {target}: it was built from another database; "
                             "run manage.py rebuild_index")
    if applied == target:
        return SyncReport(applied=applied)
    wait = settings.IMR_INDEX_LOCK_TIMEOUT if timeout is None else timeout
    with writers_lock(wait, done=lambda: applied_sequence() >= target) as held:
        if not held:
            applied = applied_sequence()
            return SyncReport(applied=applied, pending=count_after(applied))
        return _apply(text_index(), limit, should_stop, progress)


def _apply(index: TextIndex, limit: int | None, should_stop: Callable[[], bool],
           progress: Callable[[int], None]) -> SyncReport:
    report = SyncReport(applied=applied_sequence())  # read again under the lock
    while limit is None or report.changes < limit:
        wanted = CHUNK_CHANGES if limit is None else min(CHUNK_CHANGES, limit - report.changes)
        changes = changes_after(report.applied, wanted)
        if not changes:
            break
        letters = list(dict.fromkeys(letter_id for _, letter_id in changes))
        _reindex(index, letters)
        report.applied = changes[-1][0]
        set_applied_sequence(report.applied)
        report.changes += len(changes)
        report.letters += len(letters)
        progress(len(changes))
        if should_stop():
            break
    report.pending = count_after(report.applied)
    return report


def _reindex(index: TextIndex, letter_ids: list[int]) -> None:
    """Replace the documents of these letters by what the database holds now (none for a deleted one)."""
    if len(letter_ids) < BULK_MIN_LETTERS:
        index.replace_letters(letter_ids, documents_for_letters(letter_ids))
        return
    with index.bulk() as replace:
        for start in range(0, len(letter_ids), BULK_SLICE):
            replace(letter_ids[start:start + BULK_SLICE])


@dataclass
class RebuildPlan:
    sequence: int  # the last change committed before the letters were listed
    letter_ids: list[int]


def plan_rebuild() -> RebuildPlan:
    """The letters to index, and the change the index will then be up to (read first, so none is skipped)."""
    sequence = latest_sequence()
    return RebuildPlan(sequence, list(Letter.objects.order_by("id").values_list("id", flat=True)))


def rebuild_index(plan: RebuildPlan, progress: Callable[[int], None] = lambda letters: None) -> None:
    """Empty the index and index every letter of the plan through the bulk path; the cursor follows.

    Changes committed since the plan was made come after its sequence: the
    next sync applies them again, which does no harm.
    """
    index = text_index()
    with writers_lock(settings.IMR_INDEX_LOCK_TIMEOUT):
        forget_applied_sequence()
        index.clear()
        with index.bulk() as replace:
            for start in range(0, len(plan.letter_ids), BULK_SLICE):
                batch = plan.letter_ids[start:start + BULK_SLICE]
                replace(batch)
                progress(len(batch))
        set_applied_sequence(plan.sequence)

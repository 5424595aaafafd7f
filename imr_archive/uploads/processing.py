"""Read the staged files of a batch through the ingest service, one at a time, off the request.

Why a thread: the upload request only stages the files and answers with a
redirect to the batch page, so no upload waits on parsing, whatever its size.
A daemon thread in the web process reads the batch; one batch at a time per
process (SQLite and the Whoosh index take one writer anyway). Nothing to
install or run beside the web server, which suits the embedded set-up.

What a thread cannot promise, the database does: every file's state is a row.
A file is claimed by a conditional UPDATE (pending -> processing), so two
workers never read the same file; should the process stop mid-batch (a
restart), `manage.py process_uploads` puts files stuck "being read" back in the
queue and finishes every batch not done, from any server.

IMR_UPLOAD_PROCESS_INLINE=True processes the batch inside the request
instead (tests; a set-up that wants no threads).
"""

from __future__ import annotations

import logging
import threading
import zipfile
from contextlib import ExitStack
from datetime import timedelta

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connections, transaction
from django.utils import timezone

from imr_archive.letters.ingest import IngestResult, Status, ingest_file
from imr_archive.search.indexing import IndexBatch
from imr_archive.uploads import archives
from imr_archive.uploads.intake import STAGING
from imr_archive.uploads.models import UploadBatch, UploadedFile

logger = logging.getLogger(__name__)

# Letters become searchable this many at a time while a batch runs (one index commit each).
INDEX_BATCH = 25
# A file "being read" for longer than this was abandoned by a stopped process.
STALE_AFTER = timedelta(minutes=30)

_STATUS = {Status.NEW: UploadedFile.NEW, Status.UNCHANGED: UploadedFile.UNCHANGED,
           Status.REPLACED: UploadedFile.REPLACED, Status.FAILED: UploadedFile.FAILED}
_one_batch_at_a_time = threading.Lock()


def schedule(batch_id: int) -> None:
    """Have the batch processed: now when IMR_UPLOAD_PROCESS_INLINE, else by a thread once the batch is committed."""
    if settings.IMR_UPLOAD_PROCESS_INLINE:
        process_batch(batch_id)
    else:
        transaction.on_commit(lambda: _start_thread(batch_id))


def thread_name(batch_id: int) -> str:
    """The name of the thread that reads a batch (what a debugger or a test finds it by)."""
    return f"imr-upload-{batch_id}"


def _start_thread(batch_id: int) -> None:
    threading.Thread(target=_work, args=(batch_id,), name=thread_name(batch_id), daemon=True).start()


def _work(batch_id: int) -> None:
    try:
        with _one_batch_at_a_time:
            process_batch(batch_id)
    except Exception:  # noqa: BLE001 - a thread has no caller to tell; the batch stays resumable
        logger.exception("upload batch %s stopped; `manage.py process_uploads` resumes it", batch_id)
    finally:
        connections.close_all()  # this thread's own connections


def process_batch(batch_id: int) -> None:
    """Read every waiting file of the batch, record each outcome, index the letters, then close the batch."""
    now = timezone.now()
    UploadBatch.objects.filter(pk=batch_id, status=UploadBatch.QUEUED).update(
        status=UploadBatch.PROCESSING, started=now, modified=now)
    try:
        with IndexBatch(INDEX_BATCH) as index, _StagedFiles() as staged:
            while (row := _claim_next(batch_id)) is not None:
                result = _read_one(row, staged)
                _record(row, result)
                if result.status in (Status.NEW, Status.REPLACED):
                    index.add(result.letter_id)
    finally:
        _finish(batch_id)


def resume_interrupted(stale_after: timedelta = STALE_AFTER) -> list[int]:
    """Requeue files left "being read" longer than `stale_after`; return the ids of the batches not done."""
    now = timezone.now()
    UploadedFile.objects.filter(status=UploadedFile.PROCESSING, modified__lt=now - stale_after).update(
        status=UploadedFile.PENDING, modified=now)
    return list(UploadBatch.objects.exclude(status=UploadBatch.DONE).order_by("id").values_list("id", flat=True))


def sweep_staging(stale_after: timedelta = STALE_AFTER) -> int:
    """Delete staged copies no waiting file refers to (left by a process stopped mid-upload); return how many."""
    if not default_storage.exists(STAGING):
        return 0
    cutoff = timezone.now() - stale_after
    waiting = set(UploadedFile.objects.filter(status__in=UploadedFile.WAITING).values_list("staged_name", flat=True))
    swept = 0
    for name in default_storage.listdir(STAGING)[1]:
        path = f"{STAGING}/{name}"
        if path not in waiting and default_storage.get_modified_time(path) < cutoff:
            default_storage.delete(path)
            swept += 1
    return swept


def _claim_next(batch_id: int) -> UploadedFile | None:
    """The next pending file of the batch, marked as being read by this worker (None when none is left)."""
    waiting = UploadedFile.objects.filter(batch_id=batch_id, status=UploadedFile.PENDING)
    while (row := waiting.order_by("position").first()) is not None:
        if waiting.filter(pk=row.pk).update(status=UploadedFile.PROCESSING, modified=timezone.now()):
            return row
    return None


def _read_one(row: UploadedFile, staged: _StagedFiles) -> IngestResult:
    """The ingest service's verdict on one staged file; never raises."""
    try:
        data = staged.read(row)
    except archives.Refused as refusal:
        return IngestResult(row.name, Status.FAILED, reason=str(refusal))
    except (OSError, zipfile.BadZipFile) as error:
        return IngestResult(row.name, Status.FAILED, reason=f"the uploaded copy could not be read ({error})")
    try:
        # The base name only: whatever path the zip gave, the original is stored under MEDIA_ROOT/originals/.
        return ingest_file(data, archives.base_name(row.name))
    except Exception as error:  # noqa: BLE001 - one file's surprise must not stop the rest of the batch
        logger.exception("upload file %s (%s) failed", row.pk, row.name)
        return IngestResult(row.name, Status.FAILED, reason=f"could not be read ({type(error).__name__}); "
                                                            "please report it")


def _record(row: UploadedFile, result: IngestResult) -> None:
    row.status = _STATUS.get(result.status, UploadedFile.FAILED)
    row.reason = result.reason[:500]
    row.warnings = [] if result.failed else list(result.warnings)
    row.letter_id = None if result.failed else result.letter_id
    row.save(update_fields=["status", "reason", "warnings", "letter", "modified"])


def _finish(batch_id: int) -> None:
    """Close the batch once no file is waiting, and delete its staged copies."""
    if UploadedFile.objects.filter(batch_id=batch_id, status__in=UploadedFile.WAITING).exists():
        return
    now = timezone.now()
    closed = UploadBatch.objects.filter(pk=batch_id).exclude(status=UploadBatch.DONE).update(
        status=UploadBatch.DONE, finished=now, modified=now)
    if closed:
        names = UploadedFile.objects.filter(batch_id=batch_id).exclude(staged_name="")
        for name in set(names.values_list("staged_name", flat=True)):
            default_storage.delete(name)


class _StagedFiles:
    """The batch's staged files, each zip opened once (its directory is not re-read for every member)."""

    def __init__(self) -> None:
        self._stack = ExitStack()
        self._zips: dict[str, zipfile.ZipFile] = {}

    def read(self, row: UploadedFile) -> bytes:
        if row.member_index is None:
            with default_storage.open(row.staged_name, "rb") as handle:
                return archives.read_capped(handle)
        archive = self._zips.get(row.staged_name)
        if archive is None:
            handle = self._stack.enter_context(default_storage.open(row.staged_name, "rb"))
            archive = self._zips[row.staged_name] = self._stack.enter_context(zipfile.ZipFile(handle))
        return archives.read_member(archive, row.member_index)

    def __enter__(self) -> _StagedFiles:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stack.close()

"""Processing off the request: the background thread finishes a batch; process_uploads resumes one left behind."""

from __future__ import annotations

import os
import threading
import time
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from imr_archive.letters.models import Letter
from imr_archive.uploads.intake import STAGING, receive_upload
from imr_archive.uploads.models import UploadBatch, UploadedFile
from imr_archive.uploads.processing import thread_name
from tests.uploads.conftest import last_batch, letter_file, table, upload, zip_file

# The background thread has its own database connection: it sees only committed rows.
pytestmark = pytest.mark.django_db(transaction=True)

HANG_GUARD_SECONDS = 120  # only a guard against a hang: the wait ends when the thread does


def wait_until_done(batch_id: int) -> UploadBatch:
    """The batch once the thread reading it has ended."""
    for thread in threading.enumerate():
        if thread.name == thread_name(batch_id):
            thread.join(HANG_GUARD_SECONDS)
            assert not thread.is_alive(), f"upload {batch_id} still being read after {HANG_GUARD_SECONDS} s"
    batch = UploadBatch.objects.get(pk=batch_id)
    assert batch.status == UploadBatch.DONE, batch.status
    return batch


def test_the_background_thread_processes_the_batch_after_the_response(staff_client, settings,
                                                                      reads_beside_the_upload_thread):
    settings.IMR_UPLOAD_PROCESS_INLINE = False
    response = upload(staff_client, letter_file(0), zip_file("z.zip", {"b.txt": letter_file(1).read()}),
                      SimpleUploadedFile("bad.docx", b""), follow=False)
    batch = last_batch()
    assert response.status_code == 302 and response["Location"] == f"/upload/{batch.pk}/"
    batch = wait_until_done(batch.pk)
    assert batch.started and batch.finished and batch.finished >= batch.started
    rows = table(staff_client.get(f"/upload/{batch.pk}/"))
    assert [r.status for r in rows] == ["new", "new", "failed"]
    assert Letter.objects.count() == 2


def test_process_uploads_finishes_a_batch_left_behind_by_a_restart(staff, settings):
    batch = receive_upload(staff, [letter_file(0), letter_file(1), letter_file(2)])
    first = batch.files.get(position=1)
    # The process died while reading the first file, long ago.
    UploadedFile.objects.filter(pk=first.pk).update(status=UploadedFile.PROCESSING,
                                                    modified=timezone.now() - timedelta(hours=2))
    out = StringIO()
    call_command("process_uploads", stdout=out, verbosity=2)
    batch.refresh_from_db()
    assert batch.status == UploadBatch.DONE
    assert set(batch.files.values_list("status", flat=True)) == {UploadedFile.NEW}
    assert f"upload {batch.pk}: done, 0 file(s) failed" in out.getvalue()
    assert "1 upload batch(es) processed, 0 abandoned staged file(s) deleted" in out.getvalue()
    call_command("process_uploads", stdout=out)  # nothing left: safe to re-run
    assert Letter.objects.count() == 3


def test_process_uploads_leaves_a_file_another_worker_is_reading(staff):
    batch = receive_upload(staff, [letter_file(0), letter_file(1)])
    UploadedFile.objects.filter(batch=batch, position=1).update(status=UploadedFile.PROCESSING)
    call_command("process_uploads", stdout=StringIO())
    batch.refresh_from_db()
    assert batch.status != UploadBatch.DONE
    assert list(batch.files.values_list("status", flat=True)) == [UploadedFile.PROCESSING, UploadedFile.NEW]


def test_process_uploads_refuses_an_unknown_batch():
    with pytest.raises(CommandError, match="no such upload batch: 99"):
        call_command("process_uploads", batch=[99], stdout=StringIO())


def test_process_uploads_deletes_staged_copies_nothing_waits_for(staff, settings):
    batch = receive_upload(staff, [letter_file(0)])
    staging = settings.MEDIA_ROOT / STAGING
    orphan, fresh = staging / "orphan.txt", staging / "arriving.txt"
    orphan.write_bytes(b"left by a process stopped mid-upload")
    fresh.write_bytes(b"an upload still arriving")
    long_ago = time.time() - 3 * 3600
    os.utime(orphan, (long_ago, long_ago))
    waiting = staging / Path(batch.files.get().staged_name).name
    os.utime(waiting, (long_ago, long_ago))  # old, but its file still waits: kept until read
    UploadedFile.objects.filter(batch=batch).update(status=UploadedFile.PROCESSING, modified=timezone.now())
    out = StringIO()
    call_command("process_uploads", stdout=out)
    assert "1 abandoned staged file(s) deleted" in out.getvalue()
    assert not orphan.exists() and fresh.exists() and waiting.exists()

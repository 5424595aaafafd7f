"""The batch page while a batch runs, the upload history, and the review queue."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from imr_archive.letters.models import Issue, Letter
from imr_archive.parsing import result
from imr_archive.uploads.intake import receive_upload
from imr_archive.uploads.processing import process_batch
from tests.uploads.conftest import last_batch, letter_file, letter_with_warnings, table, upload

pytestmark = pytest.mark.django_db

REFRESH = '<meta http-equiv="refresh" content="2">'


def test_the_batch_page_refreshes_itself_until_every_file_is_read(staff_client, staff):
    batch = receive_upload(staff, [letter_file(0), letter_file(1), SimpleUploadedFile("x.docx", b"")])
    page = staff_client.get(batch.get_absolute_url()).content.decode()
    assert REFRESH in page
    assert "0 of 3 files read" not in page and "1 of 3 files read" in page  # the refused file is done at once
    assert [r.status for r in table(staff_client.get(batch.get_absolute_url()))] == ["pending", "pending", "failed"]
    still = staff_client.get(f"{batch.get_absolute_url()}?refresh=off").content.decode()
    assert REFRESH not in still and "Automatic reloading is off" in still
    process_batch(batch.pk)
    page = staff_client.get(batch.get_absolute_url()).content.decode()
    assert REFRESH not in page and "all 3 files read" in page
    assert 'data-batch-status="done"' in page


def test_an_upload_of_refused_files_only_is_done_at_once(staff_client, staff):
    batch = receive_upload(staff, [SimpleUploadedFile("a.exe", b"MZ")])
    assert batch.status == "done"
    assert REFRESH not in staff_client.get(batch.get_absolute_url()).content.decode()


def test_the_history_lists_batches_newest_first_with_their_files(staff_client, staff):
    upload(staff_client, letter_file(0))
    first = last_batch()
    upload(staff_client, letter_file(0, "again.txt"), SimpleUploadedFile("bad.docx", b""))
    second = last_batch()
    page = staff_client.get("/upload/history/").content.decode()
    assert page.index(f'data-batch="{second.pk}"') < page.index(f'data-batch="{first.pk}"')
    assert "<details>" in page and f'href="/upload/{second.pk}/"' in page
    assert f"by {staff.username}" in page
    rows = table(staff_client.get("/upload/history/"))
    assert [(r.name, r.status) for r in rows] == [("again.txt", "unchanged"), ("bad.docx", "failed"),
                                                  (letter_file(0).name, "new")]
    assert "0 new, 0 replaced, 1 already in the archive, 0 with warnings, 1 failed" in " ".join(page.split())


def test_the_history_is_paginated(staff_client, staff):
    for _ in range(23):  # 20 a page; a last page of 2 or fewer would join the one before
        receive_upload(staff, [SimpleUploadedFile("a.exe", b"MZ")])
    assert staff_client.get("/upload/history/").content.decode().count("data-batch=") == 20
    assert staff_client.get("/upload/history/?page=2").content.decode().count("data-batch=") == 3


def test_the_review_queue_lists_letters_needing_review_with_their_warnings(staff_client):
    upload(staff_client, SimpleUploadedFile("unclear.txt", letter_with_warnings()), letter_file(0))
    unclear, clean = Letter.objects.get(source_name="unclear.txt"), Letter.objects.exclude(source_name="unclear.txt")
    assert unclear.needs_review and not clean.get().needs_review
    page = staff_client.get("/upload/review/").content.decode()
    assert f'data-letter="{unclear.pk}"' in page and f'data-letter="{clean.get().pk}"' not in page
    assert f'href="/admin/letters/letter/{unclear.pk}/change/"' in page
    for warning in unclear.warnings:
        assert warning.split(":")[0] in page
    assert "2 items whose outcome was not read" in page


def test_an_unknown_outcome_keeps_a_letter_in_the_queue_oldest_first(staff_client):
    upload(staff_client, letter_file(0))
    upload(staff_client, letter_file(1))
    older, newer = Letter.objects.order_by("created", "id")
    Issue.objects.filter(letter=newer).update(outcome=result.UNKNOWN)
    Issue.objects.filter(letter=older, ordinal=1).update(outcome=result.UNKNOWN)
    Letter.objects.update(needs_review=False)
    page = staff_client.get("/upload/review/").content.decode()
    assert page.index(f'data-letter="{older.pk}"') < page.index(f'data-letter="{newer.pk}"')
    assert "1 item whose outcome was not read" in page


@pytest.mark.parametrize("url", ["/upload/history/", "/upload/review/", "/upload/{batch}/"])
def test_pages_make_the_same_few_queries_however_many_rows(staff_client, url):
    def queries() -> int:
        batch = last_batch()
        with CaptureQueriesContext(connection) as captured:
            assert staff_client.get(url.format(batch=batch.pk)).status_code == 200
        return len(captured)

    upload(staff_client, SimpleUploadedFile("u1.txt", letter_with_warnings()), SimpleUploadedFile("a.exe", b""))
    few = queries()
    for index in range(3):
        upload(staff_client, letter_file(index), letter_file(index + 3), SimpleUploadedFile("b.exe", b""))
    Letter.objects.update(needs_review=True)
    assert queries() == few <= 8

"""Uploading letter files and zips: one row per file, each through the ingest service."""

from __future__ import annotations

import os

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from imr_archive.letters.models import Letter
from imr_archive.search.query import SearchQuery
from imr_archive.search.service import search
from imr_archive.uploads.models import UploadBatch, UploadedFile
from tests.conftest import expected_parse
from tests.pdf_files import encrypted_pdf, image_only_pdf, text_pdf
from tests.uploads.conftest import (
    LETTERS,
    last_batch,
    letter_bytes,
    letter_file,
    letter_with_warnings,
    table,
    upload,
    zip_file,
)

pytestmark = pytest.mark.django_db

RECIPE = b"Pancakes\n\nMix flour, eggs and milk. Fry in butter.\n"


def test_staff_upload_stores_the_letters_and_shows_one_row_each(staff_client, staff):
    response = upload(staff_client, letter_file(0), letter_file(1))
    batch = last_batch()
    assert response.redirect_chain == [(f"/upload/{batch.pk}/", 302)]
    assert batch.uploaded_by == staff and batch.status == UploadBatch.DONE
    rows = table(response)
    assert [(r.name, r.status) for r in rows] == [(LETTERS[0].name, "new"), (LETTERS[1].name, "new")]
    for row, letter in zip(rows, Letter.objects.order_by("id"), strict=True):
        assert f'href="{letter.get_absolute_url()}"' in row.html
        assert default_storage.exists(letter.original.name)
        assert letter.original.read() == letter_bytes(LETTERS.index(next(p for p in LETTERS if p.name == row.name)))


def test_uploaded_letters_are_searchable(staff_client):
    upload(staff_client, letter_file(0))
    letter = Letter.objects.get()
    treatment = expected_parse(LETTERS[0])["issues"][0]["treatment"].split()[0]
    assert search(SearchQuery(q=treatment, letter_id=letter.id)).total >= 1


def test_a_zip_with_a_good_a_duplicate_and_a_broken_member(staff_client):
    upload(staff_client, letter_file(1))
    duplicate = Letter.objects.get()
    response = upload(staff_client, zip_file("letters.zip", {
        "good.txt": letter_bytes(0), "again.txt": letter_bytes(1), "recipe.txt": RECIPE,
    }))
    rows = {r.name: r for r in table(response)}
    assert {n: r.status for n, r in rows.items()} == {"good.txt": "new", "again.txt": "unchanged",
                                                      "recipe.txt": "failed"}
    good = Letter.objects.exclude(pk=duplicate.pk).get()
    assert f'href="{good.get_absolute_url()}"' in rows["good.txt"].html
    # The outcome column says it is already in the archive; the details do not say it again.
    assert rows["again.txt"].details.startswith("Open letter") and "Already" not in rows["again.txt"].details
    assert f'href="{duplicate.get_absolute_url()}"' in rows["again.txt"].html
    assert "not an IMR determination letter" in rows["recipe.txt"].details
    assert Letter.objects.count() == 2
    assert list(last_batch().files.values_list("archive", flat=True)) == ["letters.zip"] * 3


def test_a_failure_never_stops_the_files_after_it(staff_client, monkeypatch):
    from imr_archive.uploads import processing

    real = processing.ingest_file

    def flaky(data: bytes, name: str):
        if name == "boom.txt":
            raise RuntimeError("a bug")
        return real(data, name)

    monkeypatch.setattr(processing, "ingest_file", flaky)
    response = upload(staff_client, letter_file(0, "boom.txt"), letter_file(1))
    assert [(r.name, r.status) for r in table(response)] == [("boom.txt", "failed"), (LETTERS[1].name, "new")]
    assert "could not be read (RuntimeError)" in table(response)[0].details
    assert Letter.objects.count() == 1


def test_a_letter_stored_with_warnings_links_to_its_admin_page(staff_client):
    response = upload(staff_client, SimpleUploadedFile("unclear.txt", letter_with_warnings()))
    [row] = table(response)
    letter = Letter.objects.get()
    assert row.status == "warnings" and "Stored with warnings" in row.html
    assert f'href="/admin/letters/letter/{letter.pk}/change/"' in row.html
    assert "outcome unknown" in row.details
    assert UploadedFile.objects.get().warnings == letter.warnings
    assert "1 stored with warnings" in response.content.decode()


def test_a_pdf_with_a_text_layer_is_stored_and_one_without_fails(staff_client):
    text = letter_bytes(0).decode()
    response = upload(staff_client, SimpleUploadedFile("letter.pdf", text_pdf(text)),
                      SimpleUploadedFile("scan.pdf", image_only_pdf()),
                      SimpleUploadedFile("locked.pdf", encrypted_pdf(text)))
    rows = {r.name: r for r in table(response)}
    assert rows["letter.pdf"].status in ("new", "warnings")
    assert rows["scan.pdf"].status == "failed" and "no text layer" in rows["scan.pdf"].details
    assert rows["locked.pdf"].status == "failed" and "encrypted" in rows["locked.pdf"].details
    letter = Letter.objects.get()
    assert letter.source_name == "letter.pdf" and letter.original.name.endswith("letter.pdf")


def test_re_uploading_an_edited_letter_replaces_it(staff_client):
    dated = next(i for i, p in enumerate(LETTERS) if expected_parse(p)["case_number"])
    upload(staff_client, letter_file(dated))
    before = Letter.objects.get()
    edited = letter_bytes(dated).replace(b"The patient", b"The injured worker", 1)
    assert edited != letter_bytes(dated)
    response = upload(staff_client, SimpleUploadedFile("edited.txt", edited))
    assert [r.status for r in table(response)] == ["replaced"]
    after = Letter.objects.get()
    assert after.pk == before.pk and after.case_number == before.case_number
    assert "The injured worker" in after.text and after.sha256 != before.sha256
    assert UploadedFile.objects.get(name="edited.txt").letter_id == after.pk


def test_the_same_file_twice_in_one_upload_is_stored_once(staff_client):
    response = upload(staff_client, letter_file(0, "a.txt"), letter_file(0, "b.txt"))
    assert [r.status for r in table(response)] == ["new", "unchanged"]
    assert Letter.objects.count() == 1


def test_an_upload_without_files_is_a_form_error(staff_client):
    response = staff_client.post("/upload/", {})
    assert response.status_code == 200
    assert "Choose at least one file" in response.content.decode()
    assert not UploadBatch.objects.exists()


def test_staged_copies_are_deleted_once_the_batch_is_done(staff_client, settings):
    upload(staff_client, letter_file(0), zip_file("two.zip", {"x.txt": letter_bytes(1), "y.txt": RECIPE}))
    staging = settings.MEDIA_ROOT / "uploads" / "staging"
    assert not staging.exists() or not any(staging.iterdir())
    assert last_batch().files.exclude(staged_name="").exists()  # the record says what was staged


def test_files_larger_than_the_memory_limit_stream_through_temporary_files(staff_client, settings):
    big = 3 * 1024 * 1024
    assert big > settings.FILE_UPLOAD_MAX_MEMORY_SIZE
    padded = letter_bytes(0) + b"\n" * big  # still the same letter once cleaned
    noise = os.urandom(big)
    response = upload(staff_client, SimpleUploadedFile("padded.txt", padded),
                      zip_file("big.zip", {"noise.txt": noise, "b.txt": letter_bytes(1)}))
    rows = {r.name: r.status for r in table(response)}
    assert rows == {"padded.txt": "new", "noise.txt": "failed", "b.txt": "new"}
    assert Letter.objects.get(source_name="padded.txt").original.size == len(padded)

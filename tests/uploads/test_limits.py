"""Every limit of the upload page, each with the reason the user reads."""

from __future__ import annotations

import struct
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from imr_archive.letters.models import Letter
from imr_archive.uploads import archives
from imr_archive.uploads.models import UploadBatch
from tests.uploads.conftest import (
    UPLOAD_URL,
    last_batch,
    letter_bytes,
    letter_file,
    make_zip,
    table,
    upload,
    zip_file,
)

pytestmark = pytest.mark.django_db


def statuses(response) -> dict[str, tuple[str, str]]:
    return {row.name: (row.status, row.details) for row in table(response)}


def test_a_file_over_the_per_file_limit_fails_with_the_limit(staff_client, settings):
    settings.IMR_UPLOAD_MAX_FILE_BYTES = 1024
    response = upload(staff_client, letter_file(0, "big.txt"), zip_file("z.zip", {"big-member.txt": letter_bytes(1)}))
    rows = statuses(response)
    assert rows["big.txt"][0] == "failed" and "file too large" in rows["big.txt"][1]
    assert rows["big.txt"][1].endswith("the limit is 1.0 KB")
    assert rows["big-member.txt"][0] == "failed" and "file too large" in rows["big-member.txt"][1]
    assert not Letter.objects.exists()


def test_an_upload_over_the_per_upload_limit_is_refused_whole(staff_client, settings):
    settings.IMR_UPLOAD_MAX_TOTAL_BYTES = len(letter_bytes(0)) + len(letter_bytes(1)) - 1
    response = upload(staff_client, letter_file(0), letter_file(1))
    page = response.content.decode()
    assert response.status_code == 200
    assert "one upload may be at most" in page and "several parts" in page
    assert not UploadBatch.objects.exists()


def test_a_request_far_over_the_limit_is_stopped_before_its_files_are_stored(staff, settings):
    """The upload handler stops it; the CSRF token before the files still passes, so the user reads the limit."""
    settings.IMR_UPLOAD_MAX_TOTAL_BYTES = 1024
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    client.get(UPLOAD_URL)
    big = SimpleUploadedFile("big.txt", b"x" * (2 * 1024 * 1024))
    response = client.post(UPLOAD_URL, {"csrfmiddlewaretoken": client.cookies["csrftoken"].value, "files": [big]})
    page = response.content.decode()
    assert response.status_code == 200
    assert "This upload comes to 2.0 MB; one upload may be at most 1.0 KB" in page
    assert "Choose at least one file" not in page
    assert not UploadBatch.objects.exists()


def test_a_zip_with_too_many_files_is_refused(staff_client, settings):
    settings.IMR_UPLOAD_MAX_ZIP_MEMBERS = 3
    response = upload(staff_client, zip_file("many.zip", {f"{i}.txt": b"x" for i in range(4)}))
    assert statuses(response) == {
        "many.zip": ("failed", "the zip holds 4 files; at most 3 are read from one zip")}


def test_a_zip_bomb_is_refused_from_its_directory(staff_client):
    bomb = SimpleUploadedFile("bomb.zip", make_zip({"zeros.txt": bytes(25 * 1024 * 1024)}))
    assert bomb.size < 100_000
    [(status, reason)] = statuses(upload(staff_client, bomb)).values()
    assert status == "failed" and reason.startswith("looks like a zip bomb")


def understated(data: bytes, declared: int) -> bytes:
    """A one-member zip whose headers claim the member expands to `declared` bytes."""
    packed = bytearray(make_zip({"liar.txt": data}))
    local, central = packed.find(b"PK\x03\x04"), packed.find(b"PK\x01\x02")
    struct.pack_into("<I", packed, local + 22, declared)
    struct.pack_into("<I", packed, central + 24, declared)
    return bytes(packed)


def test_a_member_that_understates_its_size_is_not_expanded_past_it(staff_client):
    liar = SimpleUploadedFile("liar.zip", understated(b" " * (30 * 1024 * 1024), 100))
    [(status, reason)] = statuses(upload(staff_client, liar)).values()
    assert status == "failed" and reason.startswith("damaged inside the zip")


def test_reading_a_member_stops_at_the_limit_whatever_the_header_says(settings, tmp_path):
    path = tmp_path / "z.zip"
    path.write_bytes(make_zip({"a.txt": b"a" * 5000}))
    settings.IMR_UPLOAD_MAX_FILE_BYTES = 1000  # lower than the size the header declares: the header is not asked
    with zipfile.ZipFile(path) as archive, pytest.raises(archives.Refused, match="expands past the limit"):
        archives.read_member(archive, 0)


def test_a_zip_inside_a_zip_is_refused_and_its_siblings_are_read(staff_client):
    inner = make_zip({"letter.txt": letter_bytes(0)})
    response = upload(staff_client, zip_file("outer.zip", {"inner.zip": inner, "ok.txt": letter_bytes(1)}))
    rows = statuses(response)
    assert rows["inner.zip"] == ("failed", "a zip inside a zip is not opened: upload the inner zip on its own")
    assert rows["ok.txt"][0] == "new"


def test_files_of_other_types_are_refused(staff_client):
    response = upload(staff_client, SimpleUploadedFile("notes.docx", b"PK\x03\x04..."),
                      zip_file("mixed.zip", {"tool.exe": b"MZ", "README": b"hello", "ok.txt": letter_bytes(0)}))
    rows = statuses(response)
    assert rows["notes.docx"] == ("failed", "not a letter file: .docx files are not accepted "
                                            "(only .txt, .pdf, or a .zip of them)")
    assert rows["tool.exe"][0] == "failed" and ".exe files are not accepted" in rows["tool.exe"][1]
    assert rows["README"][0] == "failed" and "without a type suffix" in rows["README"][1]
    assert rows["ok.txt"][0] == "new"


def test_a_file_named_zip_that_is_not_one_is_refused(staff_client):
    [(status, reason)] = statuses(upload(staff_client, SimpleUploadedFile("fake.zip", b"hello"))).values()
    assert status == "failed" and reason.startswith("not a readable zip file")


def test_an_empty_file_gets_its_own_reason(staff_client):
    response = upload(staff_client, SimpleUploadedFile("empty.txt", b""), letter_file(0))
    assert [r.status for r in table(response)] == ["failed", "new"]
    assert "empty" in table(response)[0].details
    assert last_batch().status == UploadBatch.DONE

"""Hostile names: nothing is written outside MEDIA_ROOT, and every name is shown escaped."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from imr_archive.letters.models import Letter
from imr_archive.uploads.archives import base_name
from tests.uploads.conftest import UPLOAD_URL, letter_bytes, table, upload, zip_file

pytestmark = pytest.mark.django_db

TRAVERSING = {
    "../../evil.txt": 0,
    "/tmp/imr-absolute-evil.txt": 1,
    "..\\..\\windows-evil.txt": 2,
    "C:/Windows/drive-evil.txt": 3,
}


def files_under(folder: Path) -> set[Path]:
    return {p.resolve() for p in folder.rglob("*") if p.is_file()}


def assert_only_media_and_index_written(folder: Path, media: Path) -> None:
    written = files_under(folder)
    outside = {p for p in written if not p.is_relative_to(media.resolve())
               and not p.is_relative_to((folder / "index").resolve())}
    assert outside == set()


@pytest.mark.parametrize(("path", "name"), [
    ("../../evil.txt", "evil.txt"),
    ("/etc/passwd", "passwd"),
    ("..\\..\\evil.txt", "evil.txt"),
    ("C:evil.txt", "evil.txt"),
    ("letters/2014/a.txt", "a.txt"),
    ("../..", ""),
    ("folder/", ""),
])
def test_base_name_keeps_only_the_last_component(path, name):
    assert base_name(path) == name


def test_zip_members_with_traversing_names_are_stored_under_their_base_name(staff_client, isolated_var, settings):
    outside_before = files_under(isolated_var.parent)
    members = {name: letter_bytes(index) for name, index in TRAVERSING.items()}
    response = upload(staff_client, zip_file("evil.zip", members))
    assert [(r.name, r.status) for r in table(response)] == [(name, "new") for name in TRAVERSING]
    media = Path(settings.MEDIA_ROOT).resolve()
    stored = sorted(Letter.objects.values_list("source_name", flat=True))
    assert stored == ["drive-evil.txt", "evil.txt", "imr-absolute-evil.txt", "windows-evil.txt"]
    for letter in Letter.objects.all():
        assert Path(letter.original.path).resolve().is_relative_to(media)
        assert Path(letter.original.name).name.endswith(letter.source_name) and ".." not in letter.original.name
    assert_only_media_and_index_written(isolated_var, media)
    assert files_under(isolated_var.parent) - files_under(isolated_var) <= outside_before
    assert not Path("/tmp/imr-absolute-evil.txt").exists()


def test_an_uploaded_file_name_with_a_path_is_reduced_to_its_base_name(staff_client, isolated_var, settings):
    """The multipart filename itself carries the path (the test client would strip it, so the body is built here)."""
    boundary = "BoUnDaRy"
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="../../top-evil.txt"\r\n'
            f"Content-Type: text/plain\r\n\r\n").encode() + letter_bytes(0) + f"\r\n--{boundary}--\r\n".encode()
    response = staff_client.post(UPLOAD_URL, body, content_type=f"multipart/form-data; boundary={boundary}",
                                 follow=True)
    assert [(r.name, r.status) for r in table(response)] == [("top-evil.txt", "new")]
    assert Path(Letter.objects.get().original.path).resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert_only_media_and_index_written(isolated_var, Path(settings.MEDIA_ROOT))


def test_names_are_escaped_in_the_result_table(staff_client):
    response = upload(staff_client, SimpleUploadedFile("<script>alert(1)<.txt", b"nope"),
                      zip_file("<i>z.zip", {"<script>alert(2)</script>.txt": b"nope"}))
    page = response.content.decode()
    assert "<script>alert" not in page and "<i>z" not in page and "&lt;i&gt;z.zip" in page
    assert "&lt;script&gt;alert(1)&lt;.txt" in page
    assert "&lt;script&gt;alert(2)&lt;/script&gt;.txt" in page
    assert [r.name for r in table(response)] == ["<script>alert(1)<.txt", "<script>alert(2)</script>.txt"]
    history = staff_client.get("/upload/history/").content.decode()
    assert "<script>alert" not in history and "&lt;script&gt;alert(2)&lt;/script&gt;.txt" in history


def test_every_entry_of_a_zip_has_a_row_with_its_reason(staff_client):
    """Names that are no file name, and folders, were dropped without a row (issue 16)."""
    members = {"..": letter_bytes(0), ".": b"x", "../": b"", "letters/": b"", "letters/a.txt": letter_bytes(1)}
    rows = [(r.name, r.status, r.details) for r in table(upload(staff_client, zip_file("parts.zip", members)))]
    folder = "a folder, not a file: the files inside it have rows of their own"
    assert rows[:4] == [("..", "failed", "the file has no name"), (".", "failed", "the file has no name"),
                        ("../", "failed", folder), ("letters/", "failed", folder)]
    assert rows[4][:2] == ("letters/a.txt", "new")


def test_every_file_part_of_an_upload_has_a_row(staff_client):
    """Django's parser drops a part whose name is nothing once its folders are stripped (issue 16): a hand-made
    request can send one, and it gets its row and reason like any file; an empty file input is no file."""
    boundary = "BoUnDaRy"
    parts = [("..", letter_bytes(0)), (".", b"x"), ("letters/", b"x"), ("a/..", b"x"), ("\x01", b"x"),
             ("ok.txt", letter_bytes(1)), ("", b"")]
    body = b"".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
        f"Content-Type: text/plain\r\n\r\n".encode() + data + b"\r\n" for name, data in parts)
    body += f"--{boundary}--\r\n".encode()
    response = staff_client.post(UPLOAD_URL, body, content_type=f"multipart/form-data; boundary={boundary}",
                                 follow=True)
    rows = [(r.name, r.status, r.details) for r in table(response)]
    assert rows[:5] == [("(no name)", "failed", "the file has no name")] * 5
    assert rows[5][:2] == ("ok.txt", "new") and len(rows) == 6

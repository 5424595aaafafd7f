"""Upload tests: staff and other users, files and zips made in memory, the result table read back."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client

from imr_archive.uploads.models import UploadBatch
from tests.conftest import SEEDS, seed_letters

UPLOAD_URL = "/upload/"
LETTERS = seed_letters()


@pytest.fixture(autouse=True)
def process_inline(settings):
    """Uploads are processed inside the request, so a test sees the outcome at once (one test says otherwise)."""
    settings.IMR_UPLOAD_PROCESS_INLINE = True
    # Users are made in most tests; the default hasher spends a second on each on purpose.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def reads_beside_the_upload_thread(transactional_db):
    """Let this thread's connection read while the upload thread writes.

    On SQLite the test database is a shared-cache memory database, where a table being read cannot be written
    by another connection (and the reverse): the upload thread or the test's reader fails at once with
    "database table is locked" instead of waiting. Read-uncommitted readers take no table locks. A real
    SQLite file in WAL mode needs no such thing: its readers never block a writer.
    """
    shared_cache = connection.vendor == "sqlite" and connection.is_in_memory_db()
    if shared_cache:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA read_uncommitted = 1")
    yield
    if shared_cache:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA read_uncommitted = 0")


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("editor", password="pw-editor-1", is_staff=True)


@pytest.fixture
def staff_client(staff) -> Client:
    client = Client()
    client.force_login(staff)
    return client


def letter_bytes(index: int = 0) -> bytes:
    return LETTERS[index].read_bytes()


def letter_with_warnings() -> bytes:
    """A seed letter whose items no longer state their outcome: stored, with a warning per item."""
    text = (SEEDS / "dev-002.txt").read_bytes()
    edited = text.replace(b"is not medically necessary and appropriate", b"was reviewed")
    assert edited != text
    return edited


def letter_file(index: int = 0, name: str | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name or LETTERS[index].name, letter_bytes(index), content_type="text/plain")


def make_zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=compression)
    return buffer.getvalue()


def zip_file(name: str, members: dict[str, bytes]) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, make_zip(members), content_type="application/zip")


def upload(client: Client, *files: SimpleUploadedFile, follow: bool = True):
    """POST the files to the upload page (the test client adds the CSRF token only when it is not enforcing)."""
    return client.post(UPLOAD_URL, {"files": list(files)}, follow=follow)


def last_batch() -> UploadBatch:
    return UploadBatch.objects.latest("id")


@dataclass(frozen=True)
class Row:
    """One row of a result table as the page shows it."""

    name: str
    status: str
    details: str
    html: str


_ROW = re.compile(r'<tr class="upload-file[^"]*" data-file data-status="(\w+)">(.*?)</tr>', re.S)
_NAME = re.compile(r"<span data-name>(.*?)</span>", re.S)
_TAGS = re.compile(r"<[^>]+>")


def table(response) -> list[Row]:
    """The rows of the result table on a page, names and details unescaped as a reader sees them."""
    rows = []
    for status, cells in _ROW.findall(response.content.decode()):
        name = _NAME.search(cells).group(1)
        details = cells.split("</td>")[-2]
        rows.append(Row(unescape(name), status, " ".join(unescape(_TAGS.sub(" ", details)).split()), cells))
    return rows

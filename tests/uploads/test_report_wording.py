"""The batch report in plain words: one file is "the file", and each file counts under one outcome."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.uploads.conftest import letter_file, letter_with_warnings, upload

pytestmark = pytest.mark.django_db


def counts(page: str) -> dict[str, int]:
    """The report's counts by outcome (new, replaced, unchanged, warnings, failed)."""
    found = re.findall(r'class="status status--(\w+)">(\d+) ', page)
    return {outcome: int(n) for outcome, n in found}


def test_one_file_read_is_the_file_not_all_one_file(staff_client):
    page = upload(staff_client, letter_file(0)).content.decode()
    assert "the file was read" in page and "all 1 file" not in page


def test_a_letter_stored_with_warnings_counts_once_and_the_counts_add_up(staff_client):
    page = upload(staff_client, SimpleUploadedFile("unclear.txt", letter_with_warnings()), letter_file(0),
                  SimpleUploadedFile("notes.exe", b"MZ")).content.decode()
    assert counts(page) == {"new": 1, "replaced": 0, "unchanged": 0, "warnings": 1, "failed": 1}
    assert "all 3 files read" in page

"""Letter pages of files made for the test: hostile text, a PDF, an incomplete parse."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from imr_archive.letters.models import Letter
from tests.conftest import SEEDS
from tests.pdf_files import text_pdf

pytestmark = pytest.mark.django_db(transaction=True)

SCRIPT = '<script>alert("x")</script>'


def ingest(folder: Path) -> None:
    call_command("ingest_letters", str(folder), verbosity=0, stdout=StringIO(), stderr=StringIO())


def test_a_letter_text_with_markup_is_shown_as_text(client, tmp_path):
    original = (SEEDS / "dev-001.txt").read_text()
    hostile = original.replace("CLINICAL CASE SUMMARY", f"CLINICAL CASE SUMMARY\n{SCRIPT} <b>bold</b>", 1)
    assert hostile != original
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "hostile.txt").write_text(hostile)
    ingest(folder)
    letter = Letter.objects.get()
    assert SCRIPT in letter.text
    page = client.get(letter.get_absolute_url(), follow=True).content.decode()
    assert "<script>" not in page and "<b>bold" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_a_pdf_original_is_downloaded_as_a_pdf(client, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    data = text_pdf((SEEDS / "dev-002.txt").read_text())
    (folder / "letter.pdf").write_bytes(data)
    ingest(folder)
    letter = Letter.objects.get()
    response = client.get(f"/letters/{letter.pk}/original/")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="letter.pdf"'
    assert b"".join(response.streaming_content) == data


def test_an_incomplete_parse_is_flagged_on_the_letter_page(client, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    text = (SEEDS / "dev-001.txt").read_text().replace("Board Certified in Anesthesiology", "Board Certified")
    (folder / "no-specialty.txt").write_text(text)
    ingest(folder)
    letter = Letter.objects.get()
    assert letter.needs_review
    page = client.get(letter.get_absolute_url(), follow=True).content.decode()
    assert "data-warnings" in page and "not read completely" in page
    assert "reviewer specialty not found" in letter.warnings
    assert "reviewer specialty not found" in page

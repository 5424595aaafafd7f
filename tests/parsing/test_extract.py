"""extract_text on real PDF files (made here with reportlab and pypdf) and on text encodings."""

from __future__ import annotations

import pytest

from imr_archive.parsing import ExtractionError, extract_text, parse_text
from tests.parsing.letters import SEEDS, expected
from tests.pdf_files import encrypted_pdf, image_only_pdf, text_pdf

# ---------------------------------------------------------------------------
# PDF builders


def letter_text(name: str = "dev-001") -> str:
    """A seed letter's text without its blank lines: one printed line per text line, as the DWC PDFs are."""
    return "\n".join(line.rstrip() for line in (SEEDS / f"{name}.txt").read_text().splitlines() if line.strip())


def letter_pdf(name: str = "dev-001") -> bytes:
    """A seed letter printed as a PDF."""
    return text_pdf(letter_text(name))


# ---------------------------------------------------------------------------
# PDFs


def test_pdf_text_layer_parses_like_the_text():
    text = extract_text(letter_pdf("dev-001"), "dev-001.pdf")
    assert "HOW THE IMR FINAL DETERMINATION WAS MADE" in text
    letter = parse_text(text, file="dev-001.pdf")
    want = expected(SEEDS / "dev-001.txt")
    assert letter.format == want["format"]
    assert letter.case_number == want["case_number"]
    assert [(i.treatment, i.outcome) for i in letter.issues] == [
        (i["treatment"], i["outcome"]) for i in want["issues"]]


def test_pdf_recognised_by_content_whatever_the_name():
    assert "CLINICAL CASE SUMMARY" in extract_text(letter_pdf(), "upload.bin")


def test_encrypted_pdf():
    with pytest.raises(ExtractionError) as info:
        extract_text(encrypted_pdf(letter_text(), "secret"), "letter.pdf")
    assert str(info.value) == "PDF is encrypted"


def test_pdf_with_only_an_owner_password_opens():
    # Permissions-only encryption: readers open it without a password, and so do we.
    assert "CLINICAL CASE SUMMARY" in extract_text(encrypted_pdf(letter_text(), "", "owner-secret"), "letter.pdf")


def test_scanned_pdf_without_text_layer():
    with pytest.raises(ExtractionError) as info:
        extract_text(image_only_pdf(), "scan.pdf")
    assert str(info.value) == "PDF has no text layer (scanned image?)"


@pytest.mark.parametrize("data", [
    b"%PDF-1.4\n%garbage that is not a PDF at all\n",
    b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n",
    b"this is not a pdf",
])
def test_broken_pdf(data):
    with pytest.raises(ExtractionError) as info:
        extract_text(data, "broken.pdf")
    reason = str(info.value)
    assert reason and "\n" not in reason
    assert reason.startswith(("broken PDF", "PDF has no"))


def test_truncated_pdf():
    data = letter_pdf()
    with pytest.raises(ExtractionError) as info:
        extract_text(data[: len(data) // 3], "cut.pdf")
    assert str(info.value).startswith(("broken PDF", "PDF has no"))


# ---------------------------------------------------------------------------
# Text files

TEXTS = [
    ("utf-8", "Décision – “Upheld”".encode(), "Décision – “Upheld”"),
    ("utf-8 with BOM", b"\xef\xbb\xbfCase Number: CM14-0001234", "Case Number: CM14-0001234"),
    ("cp1252", b"The \x93Upheld\x94 decision \x96 final", "The “Upheld” decision – final"),
    ("latin-1 fallback", b"Caf\xe9 \x81 " + b"text " * 40, "Café \x81 " + "text " * 40),
    ("utf-16 with BOM", "IMR letter text".encode("utf-16"), "IMR letter text"),
    ("crlf kept for the cleaner", b"line one\r\nline two", "line one\r\nline two"),
]


@pytest.mark.parametrize(("data", "text"), [(t[1], t[2]) for t in TEXTS], ids=[t[0] for t in TEXTS])
def test_text_decoding(data, text):
    assert extract_text(data, "letter.txt") == text


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty file"),
    (b"   \r\n\t\n", "empty file"),
    (b"abc\x00def", "not a text file (binary data)"),
    (b"\x89PNG\r\n\x1a\n" + b"x" * 50, "not a text file (binary data)"),
    (b"PK\x03\x04" + b"x" * 50, "not a text file (binary data)"),
    (bytes(range(1, 32)) * 10 + b"text", "not a text file (binary data)"),
])
def test_not_text(data, reason):
    with pytest.raises(ExtractionError) as info:
        extract_text(data, "file.txt")
    assert str(info.value) == reason

"""Stage 1: bytes of an uploaded file -> raw text.

PDFs go through pypdf's text layer; anything else is decoded as text. Every
failure is an ExtractionError whose str() is a one-line reason a user can
read ("PDF is encrypted"). Size limits are the caller's job.
"""

from __future__ import annotations

import io
import logging

__all__ = ["ExtractionError", "extract_text"]

# Magic numbers of common binary formats that are never letters.
_BINARY_MAGIC = (
    b"PK\x03\x04",  # zip, docx, xlsx
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF8",
    b"II*\x00",  # TIFF
    b"MM\x00*",
    b"\xd0\xcf\x11\xe0",  # OLE: .doc, .xls
    b"\x1f\x8b",  # gzip
    b"7z\xbc\xaf",
    b"Rar!",
    b"\x7fELF",
)
# Control characters that plain text may carry.
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1a\x1b")
# str.translate table deleting the control characters a text file should not hold (C speed, not a loop).
_DELETE_BAD_CONTROLS = {code: None for code in [*range(0x20), *range(0x7F, 0xA0)] if chr(code) not in _TEXT_CONTROLS}
_MAX_CONTROL_SHARE = 0.01


class ExtractionError(Exception):
    """The file cannot be turned into text; str() is the reason, one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(" ".join(str(reason).split()) or "cannot extract text")


def extract_text(data: bytes, filename: str) -> str:
    """The text of a letter file: the PDF's text layer, or the decoded text file."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise ExtractionError("not a file (expected bytes)")
    data = bytes(data)
    name = (filename or "").lower()
    if _looks_like_pdf(data) or name.endswith(".pdf"):
        return _pdf_text(data)
    return _decode_text(data)


def _looks_like_pdf(data: bytes) -> bool:
    # The PDF header may follow a little junk; readers accept it in the first KB.
    return b"%PDF-" in data[:1024]


def _pdf_text(data: bytes) -> str:
    if not data.strip():
        raise ExtractionError("empty file")
    try:
        from pypdf import PdfReader
    except ImportError:  # pragma: no cover - pypdf is a requirement
        raise ExtractionError("cannot read PDF files (pypdf is not installed)") from None

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            # Owner-password-only PDFs open with the empty user password.
            try:
                opened = reader.decrypt("")
            except Exception:  # noqa: BLE001 - any failure to decrypt means encrypted
                opened = 0
            if not opened:
                raise ExtractionError("PDF is encrypted")
        pages = reader.pages
        if len(pages) == 0:
            raise ExtractionError("PDF has no pages")
        texts = []
        for page in pages:
            texts.append(page.extract_text() or "")
    except ExtractionError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types on damaged files
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ExtractionError(f"broken PDF: {reason[:200]}") from None
    text = "\n\f\n".join(texts)
    if not text.strip(" \n\f\r\t"):
        raise ExtractionError("PDF has no text layer (scanned image?)")
    return text


def _decode_text(data: bytes) -> str:
    if not data.strip():
        raise ExtractionError("empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise ExtractionError("not a text file (binary data)") from None
    else:
        if data.startswith(_BINARY_MAGIC) or b"\x00" in data:
            raise ExtractionError("not a text file (binary data)")
        text = _decode_8bit(data)
    text = text.lstrip("\ufeff")
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise ExtractionError("not a text file (binary data)")
    if not text.strip():
        raise ExtractionError("empty file")
    return text


def _decode_8bit(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = len(text) - len(text.translate(_DELETE_BAD_CONTROLS))
    return bad / len(text)

"""Real PDF files for the tests, made with reportlab (text layers) and pypdf (encryption)."""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import letter as LETTER
from reportlab.pdfgen import canvas

LINES_PER_PAGE = 50


def text_pdf(text: str) -> bytes:
    """A PDF whose text layer holds `text`, wrapped onto as many pages as it needs."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=LETTER)
    lines = [chunk for line in text.splitlines() for chunk in (_wrap(line) or [""])]
    for start in range(0, len(lines), LINES_PER_PAGE):
        y = 750
        for line in lines[start:start + LINES_PER_PAGE]:
            pdf.setFont("Helvetica", 9)
            pdf.drawString(40, y, line)
            y -= 14
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _wrap(line: str, width: int = 110) -> list[str]:
    words, out, current = line.split(), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    if current:
        out.append(current)
    return out


def image_only_pdf() -> bytes:
    """A scanned-looking page: drawn shapes, no text layer."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=LETTER)
    for y in range(100, 700, 20):
        pdf.rect(50, y, 400, 8, fill=1)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def encrypted_pdf(text: str, password: str = "secret", owner_password: str | None = None) -> bytes:
    """text_pdf(text) encrypted; with an empty password and an owner password, only its permissions are locked."""
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(text_pdf(text))).pages:
        writer.add_page(page)
    writer.encrypt(password, owner_password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()

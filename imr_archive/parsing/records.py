"""The records the expert reviewer saw (ParsedLetter.records_reviewed).

FORMATS.md: documents-reviewed letters list them under DOCUMENTS REVIEWED,
professional-review letters under DOCUMENTS REVIEWED FOR DETERMINATION, one
per line ("- Utilization Review Determination dated 09/04/2013"); later
letters may name them in the summary ("The records reviewed include ...").
Each entry is kept as written, without its bullet, with the first date it
carries (a range "dated 02/14/2013 through 08/22/2013" has its first date).
"""

from __future__ import annotations

import re

from imr_archive.parsing.dates import find_date
from imr_archive.parsing.layout import Layout
from imr_archive.parsing.result import RecordReviewed
from imr_archive.parsing.scan import lower, matches_at

__all__ = ["read_records"]

# A section that runs on into prose past these is not a list of records.
_MAX_ENTRIES = 200
_MAX_CHARS = 400

_BULLET = re.compile(r"\s*(?:[-\u2022*\u25cf\u25aa]|\(?\d{1,3}[.)])\s*")
# "The records reviewed include A, B and C." / "Documents provided for review consisted of: A; B; C."
_IN_SUMMARY = re.compile(
    r"(?:records|documents)\s+(?:reviewed|provided\s+for\s+(?:this\s+)?review|submitted\s+for\s+(?:this\s+)?review"
    r"|available\s+for\s+(?:this\s+)?review)\s+(?:by\s+the\s+(?:expert\s+)?reviewer\s+)?(?:include[sd]?|including"
    r"|consist(?:s|ed)?\s+of|were|are)\s*(?:the\s+following)?\s*:?\s*",
    re.IGNORECASE,
)
_IN_SUMMARY_KEY = re.compile(r"records|documents")
_SENTENCE_END = re.compile(r"\.(?=\s+[A-Z]|\s*$)|\n")
_COMMA = re.compile(r",\s+(?:and\s+)?(?=[A-Za-z])")
_LAST_AND = re.compile(r"\s+and\s+(?!without\b)")


def read_records(text: str, layout: Layout) -> list[RecordReviewed]:
    """The records listed in the documents section, else those the case summary names."""
    span = layout.section("documents", "review_documents")
    if span is not None:
        records = [_record(entry) for entry in _listed(text, span)]
    else:
        records = [_record(entry) for entry in _named_in_summary(text, layout)]
    return [r for r in records if r.text][:_MAX_ENTRIES]


def _listed(text: str, span: tuple[int, int]) -> list[str]:
    """One entry per line of the section, bullets removed."""
    entries = []
    for line in text[span[0]:span[1]].split("\n"):
        line = line.strip()
        if line:
            bullet = _BULLET.match(line)
            entries.append(line[bullet.end():] if bullet else line)
        if len(entries) >= _MAX_ENTRIES:
            break
    return entries


def _named_in_summary(text: str, layout: Layout) -> list[str]:
    span = layout.section("summary", "case_summary")
    if span is None:
        return []
    summary = text[span[0]:span[1]]
    m = next(matches_at(_IN_SUMMARY_KEY, _IN_SUMMARY, summary, lower(summary)), None)
    if m is None:
        return []
    limit = min(len(summary), m.end() + 20 * _MAX_CHARS)
    end = _SENTENCE_END.search(summary, m.end(), limit)
    return _split_list(summary[m.end():end.start() if end else limit])


def _split_list(sentence: str) -> list[str]:
    """"A; B; C", or "A, B and C" (the last "and" of a list without semicolons ends it)."""
    if ";" in sentence:
        return sentence.split(";")
    parts = _COMMA.split(sentence)
    last = _LAST_AND.split(parts[-1])
    return parts[:-1] + ([" and ".join(last[:-1]), last[-1]] if len(last) > 1 else last)


def _record(entry: str) -> RecordReviewed:
    written = " ".join(entry[:_MAX_CHARS].split()).strip(" .;,")
    when, _ = find_date(written)
    return RecordReviewed(written, when)

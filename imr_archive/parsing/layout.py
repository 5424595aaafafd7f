"""Stage 3: which of the four layouts a letter uses, and where its sections are.

Sections are (start, end) offsets into the cleaned text, so every later stage
can keep offsets into ParsedLetter.text. Detection scores each layout by the
headings and labelled lines only it uses; the two headings the determination
and documents-reviewed layouts share decide nothing on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from imr_archive.parsing.result import (
    FORMAT_DETERMINATION,
    FORMAT_DOCUMENTS_REVIEWED,
    FORMAT_NOTICE,
    FORMAT_PROFESSIONAL_REVIEW,
)
from imr_archive.parsing.vocabulary import SECTION_HEADINGS
from imr_archive.parsing.vocabulary.headings import NOTICE_ITEM_BLOCK

__all__ = ["Layout", "detect_layout"]

_HEADING_AT = re.compile(
    r"[ \t]*(?:" + "|".join(f"(?P<{key}>{pattern})" for key, pattern in SECTION_HEADINGS) + r")[ \t]*:?[ \t]*"
)

# (layout, weight, pattern at the start of a line) for the markers only one layout uses.
_MARKER_TABLE: tuple[tuple[str, int, str], ...] = (
    (FORMAT_DETERMINATION, 3, r"IMR\s+ISSUES?,?\s+DECISIONS?"),
    (FORMAT_DETERMINATION, 1, r"Claims\s+Administrator\s+guideline\s*:"),
    (FORMAT_DETERMINATION, 1, r"MAXIMUS\s+guideline\s*:"),
    (FORMAT_DETERMINATION, 1, r"Decision\s+rationale\s*:"),
    (FORMAT_DOCUMENTS_REVIEWED, 3, r"IMR\s+DECISION\(?S?\)?,?\s+AND\s+RATIONALE"),
    (FORMAT_DOCUMENTS_REVIEWED, 2, r"DOCUMENTS\s+REVIEWED(?!\s+FOR)"),
    (FORMAT_DOCUMENTS_REVIEWED, 1, r"MAXIMUS\s+FEDERAL\s+SERVICES,?\s+INC"),
    (FORMAT_DOCUMENTS_REVIEWED, 1, r"Final\s+Determination\s+Letter"),
    (FORMAT_DOCUMENTS_REVIEWED, 1, r"The\s+Expert\s+Reviewer's\s+decision\s+rationale"),
    (FORMAT_DOCUMENTS_REVIEWED, 1, r"The\s+Claims\s+Administrator\s+based\s+its\s+decision"),
    (FORMAT_PROFESSIONAL_REVIEW, 3, r"MEDICAL\s+PROFESSIONAL\s+REVIEW"),
    (FORMAT_PROFESSIONAL_REVIEW, 2, r"ISSUES?\s+AT\s+DISPUTE"),
    (FORMAT_PROFESSIONAL_REVIEW, 1, r"CASE\s+SUMMARY"),
    (FORMAT_PROFESSIONAL_REVIEW, 1, r"DOCUMENTS\s+REVIEWED\s+FOR\s+DETERMINATION"),
    (FORMAT_PROFESSIONAL_REVIEW, 2, r"MEDICAL\s+TREATMENT\s+GUIDELINE"),
    (FORMAT_PROFESSIONAL_REVIEW, 2, r"RATIONALE\s+FOR\s+WHY"),
    (FORMAT_PROFESSIONAL_REVIEW, 1, r"MEDICAL\s+REVIEWER\s+QUALIFICATIONS"),
    # FORMATS.md, notice: its title, its decisions heading, numbered "1) ... has determined the
    # request for" lines, the reviewer's qualifications heading and the per-item blocks; in any
    # case and with words glued by extraction.
    (FORMAT_NOTICE, 3, r"(?i:Notice\s*of\s*Independent\s*Medical\s*Review\s*Determination)"),
    (FORMAT_NOTICE, 3, r"(?i:INDEPENDENT\s*MEDICAL\s*REVIEW\s*DECISIONS?\s*AND\s*RATIONALES?)"),
    (FORMAT_NOTICE, 2, r"\(?\d{1,2}\)[ \t]*(?i:MAXIMUS\s*Federal\s*Services,?\s*Inc\.?,?\s*has\s*determined)"),
    (FORMAT_NOTICE, 2, r"(?i:Medical\s*Qualifications\s*of\s*(?:the\s*)?Expert\s*Reviewer)"),
    (FORMAT_NOTICE, 1, NOTICE_ITEM_BLOCK),
)
_MARKERS = re.compile("[ \t]*(?:" + "|".join(f"(?P<m{i}>{p})" for i, (_, _, p) in enumerate(_MARKER_TABLE)) + ")")

# The sections each layout is expected to have, with the heading a warning names.
EXPECTED_SECTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    FORMAT_DETERMINATION: (
        ("method", "HOW THE IMR FINAL DETERMINATION WAS MADE"),
        ("summary", "CLINICAL CASE SUMMARY"),
        ("issues", "IMR ISSUES, DECISIONS AND RATIONALES"),
    ),
    FORMAT_DOCUMENTS_REVIEWED: (
        ("method", "HOW THE IMR FINAL DETERMINATION WAS MADE"),
        ("summary", "CLINICAL CASE SUMMARY"),
        ("decisions", "IMR DECISION(S) AND RATIONALE(S)"),
    ),
    FORMAT_PROFESSIONAL_REVIEW: (
        ("issue_list", "ISSUE AT DISPUTE"),
        ("case_summary", "CASE SUMMARY"),
        ("guidelines", "MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY"),
        ("rationale", "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY"),
        ("qualifications", "MEDICAL REVIEWER QUALIFICATIONS"),
    ),
    FORMAT_NOTICE: (
        ("notice_decisions", "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE"),
        ("qualifications", "Medical Qualifications of the Expert Reviewer"),
        ("case_summary", "Case Summary"),
    ),
}
# Headings that title the letter rather than open a section of it.
_TITLE_KEYS = frozenset({"letter_header", "professional_review", "notice_title"})
_NOTICE_ITEM_BLOCK = re.compile(r"^[ \t]*" + NOTICE_ITEM_BLOCK, re.MULTILINE)


@dataclass
class Layout:
    format: str | None
    # key -> (start, end) of the section body (after its heading) in the text.
    sections: dict[str, tuple[int, int]] = field(default_factory=dict)
    # The header block: from the start of the text to the first section heading.
    header: tuple[int, int] = (0, 0)
    warnings: list[str] = field(default_factory=list)
    # Where the headings and layout markers found are: what a refusal says was recognised.
    recognised: list[tuple[int, int]] = field(default_factory=list)

    def section(self, *keys: str) -> tuple[int, int] | None:
        """The span of the first of keys present (for layouts that name a section differently)."""
        for key in keys:
            if key in self.sections:
                return self.sections[key]
        return None


def detect_layout(text: str) -> Layout:
    """The layout and section spans of a cleaned letter text."""
    headings: list[tuple[str, int, int]] = []
    found: set[str] = set()
    recognised: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        first = line[:1]
        if first.isupper() or first in " \t(" or first.isdigit():
            m = _HEADING_AT.match(text, pos, end)
            if m:
                headings.append((m.lastgroup or "", m.start(), m.end()))
                recognised.append(m.span(m.lastgroup or 0))
            heading = m
            m = _MARKERS.match(text, pos, end)
            if m and m.lastgroup:
                found.add(m.lastgroup)
                if not heading:
                    recognised.append(m.span(m.lastgroup))
        pos = end + 1
    scores = {FORMAT_DETERMINATION: 0, FORMAT_DOCUMENTS_REVIEWED: 0, FORMAT_PROFESSIONAL_REVIEW: 0, FORMAT_NOTICE: 0}
    for name in found:
        fmt, weight, _ = _MARKER_TABLE[int(name[1:])]
        scores[fmt] += weight
    best = max(scores, key=lambda f: scores[f])
    if scores[best] == 0:
        keys = {h[0] for h in headings}
        if not keys & {"method", "summary"}:
            return Layout(None, warnings=["not an IMR letter: no known section heading was recognised"])
        best = FORMAT_DETERMINATION

    sections: dict[str, tuple[int, int]] = {}
    header_end = len(text)
    for i, (key, _start, body_start) in enumerate(headings):
        end = headings[i + 1][1] if i + 1 < len(headings) else len(text)
        if key in _TITLE_KEYS:
            continue
        header_end = min(header_end, _start)
        if key not in sections:
            sections[key] = (body_start, end)

    if best == FORMAT_NOTICE and "case_summary" in sections:
        # FORMATS.md, notice: the per-item blocks follow the case summary without a heading.
        start, end = sections["case_summary"]
        block = _NOTICE_ITEM_BLOCK.search(text, start, end)
        if block:
            sections["case_summary"] = (start, block.start())
    layout = Layout(best, sections, (0, header_end), recognised=recognised)
    for key, heading in EXPECTED_SECTIONS[best]:
        if key not in sections:
            layout.warnings.append(f"missing section: {heading}")
    return layout

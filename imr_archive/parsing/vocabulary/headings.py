"""Section headings of the layouts (FORMATS.md): (key, pattern), matched
case-sensitively at the start of a line; keys are what layout.py returns."""

from __future__ import annotations

__all__ = ["SECTION_HEADINGS"]

SECTION_HEADINGS: tuple[tuple[str, str], ...] = (
    ("method", r"HOW\s+THE\s+IMR\s+FINAL\s+DETERMINATION\s+WAS\s+MADE"),
    ("summary", r"CLINICAL\s+CASE\s+SUMMARY"),
    ("issues", r"IMR\s+ISSUES?,?\s+DECISIONS?,?\s+AND\s+RATIONALES?"),
    ("decisions", r"IMR\s+DECISION\(?S?\)?,?\s+AND\s+RATIONALE\(?S?\)?"),
    ("review_documents", r"DOCUMENTS\s+REVIEWED\s+FOR\s+DETERMINATION"),
    ("documents", r"DOCUMENTS\s+REVIEWED"),
    ("letter_header", r"MAXIMUS\s+FEDERAL\s+SERVICES,?\s+INC\.?"),
    ("professional_review", r"MEDICAL\s+PROFESSIONAL\s+REVIEW"),
    ("issue_list", r"ISSUES?\s+AT\s+DISPUTE"),
    ("case_summary", r"CASE\s+SUMMARY"),
    ("guidelines", r"MEDICAL\s+TREATMENT\s+GUIDELINE\(?S?\)?\s+RELIED\s+UPON(?:\s+BY\s+(?:THE\s+)?PROFESSIONAL"
                   r"\s+REVIEWER)?(?:\s+AND\s+WHY)?"),
    ("rationale", r"RATIONALE\s+FOR\s+WHY\s+THE\s+REQUESTED\s+TREATMENT\s*/?\s*(?:SERVICE\s+)?(?:IS\s*/\s*WAS|IS|WAS)"
                  r"\s+NOT\s+MEDICALLY\s+NECESSARY"),
    ("qualifications", r"MEDICAL\s+REVIEWER\s+QUALIFICATIONS"),
)

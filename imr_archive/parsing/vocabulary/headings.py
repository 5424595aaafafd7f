"""Section headings of the layouts (FORMATS.md): (key, pattern), matched at the
start of a line; keys are what layout.py returns. The three later layouts print
their headings in capitals, so those match case-sensitively; the notice layout's
headings vary in case and wording and extraction may glue their words, so those
match in any case with any spacing, and title-case forms need their colon."""

from __future__ import annotations

__all__ = ["NOTICE_ITEM_BLOCK", "SECTION_HEADINGS"]

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
    # FORMATS.md, notice: "Case Summary:" (also "Clinical Case Summary:", "Expert Reviewer Case Summary:").
    ("case_summary", r"CASE\s+SUMMARY|(?i:(?:Clinical\s*|Expert\s*Reviewer\s*)?Case\s*Summary)(?=\s*:)"),
    # Not the notice layout's per-item "... RELIED UPON BY THE CLAIMS ADMINISTRATOR / EXPERT REVIEWER".
    ("guidelines", r"MEDICAL\s+TREATMENT\s+GUIDELINE\(?S?\)?\s+RELIED\s+UPON(?!\s+BY\s+THE\s+(?:CLAIMS|EXPERT))"
                   r"(?:\s+BY\s+(?:THE\s+)?PROFESSIONAL\s+REVIEWER)?(?:\s+AND\s+WHY)?"),
    ("rationale", r"RATIONALE\s+FOR\s+WHY\s+THE\s+REQUESTED\s+TREATMENT\s*/?\s*(?:SERVICE\s+)?(?:IS\s*/\s*WAS|IS|WAS)"
                  r"\s+NOT\s+MEDICALLY\s+NECESSARY"),
    # FORMATS.md, notice: "Medical Qualifications of the Expert Reviewer:" holds the reviewer's credentials.
    ("qualifications", r"MEDICAL\s+REVIEWER\s+QUALIFICATIONS"
                       r"|(?i:Medical\s*Qualifications\s*of\s*(?:the\s*)?Expert\s*Reviewer)(?=\s*:|\s*$)"),
    # FORMATS.md, notice: the title, then the decisions repeated under their own heading.
    ("notice_title", r"(?i:Notice\s*of\s*Independent\s*Medical\s*Review\s*Determination)"),
    ("notice_decisions", r"(?i:INDEPENDENT\s*MEDICAL\s*REVIEW\s*DECISIONS?\s*AND\s*RATIONALES?)"),
)

# FORMATS.md, notice: after the case summary, each item's guideline basis and rationale
# under "1) Regarding the request for <X>:" (the number may be missing).
NOTICE_ITEM_BLOCK = r"\(?(?:\d{1,2}[.)])?[ \t]*(?i:Regarding\s*the\s*request(?:ed)?\s*(?:for)?)"

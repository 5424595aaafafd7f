"""The parse result: dataclasses whose JSON form is SCHEMA.md version 1.

`ParsedLetter.to_dict()` gives every key of the schema, in the schema's
order, plus keys the schema does not score but the archive needs (the full
rationale, the guideline lines as written, citation spans, warnings). Scorers
and the golden tests read only the schema's keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

SCHEMA_VERSION = 1

UPHELD = "upheld"
OVERTURNED = "overturned"
PARTIAL = "partial"
UNKNOWN = "unknown"
OUTCOMES = (UPHELD, OVERTURNED, PARTIAL, UNKNOWN)

CLAIMS_ADMINISTRATOR = "claims_administrator"
REVIEWER = "reviewer"
SOURCES = (CLAIMS_ADMINISTRATOR, REVIEWER)

FORMAT_DETERMINATION = "determination"
FORMAT_DOCUMENTS_REVIEWED = "documents-reviewed"
FORMAT_PROFESSIONAL_REVIEW = "professional-review"
FORMAT_NOTICE = "notice"
FORMATS = (FORMAT_DETERMINATION, FORMAT_DOCUMENTS_REVIEWED, FORMAT_PROFESSIONAL_REVIEW, FORMAT_NOTICE)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


@dataclass
class Citation:
    """One guideline named as the basis of a decision."""

    source: str
    guideline: str
    mtus: bool
    edition: str | None = None
    chapter: str | None = None
    section: str | None = None
    pages: list[int] = field(default_factory=list)
    # [start, end) offsets into ParsedLetter.text of the words that cite it.
    span: tuple[int, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "guideline": self.guideline,
            "mtus": self.mtus,
            "edition": self.edition,
            "chapter": self.chapter,
            "section": self.section,
            "pages": sorted(self.pages),
            "span": list(self.span) if self.span else None,
        }


@dataclass
class Issue:
    """One disputed item or service and the decision on it."""

    treatment: str
    category: str
    outcome: str
    outcome_stated: bool
    citations: list[Citation] = field(default_factory=list)
    rationale: str = ""
    # The claims administrator's and the reviewer's guideline lines as written.
    claims_administrator_guideline: str = ""
    reviewer_guideline: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "treatment": self.treatment,
            "category": self.category,
            "outcome": self.outcome,
            "outcome_stated": self.outcome_stated,
            "citations": [c.to_dict() for c in self.citations],
            "rationale": self.rationale,
            "claims_administrator_guideline": self.claims_administrator_guideline,
            "reviewer_guideline": self.reviewer_guideline,
        }


@dataclass
class Dates:
    assigned: date | None = None
    injury: date | None = None
    decision: date | None = None
    ur_denial: date | None = None
    application_received: date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "assigned": _iso(self.assigned),
            "injury": _iso(self.injury),
            "decision": _iso(self.decision),
            "ur_denial": _iso(self.ur_denial),
            "application_received": _iso(self.application_received),
        }


@dataclass
class Reviewer:
    specialty: str | None = None
    subspecialty: str | None = None
    licensure: list[str] = field(default_factory=list)
    board_certified: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "specialty": self.specialty,
            "subspecialty": self.subspecialty,
            "licensure": list(self.licensure),
            "board_certified": self.board_certified,
        }


@dataclass
class Patient:
    age: int | None = None
    sex: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"age": self.age, "sex": self.sex}


@dataclass
class RecordReviewed:
    """One record the expert reviewer saw (a report, a note, a UR letter), as the letter lists it."""

    text: str
    date: date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "date": _iso(self.date)}


@dataclass
class ParsedLetter:
    """Everything read from one letter. `text` is the cleaned text spans point into."""

    file: str
    text: str
    format: str | None = None
    case_number: str | None = None
    dates: Dates = field(default_factory=Dates)
    reviewer: Reviewer = field(default_factory=Reviewer)
    patient: Patient = field(default_factory=Patient)
    diagnoses: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    records_reviewed: list[RecordReviewed] = field(default_factory=list)
    priority: str | None = None
    case_summary: str = ""
    determination_method: str = ""
    warnings: list[str] = field(default_factory=list)
    parser_version: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "format": self.format,
            "case_number": self.case_number,
            "dates": self.dates.to_dict(),
            "reviewer": self.reviewer.to_dict(),
            "patient": self.patient.to_dict(),
            "diagnoses": list(self.diagnoses),
            "issues": [i.to_dict() for i in self.issues],
            "records_reviewed": [r.to_dict() for r in self.records_reviewed],
            "priority": self.priority,
            "case_summary": self.case_summary,
            "determination_method": self.determination_method,
            "warnings": list(self.warnings),
            "parser_version": self.parser_version,
            "schema_version": SCHEMA_VERSION,
        }

"""What a Whoosh document of an Issue holds, and the filters built on those fields."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from whoosh.columns import VarBytesColumn
from whoosh.fields import COLUMN, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.query import And, NumericRange, Or, Prefix, Query, Term

from imr_archive.search.documents import IssueDocument
from imr_archive.search.query import NO_YEAR, SearchQuery
from imr_archive.search.whoosh.analysis import GramsTokenizer, ProseTokenizer, joined

PROSE = ProseTokenizer()
SCHEMA = Schema(
    issue_id=ID(stored=True, unique=True),
    letter_id=ID(stored=True),
    stamp=STORED(),
    number=NUMERIC(int, bits=64, sortable=True),  # the issue id as a column: the tie order of sorts
    treatment=TEXT(analyzer=PROSE),
    text=TEXT(analyzer=PROSE),  # the rationale and the guideline lines
    summary=TEXT(analyzer=PROSE),
    guideline_text=TEXT(analyzer=PROSE),
    records=TEXT(analyzer=PROSE),
    # The default fields' adjacent word pairs and triples (whoosh/analysis.py): a phrase without a
    # field of two or three words is one term, a longer one these terms and a check of positions.
    pairs=TEXT(analyzer=GramsTokenizer(2), phrase=False),
    triples=TEXT(analyzer=GramsTokenizer(3), phrase=False),
    case_number=ID,  # indexed lower-case
    treatment_normalized=ID,
    outcome=ID(sortable=True),
    category=ID(sortable=True),
    specialty=ID(sortable=True),
    year=ID(sortable=True),
    guideline=KEYWORD,
    # The set of cited guidelines as one value, so the guideline facet is a
    # column count (a few combinations) instead of a walk over postings.
    guideline_set=ID(sortable=True),
    guideline_page=KEYWORD,
    guideline_chapter=KEYWORD,  # "slug:chapter slug" of each canonical chapter cited
    mtus=ID,
    decision=NUMERIC(int, bits=32, sortable=True),
    injury=NUMERIC(int, bits=32),
    sex=ID,
    age=NUMERIC(int, bits=32),
    # Columns only (not searched): what outcome analytics break matches down by (whoosh/breakdowns.py).
    treatment_column=COLUMN(VarBytesColumn()),
    sex_column=COLUMN(VarBytesColumn()),
    age_column=COLUMN(VarBytesColumn()),  # whole years, empty when not stated
    pages_column=COLUMN(VarBytesColumn()),  # the cited "slug:page" values, space-separated
)
COLUMN_FACETS = {"outcome": "outcome", "category": "category", "specialty": "specialty", "year": "year",
                 "guideline": "guideline_set"}
UNKNOWN_DATE = 0


def day(value: date | None) -> int:
    return value.year * 10000 + value.month * 100 + value.day if value else UNKNOWN_DATE


def document_fields(doc: IssueDocument) -> dict:
    fields = {
        "issue_id": str(doc.issue_id),
        "letter_id": str(doc.letter_id),
        "stamp": doc.stamp,
        "number": doc.issue_id,
        "treatment": doc.treatment,
        "text": joined(doc.text),
        "summary": joined(doc.summary),
        "guideline_text": joined(doc.guideline_lines),
        "records": joined(doc.records),
        "pairs": joined([doc.treatment, *doc.text, *doc.summary]),
        "triples": joined([doc.treatment, *doc.text, *doc.summary]),
        "case_number": doc.case_number.lower(),
        "treatment_normalized": doc.treatment_normalized,
        "outcome": doc.outcome,
        "category": doc.category,
        "specialty": doc.specialty,
        "year": str(doc.decision.year) if doc.decision else NO_YEAR,
        "guideline": " ".join(doc.guidelines),
        "guideline_set": " ".join(doc.guidelines),
        "guideline_page": " ".join(doc.guideline_pages),
        "guideline_chapter": " ".join(doc.guideline_chapters),
        "mtus": "yes" if doc.mtus else "no",
        "decision": day(doc.decision),
        "injury": day(doc.injury),
        "sex": doc.sex,
        "treatment_column": doc.treatment_normalized.encode(),
        "sex_column": doc.sex.encode(),
        "age_column": b"" if doc.age is None else str(doc.age).encode(),
        "pages_column": " ".join(doc.guideline_pages).encode(),
    }
    if doc.age is not None:
        fields["age"] = doc.age
    return {name: value for name, value in fields.items() if value not in ("", b"")}


def any_of(field: str, values: Iterable[str]) -> Query:
    return Or([Term(field, value) for value in values])


def _range(field: str, start: date | None, end: date | None) -> Query | None:
    if start is None and end is None:
        return None
    return NumericRange(field, day(start) if start else 1, day(end) if end else None)


def filter_query(query: SearchQuery) -> Query | None:
    """The query's filters but the facets' as a Whoosh query (facet filters are counting.py's)."""
    parts: list[Query | None] = []
    if query.treatment:
        parts.append(any_of("treatment_normalized", query.treatment))
    if query.mtus is not None:
        parts.append(Term("mtus", "yes" if query.mtus else "no"))
    parts.append(_range("decision", query.decision_from, query.decision_to))
    parts.append(_range("injury", query.injury_from, query.injury_to))
    if query.sex:
        parts.append(Term("sex", query.sex))
    if query.age_min is not None or query.age_max is not None:
        parts.append(NumericRange("age", query.age_min, query.age_max))
    if query.case_number:  # a case number or its beginning
        parts.append(Prefix("case_number", query.case_number.lower()))
    if query.letter_id is not None:
        parts.append(Term("letter_id", str(query.letter_id)))
    present = [p for p in parts if p is not None]
    return And(present) if present else None

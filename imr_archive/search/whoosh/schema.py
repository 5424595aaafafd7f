"""What a Whoosh document of an Issue holds, and the query pieces built on those fields."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from whoosh.analysis import BiWordFilter, StemmingAnalyzer
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.query import And, NumericRange, Or, Phrase, Prefix, Query, Term

from imr_archive.search.documents import IssueDocument
from imr_archive.search.query import NO_YEAR, SearchQuery

PROSE = StemmingAnalyzer()
SCHEMA = Schema(
    issue_id=ID(stored=True, unique=True),
    letter_id=ID(stored=True),
    stamp=STORED(),
    treatment=TEXT(analyzer=PROSE, field_boost=3.0),
    # Everything else an item says: rationale, guideline lines, case summary and diagnoses.
    # Searching two fields (treatment, text) instead of four halves the postings read per word.
    text=TEXT(analyzer=PROSE),
    summary=TEXT(analyzer=PROSE),
    guideline_text=TEXT(analyzer=PROSE),
    # Adjacent word pairs ("function-improv"): a phrase is a few term lookups instead of
    # a position check of every candidate, which Whoosh does slowly in Python.
    pairs=TEXT(analyzer=PROSE | BiWordFilter(), phrase=False),
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
    guideline_chapter=KEYWORD,
    mtus=ID,
    decision=NUMERIC(int, bits=32, sortable=True),
    injury=NUMERIC(int, bits=32),
    sex=ID,
    age=NUMERIC(int, bits=32),
)
DEFAULT_FIELDS = ("treatment", "text")
COLUMN_FACETS = {"outcome": "outcome", "category": "category", "specialty": "specialty", "year": "year",
                 "guideline": "guideline_set"}
UNKNOWN_DATE = 0


def _day(value: date | None) -> int:
    return value.year * 10000 + value.month * 100 + value.day if value else UNKNOWN_DATE


def document_fields(doc: IssueDocument) -> dict:
    fields = {
        "issue_id": str(doc.issue_id),
        "letter_id": str(doc.letter_id),
        "stamp": doc.stamp,
        "treatment": doc.treatment,
        "text": "\n".join([doc.rationale, doc.guideline_text, doc.summary]),
        "summary": doc.summary,
        "guideline_text": doc.guideline_text,
        "pairs": "\n".join([doc.treatment, doc.rationale, doc.guideline_text, doc.summary]),
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
        "decision": _day(doc.decision),
        "injury": _day(doc.injury),
        "sex": doc.sex,
    }
    if doc.age is not None:
        fields["age"] = doc.age
    return {name: value for name, value in fields.items() if value != ""}


def any_of(field: str, values: Iterable[str]) -> Query:
    return Or([Term(field, value) for value in values])


def _range(field: str, start: date | None, end: date | None) -> Query | None:
    if start is None and end is None:
        return None
    return NumericRange(field, _day(start) if start else 1, _day(end) if end else None)


def filter_query(query: SearchQuery) -> Query | None:
    """The query's filters but the facets' as a Whoosh query (facet filters are `_facet_tests`)."""
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


def phrase_as_pairs(node: Query) -> Query:
    """An unfielded phrase (the parser's Or of one Phrase per default field) as word-pair terms."""
    if isinstance(node, Or) and node.subqueries and all(isinstance(q, Phrase) for q in node.subqueries):
        fields = {q.fieldname for q in node.subqueries}
        words = node.subqueries[0].words
        if fields == set(DEFAULT_FIELDS) and all(q.words == words for q in node.subqueries) and len(words) > 1:
            return And([Term("pairs", f"{a}-{b}") for a, b in zip(words, words[1:], strict=False)])
    return node

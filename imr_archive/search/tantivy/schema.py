"""What a Tantivy document of an Issue holds: the one definition of the index's fields.

Prose fields go through the project's analyzer (search/analysis.py) with
positions, for exact phrases. Values matched whole (facets, case number,
normalized treatment) use Tantivy's raw tokenizer; those an engine counts,
sorts or breaks analytics down by are fast fields (columns). Dates are
integers YYYYMMDD, absent when unknown. `newest` and `oldest` are each one
sortable number holding the decision day and the issue id, so a date sort
breaks ties by item id and puts an item without a decision date last in
either direction.
"""

from __future__ import annotations

from datetime import date
from functools import cache

import tantivy

from imr_archive.search.analysis import PROSE
from imr_archive.search.documents import IssueDocument
from imr_archive.search.query import NO_YEAR
from imr_archive.search.query_text import TEXT_FIELDS

# Facet -> the fast field counted for it.
FACET_FIELDS = {"outcome": "outcome", "category": "category", "guideline": "guideline", "specialty": "specialty",
                "year": "year"}
# Exact-value fields, as text: facets and what analytics break searches down by.
KEYWORDS = ("outcome", "category", "guideline", "guideline_page", "guideline_chapter", "specialty", "year", "month",
            "sex", "treatment_normalized", "mtus", "case_number", "stamp")
NUMBERS = ("issue_id", "letter_id", "decision", "injury", "age", "newest", "oldest")
ID_BITS = 32  # issue ids stay below 2**32 in the sort keys
NEVER = 99_999_999  # the day an undated item is sorted at, oldest first


@cache
def schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    for name in TEXT_FIELDS:
        builder.add_text_field(name, tokenizer_name=PROSE, index_option="position")
    for name in KEYWORDS:
        builder.add_text_field(name, tokenizer_name="raw", index_option="basic", fast=True)
    for name in NUMBERS:
        builder.add_integer_field(name, indexed=True, fast=True)
    return builder.build()


def day(value: date) -> int:
    return value.year * 10000 + value.month * 100 + value.day


def document(doc: IssueDocument) -> tantivy.Document:
    decided = day(doc.decision) if doc.decision else None
    fields: dict[str, object] = {
        "issue_id": doc.issue_id,
        "letter_id": doc.letter_id,
        "stamp": doc.stamp,
        "treatment": doc.treatment,
        "text": [part for part in doc.text if part],
        "summary": [part for part in doc.summary if part],
        "guideline_text": [part for part in doc.guideline_lines if part],
        "records": [part for part in doc.records if part],
        "case_number": doc.case_number.lower(),
        "treatment_normalized": doc.treatment_normalized,
        "outcome": doc.outcome,
        "category": doc.category,
        "specialty": doc.specialty,
        "guideline": doc.guidelines,
        "guideline_page": doc.guideline_pages,
        "guideline_chapter": doc.guideline_chapters,
        "mtus": "yes" if doc.mtus else "no",
        "sex": doc.sex,
        "newest": ((decided or 0) << ID_BITS) + doc.issue_id,
        "oldest": ((decided or NEVER) << ID_BITS) + doc.issue_id,
    }
    if doc.decision:
        fields.update(decision=decided, year=str(doc.decision.year), month=f"{doc.decision:%Y-%m}")
    else:
        fields["year"] = NO_YEAR  # the year facet's bucket of items without a decision date
    if doc.injury:
        fields["injury"] = day(doc.injury)
    if doc.age is not None:
        fields["age"] = doc.age
    return tantivy.Document.from_dict({name: value for name, value in fields.items() if value not in ("", [])},
                                      schema())

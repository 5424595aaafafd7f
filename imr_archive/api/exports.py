"""Exports of a search's matches as CSV or JSON: fixed columns, read in chunks, written as they are read.

Rows are read from the database a chunk of item ids at a time (two queries
a chunk), in the order given, and written out at once, so memory stays the
same whatever the number of rows. The CSV starts with a byte-order mark so
that Excel reads it as UTF-8. docs/api.md lists the columns.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Prefetch

from imr_archive.letters.models import Citation, Issue, Letter
from imr_archive.web.templatetags.archive import page_ranges

CHUNK = 500
BOM = "\ufeff"

# (key in JSON, header in CSV), in the issue's order.
COLUMNS = (
    ("case_number", "Case number"),
    ("permalink", "Permalink"),
    ("decision_date", "Decision date"),
    ("item_number", "Item number"),
    ("treatment", "Treatment"),
    ("category", "Category"),
    ("outcome", "Outcome"),
    ("outcome_stated", "Outcome stated"),
    ("guidelines_cited", "Guidelines cited"),
    ("reviewer_specialty", "Reviewer specialty"),
    ("patient_age", "Patient age"),
    ("patient_sex", "Patient sex"),
    ("injury_date", "Injury date"),
)
ITEM_FIELDS = ("id", "letter_id", "ordinal", "treatment", "category", "outcome", "outcome_stated")
LETTER_FIELDS = ("case_number", "permalink", "date_decision", "reviewer_specialty", "patient_age", "patient_sex",
                 "date_injury")
CITATION_FIELDS = ("issue_id", "ordinal", "guideline__name", "guideline__slug", "edition", "chapter", "section",
                   "pages")


@dataclass
class CitedGuideline:
    guideline: str
    slug: str
    edition: str
    chapter: str
    section: str
    pages: list[int]

    def as_text(self) -> str:
        """"MTUS Chronic Pain Medical Treatment Guidelines, Opioids, pp. 76–80"."""
        parts = [self.guideline, self.edition, self.chapter, f"§ {self.section}" if self.section else "",
                 page_ranges(self.pages)]
        return ", ".join(part for part in parts if part)


def export_rows(ids: list[int], permalink: Callable[[Letter], str], using: str | None = None) -> Iterator[dict]:
    """A row (COLUMNS' keys) per item id, in the order of `ids`; `permalink` makes a letter's absolute address."""
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        cited = Prefetch("citations", queryset=Citation.objects.using(using).select_related("guideline")
                         .only(*CITATION_FIELDS).order_by("ordinal"))
        issues = (Issue.objects.using(using).filter(id__in=chunk).select_related("letter")
                  .only(*ITEM_FIELDS, *(f"letter__{name}" for name in LETTER_FIELDS)).prefetch_related(cited))
        by_id = {issue.id: issue for issue in issues}
        for issue_id in chunk:
            issue = by_id.get(issue_id)
            if issue is not None:  # deleted since the search ran
                yield _row(issue, permalink)


def _row(issue: Issue, permalink: Callable[[Letter], str]) -> dict:
    letter = issue.letter
    return {
        "case_number": letter.case_number or "",
        "permalink": f"{permalink(letter)}#item-{issue.ordinal}",
        "decision_date": letter.date_decision.isoformat() if letter.date_decision else None,
        "item_number": issue.ordinal,
        "treatment": issue.treatment,
        "category": issue.category,
        "outcome": issue.outcome,
        "outcome_stated": issue.outcome_stated,
        "guidelines_cited": _merged(issue.citations.all()),
        "reviewer_specialty": letter.reviewer_specialty,
        "patient_age": letter.patient_age,
        "patient_sex": letter.patient_sex,
        "injury_date": letter.date_injury.isoformat() if letter.date_injury else None,
    }


def _merged(citations: Iterable[Citation]) -> list[CitedGuideline]:
    """The item's citations, one per guideline and chapter (the administrator's and the reviewer's often agree)."""
    merged: dict[tuple, CitedGuideline] = {}
    pages: dict[tuple, set[int]] = defaultdict(set)
    for c in citations:
        key = (c.guideline.slug, c.edition, c.chapter, c.section)
        merged.setdefault(key, CitedGuideline(c.guideline.name, c.guideline.slug, c.edition, c.chapter, c.section, []))
        pages[key].update(c.pages)
    for key, entry in merged.items():
        entry.pages = sorted(pages[key])
    return list(merged.values())


class _Line:
    """What csv.writer writes to: hands back the line instead of keeping it."""

    def write(self, line: str) -> str:
        return line


def csv_lines(rows: Iterable[dict]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield BOM + writer.writerow([header for _, header in COLUMNS])
    for row in rows:
        values = {**row, "guidelines_cited": "; ".join(g.as_text() for g in row["guidelines_cited"]),
                  "outcome_stated": "yes" if row["outcome_stated"] else "no"}
        yield writer.writerow(["" if values[key] is None else values[key] for key, _ in COLUMNS])


def json_chunks(rows: Iterable[dict]) -> Iterator[str]:
    """A JSON array, one item's object a line."""
    yield "["
    separator = "\n"
    for row in rows:
        cited = [{"guideline": g.guideline, "slug": g.slug, "edition": g.edition, "chapter": g.chapter,
                  "section": g.section, "pages": g.pages} for g in row["guidelines_cited"]]
        yield separator + json.dumps({**row, "guidelines_cited": cited}, ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"

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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from imr_archive.api.permalinks import PermalinkPaths
from imr_archive.letters.models import Citation, Issue
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
ITEM_FIELDS = ("id", "ordinal", "treatment", "category", "outcome", "outcome_stated", "letter__case_number",
               "letter__permalink", "letter__date_decision", "letter__reviewer_specialty", "letter__patient_age",
               "letter__patient_sex", "letter__date_injury")
CITATION_FIELDS = ("issue_id", "guideline__name", "guideline__slug", "edition", "chapter", "section", "pages")


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
        chapter = f"Chapter {self.chapter}" if self.chapter.isdigit() else self.chapter  # as the letter page says
        parts = [self.guideline, self.edition, chapter, f"§ {self.section}" if self.section else "",
                 page_ranges(self.pages)]
        return ", ".join(part for part in parts if part)


def export_rows(ids: list[int], site: str, using: str | None = None) -> Iterator[dict]:
    """A row (COLUMNS' keys) per item id, in the order of `ids`; `site` begins the permalinks (https://host).

    Rows are read as tuples, not model instances: at 100,000 items building
    the instances cost more than the queries.
    """
    paths = PermalinkPaths()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        items = Issue.objects.using(using).filter(id__in=chunk).values_list(*ITEM_FIELDS)
        by_id = {row[0]: row for row in items}
        cited: dict[int, list[tuple]] = defaultdict(list)
        for issue_id, *citation in (Citation.objects.using(using).filter(issue_id__in=chunk)
                                    .order_by("issue_id", "ordinal").values_list(*CITATION_FIELDS)):
            cited[issue_id].append(citation)
        for issue_id in chunk:
            if issue_id in by_id:  # else deleted since the search ran
                yield _row(by_id[issue_id], cited[issue_id], site, paths)


def _row(item: tuple, citations: list[tuple], site: str, paths: PermalinkPaths) -> dict:
    (_, ordinal, treatment, category, outcome, outcome_stated, case_number, key, decided, specialty, age, sex,
     injured) = item
    return {
        "case_number": case_number or "",
        "permalink": f"{site}{paths.of(case_number, key)}#item-{ordinal}",
        "decision_date": decided.isoformat() if decided else None,
        "item_number": ordinal,
        "treatment": treatment,
        "category": category,
        "outcome": outcome,
        "outcome_stated": outcome_stated,
        "guidelines_cited": _merged(citations),
        "reviewer_specialty": specialty,
        "patient_age": age,
        "patient_sex": sex,
        "injury_date": injured.isoformat() if injured else None,
    }


def _merged(citations: list[tuple]) -> list[CitedGuideline]:
    """The item's citations, one per guideline and chapter (the administrator's and the reviewer's often agree)."""
    merged: dict[tuple, CitedGuideline] = {}
    for name, slug, edition, chapter, section, pages in citations:
        entry = merged.setdefault((slug, edition, chapter, section),
                                  CitedGuideline(name, slug, edition, chapter, section, []))
        entry.pages = sorted(set(entry.pages) | set(pages))
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

"""Search documents: one per Issue, carrying its letter's fields.

A backend indexes these plain dicts; it never reads models itself. Built in
bulk: a batch of letters costs three queries whatever its size.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from imr_archive.letters.models import Citation, CitedPage, Guideline, Issue, Letter


@dataclass
class IssueDocument:
    issue_id: int
    letter_id: int
    stamp: str  # changes whenever the letter is saved: tells a stale index entry
    treatment: str
    treatment_normalized: str
    rationale: str
    summary: list[str]  # the letter's case summary, then each diagnosis
    guideline_lines: list[str]  # the claims administrator's and the reviewer's guideline lines as written
    case_number: str
    outcome: str
    category: str
    specialty: str
    decision: date | None
    injury: date | None
    sex: str
    age: int | None
    guidelines: list[str] = field(default_factory=list)  # slugs of cited guidelines
    guideline_pages: list[str] = field(default_factory=list)  # "slug:page"
    guideline_chapters: list[str] = field(default_factory=list)  # "slug:chapter slug" (Citation.chapter_slug)
    mtus: bool = False
    records: list[str] = field(default_factory=list)  # the records the reviewer saw, as listed

    @property
    def text(self) -> list[str]:
        """The parts of the "text" field (rationale: in a query): the rationale and the guideline lines."""
        return [self.rationale, *self.guideline_lines]


def letter_stamp(modified) -> str:
    return modified.isoformat()


_LETTER = ("id", "modified", "case_number", "reviewer_specialty", "date_decision", "date_injury", "patient_sex",
           "patient_age", "case_summary", "diagnoses", "records_reviewed")
_ISSUE = ("id", "letter_id", "treatment", "treatment_normalized", "rationale", "outcome", "category",
          "claims_administrator_guideline", "reviewer_guideline")


def documents_for_letters(letter_ids: Iterable[int]) -> Iterator[IssueDocument]:
    """The documents of every issue of the given letters (rows as tuples: no model instances to build)."""
    ids = list(letter_ids)
    letters = {row[0]: row for row in Letter.objects.filter(id__in=ids).values_list(*_LETTER)}
    issues = list(Issue.objects.filter(letter_id__in=ids).order_by("id").values_list(*_ISSUE))
    issue_ids = [row[0] for row in issues]
    slug = dict(Guideline.objects.values_list("id", "slug"))
    slugs: dict[int, set[str]] = defaultdict(set)
    chapters: dict[int, set[str]] = defaultdict(set)
    mtus: dict[int, bool] = defaultdict(bool)
    for issue_id, guideline_id, is_mtus, chapter in Citation.objects.filter(issue_id__in=issue_ids).values_list(
            "issue_id", "guideline_id", "mtus", "chapter_slug"):
        slugs[issue_id].add(slug[guideline_id])
        mtus[issue_id] |= is_mtus
        if chapter:
            chapters[issue_id].add(f"{slug[guideline_id]}:{chapter}")
    pages: dict[int, set[str]] = defaultdict(set)
    for issue_id, guideline_id, page in CitedPage.objects.filter(issue_id__in=issue_ids).values_list(
            "issue_id", "guideline_id", "page"):
        pages[issue_id].add(f"{slug[guideline_id]}:{page}")
    for (issue_id, letter_id, treatment, normalized, rationale, outcome, category, administrator_line,
         reviewer_line) in issues:
        (_, modified, case_number, specialty, decided, injured, sex, age, summary, diagnoses,
         records) = letters[letter_id]
        yield IssueDocument(
            issue_id=issue_id,
            letter_id=letter_id,
            stamp=letter_stamp(modified),
            treatment=treatment,
            treatment_normalized=normalized,
            rationale=rationale,
            summary=[summary, *diagnoses],
            guideline_lines=[administrator_line, reviewer_line],
            case_number=case_number or "",
            outcome=outcome,
            category=category,
            specialty=specialty,
            decision=decided,
            injury=injured,
            sex=sex,
            age=age,
            guidelines=sorted(slugs[issue_id]),
            guideline_pages=sorted(pages[issue_id]),
            guideline_chapters=sorted(chapters[issue_id]),
            mtus=mtus[issue_id],
            records=[record["text"] for record in records if record.get("text")],
        )

"""Search documents: one per Issue, carrying its letter's fields.

A backend indexes these plain dicts; it never reads models itself. Built in
bulk: a batch of letters costs three queries whatever its size.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from imr_archive.letters.models import Citation, CitedPage, Issue


@dataclass
class IssueDocument:
    issue_id: int
    letter_id: int
    stamp: str  # changes whenever the letter is saved: tells a stale index entry
    treatment: str
    treatment_normalized: str
    rationale: str
    summary: str  # the letter's case summary and diagnoses
    guideline_text: str  # the two guideline lines as written
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


def letter_stamp(modified) -> str:
    return modified.isoformat()


def documents_for_letters(letter_ids: Iterable[int]) -> Iterator[IssueDocument]:
    """The documents of every issue of the given letters."""
    issues = list(
        Issue.objects.filter(letter_id__in=list(letter_ids))
        .select_related("letter")
        .only(
            "id", "treatment", "treatment_normalized", "rationale", "outcome", "category",
            "claims_administrator_guideline", "reviewer_guideline",
            "letter__id", "letter__modified", "letter__case_number", "letter__reviewer_specialty",
            "letter__date_decision", "letter__date_injury", "letter__patient_sex", "letter__patient_age",
            "letter__case_summary", "letter__diagnoses",
        )
        .order_by("id")
    )
    ids = [issue.id for issue in issues]
    slugs: dict[int, set[str]] = defaultdict(set)
    chapters: dict[int, set[str]] = defaultdict(set)
    mtus: dict[int, bool] = defaultdict(bool)
    for issue_id, slug, is_mtus, chapter in Citation.objects.filter(issue_id__in=ids).values_list(
        "issue_id", "guideline__slug", "mtus", "chapter_slug"
    ):
        slugs[issue_id].add(slug)
        mtus[issue_id] |= is_mtus
        if chapter:
            chapters[issue_id].add(f"{slug}:{chapter}")
    pages: dict[int, set[str]] = defaultdict(set)
    for issue_id, slug, page in CitedPage.objects.filter(citation__issue_id__in=ids).values_list(
        "citation__issue_id", "guideline__slug", "page"
    ):
        pages[issue_id].add(f"{slug}:{page}")
    for issue in issues:
        letter = issue.letter
        yield IssueDocument(
            issue_id=issue.id,
            letter_id=letter.id,
            stamp=letter_stamp(letter.modified),
            treatment=issue.treatment,
            treatment_normalized=issue.treatment_normalized,
            rationale=issue.rationale,
            summary="\n".join([letter.case_summary, *letter.diagnoses]),
            guideline_text="\n".join([issue.claims_administrator_guideline, issue.reviewer_guideline]),
            case_number=letter.case_number or "",
            outcome=issue.outcome,
            category=issue.category,
            specialty=letter.reviewer_specialty,
            decision=letter.date_decision,
            injury=letter.date_injury,
            sex=letter.patient_sex,
            age=letter.patient_age,
            guidelines=sorted(slugs[issue.id]),
            guideline_pages=sorted(pages[issue.id]),
            guideline_chapters=sorted(chapters[issue.id]),
            mtus=mtus[issue.id],
        )

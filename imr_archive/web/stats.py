"""Counts shown on the guideline pages and the archive's size on the home page: each one GROUP BY query.

Items are counted once per (item, guideline page) or (item, chapter), however
many of its citations name them: the claims administrator and the reviewer
often cite the same page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Min, Q

from imr_archive.letters.models import Citation, CitedPage, Guideline, Issue, Letter
from imr_archive.parsing import result, vocabulary

MAX_CHAPTERS = 100
OUTCOME_ORDER = (result.UPHELD, result.OVERTURNED, result.PARTIAL, result.UNKNOWN)


@dataclass
class OutcomeSplit:
    upheld: int = 0
    overturned: int = 0
    partial: int = 0
    unknown: int = 0

    @property
    def total(self) -> int:
        return self.upheld + self.overturned + self.partial + self.unknown

    def percent(self, outcome: str) -> int:
        return round(100 * getattr(self, outcome) / self.total) if self.total else 0

    @property
    def parts(self) -> list[tuple[str, int, int]]:
        """(outcome, count, percent) in display order."""
        return [(o, getattr(self, o), self.percent(o)) for o in OUTCOME_ORDER]


def _split_counts(prefix: str) -> dict:
    """Count(distinct item) per outcome, for a query whose item is reached through `prefix`."""
    return {
        outcome: Count(prefix, distinct=True, filter=Q(**{f"{prefix}__outcome": outcome}))
        for outcome in OUTCOME_ORDER
    }


def _split(row: dict) -> OutcomeSplit:
    return OutcomeSplit(**{o: row.get(o) or 0 for o in OUTCOME_ORDER})


# -- home -------------------------------------------------------------------


def archive_size() -> dict:
    outcomes = dict(Issue.objects.order_by().values_list("outcome").annotate(n=Count("id")))
    return {
        "letters": Letter.objects.count(),
        "split": OutcomeSplit(**{o: outcomes.get(o, 0) for o in OUTCOME_ORDER}),
    }


# -- guidelines -------------------------------------------------------------


@dataclass
class GuidelineSummary:
    slug: str
    name: str
    short_name: str
    citations: int
    items: int


def guideline_index() -> list[GuidelineSummary]:
    """Every canonical guideline, in the vocabulary's order, with its counts (zero when never cited)."""
    rows = {
        g.slug: g
        for g in Guideline.objects.annotate(n_citations=Count("citations"),
                                            n_items=Count("citations__issue", distinct=True))
    }
    summaries = []
    for info in vocabulary.GUIDELINES:
        row = rows.pop(info.slug, None)
        summaries.append(GuidelineSummary(info.slug, info.name, info.short_name,
                                          row.n_citations if row else 0, row.n_items if row else 0))
    summaries.extend(GuidelineSummary(g.slug, g.name, g.short_name, g.n_citations, g.n_items) for g in rows.values())
    return summaries


@dataclass
class CountedRow:
    """A chapter or a page of one guideline, with the items citing it and their outcomes."""

    key: str | int
    items: int
    split: OutcomeSplit


def guideline_totals(guideline: Guideline) -> CountedRow:
    row = Citation.objects.filter(guideline=guideline).aggregate(
        items=Count("issue", distinct=True), **_split_counts("issue"))
    return CountedRow("", row["items"], _split(row))


def guideline_splits() -> dict[str, CountedRow]:
    """Every cited guideline's items and their outcomes, by slug, in one query."""
    rows = (Citation.objects.order_by().values("guideline__slug")
            .annotate(items=Count("issue", distinct=True), **_split_counts("issue")))
    return {row["guideline__slug"]: CountedRow(row["guideline__slug"], row["items"], _split(row)) for row in rows}


def guideline_page(guideline: Guideline, page: int) -> CountedRow:
    """The items citing one page of the guideline (a page inside a cited range counts)."""
    row = CitedPage.objects.filter(guideline=guideline, page=page).aggregate(
        items=Count("citation__issue", distinct=True), **_split_counts("citation__issue"))
    return CountedRow(page, row["items"], _split(row))


@dataclass
class ChapterRow(CountedRow):
    """A canonical chapter of a guideline: `key` is its slug."""

    name: str = ""


def guideline_chapters(guideline: Guideline, limit: int = MAX_CHAPTERS) -> list[ChapterRow]:
    """The canonical chapters cited (vocabulary.chapter_of), most cited first; an item counts once per chapter
    however its citations write it."""
    rows = (
        Citation.objects.filter(guideline=guideline).exclude(chapter_slug="").order_by()
        .values("chapter_slug")
        .annotate(items=Count("issue", distinct=True), written=Min("chapter"), **_split_counts("issue"))
        .order_by("-items", "chapter_slug")[:limit]
    )
    chapters = []
    for row in rows:
        found = vocabulary.chapter_of(guideline.name, row["written"])
        name = found.name if found and found.slug == row["chapter_slug"] else row["written"]
        chapters.append(ChapterRow(row["chapter_slug"], row["items"], _split(row), name))
    return chapters


def guideline_pages(guideline: Guideline) -> list[CountedRow]:
    """Every cited page by number; a page inside a cited range counts (CitedPage rows expand ranges)."""
    rows = (
        CitedPage.objects.filter(guideline=guideline).order_by()
        .values("page")
        .annotate(items=Count("citation__issue", distinct=True), **_split_counts("citation__issue"))
        .order_by("page")
    )
    return [CountedRow(row["page"], row["items"], _split(row)) for row in rows]

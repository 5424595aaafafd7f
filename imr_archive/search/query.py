"""What a search asks and what it answers: the one interface between views and backends.

Views build a `SearchQuery` from a validated FilterSet; a backend answers it
with `SearchResults`. Neither side knows how the other works.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Facets shown beside the results, in display order.
FACETS = ("outcome", "category", "guideline", "specialty", "year")

# The year facet's value of an item whose letter states no decision date (SearchQuery.year holds None for it).
NO_YEAR = "none"

SORT_RELEVANCE = "relevance"
SORT_NEWEST = "newest"
SORT_OLDEST = "oldest"
SORTS = (SORT_RELEVANCE, SORT_NEWEST, SORT_OLDEST)


@dataclass(frozen=True)
class SearchQuery:
    """A validated search. List filters combine their values with OR, filters with AND."""

    q: str = ""
    outcome: tuple[str, ...] = ()
    category: tuple[str, ...] = ()
    guideline: tuple[str, ...] = ()  # guideline slugs
    specialty: tuple[str, ...] = ()
    year: tuple[int | None, ...] = ()  # decision years; None: no decision date
    treatment: tuple[str, ...] = ()  # normalized treatment names
    page: int | None = None  # a cited guideline page; only with `guideline`
    chapter: str = ""  # a canonical chapter's slug (Citation.chapter_slug); only with `guideline`
    mtus: bool | None = None  # cites an MTUS guideline (True) or none (False)
    decision_from: date | None = None
    decision_to: date | None = None
    injury_from: date | None = None
    injury_to: date | None = None
    sex: str | None = None
    age_min: int | None = None
    age_max: int | None = None
    case_number: str = ""  # a case number or its beginning ("CM14"), any letter case
    letter_id: int | None = None
    sort: str = SORT_RELEVANCE
    page_number: int = 1
    per_page: int = 20
    # Facets the page itself fixes (a guideline page view fixes the guideline): they are not
    # counted, so a backend may apply their filters to the matches before counting the rest.
    fixed: tuple[str, ...] = ()

    @property
    def effective_sort(self) -> str:
        """Relevance means nothing without words: such a search is sorted newest first."""
        if self.sort == SORT_RELEVANCE and not self.q.strip():
            return SORT_NEWEST
        return self.sort

    @property
    def offset(self) -> int:
        return (self.page_number - 1) * self.per_page


@dataclass
class Hit:
    issue_id: int
    score: float | None = None
    snippet: str = ""  # HTML-safe: escaped text with <mark> around matched words


@dataclass
class SearchResults:
    hits: list[Hit]
    total: int
    # facet name -> [(value, count)], every value with a non-zero count, largest first.
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    # Things the user should know about how the query was read.
    notes: list[str] = field(default_factory=list)

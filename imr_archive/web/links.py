"""Every state of the search page is a URL: the links that change one thing of it.

`SearchLinks` holds the parameters of the page as the user sent them (the
FilterSet has validated them) and builds the facet links (toggle one value),
the chips (remove one value), the sort links and the pagination links.
Every link that changes what matches goes back to the first results page.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from django.http import QueryDict

from imr_archive.parsing import vocabulary
from imr_archive.search.query import FACETS, NO_YEAR, SORT_RELEVANCE, SearchQuery, SearchResults
from imr_archive.search.query_text import plain_words
from imr_archive.web.filters import MAX_RESULTS_PAGE, NO_YEAR_LABEL, OUTCOME_LABELS, PER_PAGE, SORT_CHOICES

PAGE_PARAM = "p"
FACET_LABELS = {
    "outcome": "Outcome",
    "category": "Category",
    "guideline": "Guideline",
    "specialty": "Reviewer specialty",
    "year": "Decision year",
}
# Parameters the "more filters" form shows as inputs (the others it carries hidden).
REFINE_FIELDS = ("decision_after", "decision_before", "injury_after", "injury_before", "age_min", "age_max",
                 "sex", "mtus", "case")
GUIDELINE_NAMES = {g.slug: g.short_name for g in vocabulary.GUIDELINES}
FULL_CASE_NUMBER = re.compile(r"CM\d{2}-\d{7}", re.IGNORECASE)


def value_label(name: str, value: str) -> str:
    """How one value of a list parameter reads on the page."""
    if name == "outcome":
        return OUTCOME_LABELS.get(value, value)
    if name == "guideline":
        return GUIDELINE_NAMES.get(value, value)
    if name == "year" and value == NO_YEAR:
        return NO_YEAR_LABEL
    return value


def chapter_label(slug: str, guidelines: list[str]) -> str:
    """A chapter's canonical name in the guidelines filtered by, or its slug's words."""
    for guideline in guidelines:
        info = vocabulary.GUIDELINE_BY_SLUG.get(guideline)
        for chapter in vocabulary.CHAPTERS.get(info.name if info else "", ()):
            if chapter.slug == slug:
                return chapter.name
    return slug.replace("-", " ").capitalize()


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetValue]


@dataclass
class Chip:
    label: str
    url: str
    words: bool = False  # the chip of the words, not of a filter


@dataclass
class SortLink:
    label: str
    url: str
    current: bool


@dataclass
class PageLink:
    number: int
    url: str
    current: bool


@dataclass
class Pagination:
    number: int
    pages: int
    previous: str | None
    next: str | None
    links: list[PageLink | None]  # None: a gap ("…")
    first_item: int
    last_item: int
    capped: bool = False  # the matches fill more pages than a search may show


def without_empty_values(params: QueryDict) -> QueryDict:
    """The parameters but those sent empty: a form without JavaScript sends every field, filled or not."""
    kept = QueryDict(mutable=True)
    for name, values in params.lists():
        filled = [value for value in values if value.strip()]
        if filled:
            kept.setlist(name, filled)
    return kept


def page_count(total: int, per_page: int = PER_PAGE) -> int:
    """The results pages a search shows: every match's, up to the last page the search form accepts."""
    return max(1, min(math.ceil(total / per_page), MAX_RESULTS_PAGE))


class SearchLinks:
    """Links of one search page. `fixed` parameters are part of the path (a guideline page view)."""

    def __init__(self, path: str, params: QueryDict, fixed: tuple[str, ...] = ()) -> None:
        self.path = path
        self.params = params.copy()
        self.fixed = fixed
        for name in fixed:
            self.params.pop(name, None)

    def url(self, params: QueryDict) -> str:
        query = params.urlencode()
        return f"{self.path}?{query}" if query else self.path

    def _changed(self, keep_page: bool = False) -> QueryDict:
        params = self.params.copy()
        if not keep_page:
            params.pop(PAGE_PARAM, None)
        return params

    def toggle(self, name: str, value: str) -> str:
        """Add the value to a list parameter, or remove it when it is there."""
        params = self._changed()
        values = params.getlist(name)
        if value in values:
            return self.without(name, value)
        params.setlist(name, [*values, value])
        return self.url(params)

    def without(self, name: str, value: str | None = None) -> str:
        """Remove one value of a parameter (every value when `value` is None)."""
        params = self._changed()
        values = [v for v in params.getlist(name) if value is not None and v != value]
        params.setlist(name, values)
        if not values:
            params.pop(name, None)
        if name == "guideline" and not values:
            params.pop("page", None)  # a guideline page or chapter means nothing without a guideline
            params.pop("chapter", None)
        return self.url(params)

    def with_value(self, name: str, value: str, keep_page: bool = False) -> str:
        params = self._changed(keep_page)
        params[name] = value
        return self.url(params)

    def page(self, number: int) -> str:
        params = self._changed()
        if number > 1:
            params[PAGE_PARAM] = str(number)
        return self.url(params)

    def cleared(self) -> str:
        return self.path

    def hidden(self, *shown: str) -> list[tuple[str, str]]:
        """The parameters a form must carry as hidden inputs: all but the ones it shows and the page number."""
        return [(name, value) for name, values in self.params.lists() if name not in shown and name != PAGE_PARAM
                for value in values if value.strip()]

    def form_state(self) -> dict:
        """What the page's two GET forms carry: the words form keeps the filters, the refine form the rest."""
        return {
            "hidden_for_words": self.hidden("q"),
            "hidden_for_refine": self.hidden(*REFINE_FIELDS),
            "refine_open": any(self.params.get(name, "").strip() for name in REFINE_FIELDS),
            "params": self.params,
            "form_action": self.path,
        }

    # -- parts of the page -------------------------------------------------

    def facets(self, results: SearchResults) -> list[Facet]:
        """Every facet with a count beside each value; the values in use are shown even at zero."""
        facets = []
        for name in FACETS:
            if name in self.fixed:
                continue
            selected = [v for v in self.params.getlist(name) if v]
            counts = dict(results.facets.get(name, []))
            values = list(counts.items()) + [(v, 0) for v in selected if v not in counts]
            if name == "year":  # newest first, items without a decision date last
                values.sort(key=lambda item: (item[0] != NO_YEAR, item[0]), reverse=True)
            facets.append(Facet(name, FACET_LABELS[name], [
                FacetValue(value, value_label(name, value), count, value in selected, self.toggle(name, value))
                for value, count in values
            ]))
        return facets

    def chips(self) -> list[Chip]:
        """One chip per active filter value; each link removes that value only."""
        chips: list[Chip] = []
        q = self.params.get("q", "").strip()
        if q:
            chips.append(Chip(f"Words: {q}", self.without("q"), words=True))
        for name, label in (("outcome", "Outcome"), ("category", "Category"), ("treatment", "Treatment"),
                            ("guideline", "Guideline"), ("specialty", "Specialty"), ("year", "Year")):
            for value in dict.fromkeys(v for v in self.params.getlist(name) if v.strip()):
                chips.append(Chip(f"{label}: {value_label(name, value)}", self.without(name, value)))
        chapter = self.params.get("chapter", "").strip()
        if chapter:
            chips.append(Chip(f"Chapter: {chapter_label(chapter, self.params.getlist('guideline'))}",
                              self.without("chapter")))
        singles = (
            ("page", "Guideline page {}"),
            ("mtus", "Cites the MTUS: {}"),
            ("decision_after", "Decided on or after {}"),
            ("decision_before", "Decided on or before {}"),
            ("injury_after", "Injured on or after {}"),
            ("injury_before", "Injured on or before {}"),
            ("sex", "Patient: {}"),
            ("age_min", "Age at least {}"),
            ("age_max", "Age at most {}"),
        )
        for name, label in singles:
            value = self.params.get(name, "").strip()
            if value:
                chips.append(Chip(label.format(value), self.without(name)))
        case = self.params.get("case", "").strip()
        if case:
            whole = FULL_CASE_NUMBER.fullmatch(case)
            chips.append(Chip(f"Case number {case}" if whole else f"Case number starting {case}",
                              self.without("case")))
        return chips

    def sorts(self, query: SearchQuery) -> list[SortLink]:
        """Relevance is offered only when there are words to be relevant to (`AND` alone has none)."""
        words = bool(plain_words(query.q))
        current = query.effective_sort if words else replace(query, q="").effective_sort
        return [
            SortLink(label, self.with_value("sort", value), value == current)
            for value, label in SORT_CHOICES
            if value != SORT_RELEVANCE or words
        ]

    def pagination(self, query: SearchQuery, total: int) -> Pagination:
        number, pages = query.page_number, page_count(total, query.per_page)
        shown = sorted({1, pages, *range(max(1, number - 2), min(pages, number + 2) + 1)})
        links: list[PageLink | None] = []
        for n in shown:
            if links and links[-1] is not None and n - links[-1].number > 1:
                links.append(None)
            links.append(PageLink(n, self.page(n), n == number))
        return Pagination(
            number=number,
            pages=pages,
            previous=self.page(number - 1) if number > 1 else None,
            next=self.page(number + 1) if number < pages else None,
            links=links,
            first_item=query.offset + 1 if total else 0,
            last_item=min(query.offset + query.per_page, total),
            capped=total > pages * query.per_page,
        )


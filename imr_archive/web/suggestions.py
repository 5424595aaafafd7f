"""What the search page offers besides its results: the filtered search a plain-English query asks for.

`query_offer` turns understanding.py's reading of the words into a link
that keeps every other parameter of the page. When the search as typed finds
nothing, the offered search is run too, so the link says how many items it
finds (one more search, only on an empty results page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from django.http import QueryDict
from django.utils import timezone

from imr_archive.search import service
from imr_archive.search.query import SearchQuery
from imr_archive.web.filters import SearchFilterSet
from imr_archive.web.links import PAGE_PARAM, SearchLinks
from imr_archive.web.understanding import Suggestion, understand

GUIDELINE_FIELD = re.compile(r"(?<![\w:])guideline:", re.IGNORECASE)
GUIDELINE_FIELD_NOTE = ("guideline: searches the guideline lines as the letters write them; the guideline filter "
                        "finds every item citing the guideline, however its letter names it.")


@dataclass
class Offer:
    description: str  # "acupuncture, outcome overturned, decided in 2015"
    url: str
    total: int | None = None  # items the offered search finds; counted only when the search as typed found none
    note: str = ""  # why the offered search finds other items than the words


def suggested_params(params: QueryDict, suggestion: Suggestion) -> QueryDict:
    """The page's parameters with the suggestion's words and filters in place of the words typed."""
    changed = params.copy()
    changed.pop(PAGE_PARAM, None)
    if suggestion.words:
        changed["q"] = suggestion.words
    else:
        changed.pop("q", None)
    for name, values in suggestion.filters.items():
        changed.setlist(name, list(values))
    return changed


def query_offer(links: SearchLinks, query: SearchQuery, total: int) -> Offer | None:
    """The filtered search the words of `query` ask for, or None when they name no filter value.

    Filters the page fixes in its path (a guideline page view's guideline and
    page) are never offered again.
    """
    suggestion = understand(query.q, timezone.localdate().year + 1, has_guideline=bool(query.guideline))
    if suggestion is None:
        return None
    filters = {name: values for name, values in suggestion.filters.items() if name not in links.fixed}
    if not filters:
        return None
    suggestion = Suggestion(suggestion.words, filters)
    params = suggested_params(links.params, suggestion)
    offer = Offer(suggestion.description, links.url(params))
    if "guideline" in filters and GUIDELINE_FIELD.search(query.q):
        offer.note = GUIDELINE_FIELD_NOTE
    if total == 0:
        offer.total = _count(params, links, query)
    return offer


def _count(params: QueryDict, links: SearchLinks, query: SearchQuery) -> int | None:
    data = params.copy()
    for name in links.fixed:  # a guideline page view: its guideline and page come from the path
        values = {"guideline": list(query.guideline), "page": [str(query.page)] if query.page else []}[name]
        data.setlist(name, values)
    filterset = SearchFilterSet(data)
    if not filterset.is_valid():
        return None
    counted = replace(filterset.search_query(), per_page=1, page_number=1, fixed=query.fixed)
    return service.search(counted).total

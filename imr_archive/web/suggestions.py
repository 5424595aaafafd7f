"""What the search page offers besides its results: the search a plain-English or misspelled query asks for.

`query_offer` turns understanding.py's reading of the words (and, when the
words find nothing, the spelling the index knows: search/spelling.py) into
a link that keeps every other parameter of the page. When the search as
typed finds nothing, the offered search is run too, so the link says how
many items it finds (one more search, only on an empty results page).
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
PLAIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")  # no quote, field, operator sign or punctuation to keep
OPERATORS = frozenset({"AND", "OR", "NOT"})
GUIDELINE_FIELD_NOTE = ("guideline: searches the guideline lines as the letters write them; the guideline filter "
                        "finds every item citing the guideline, however its letter names it.")


@dataclass
class Offer:
    description: str  # "acupuncture, outcome overturned, decided in 2015"
    url: str
    total: int | None = None  # items the offered search finds; counted only when the search as typed found none
    note: str = ""  # why the offered search finds other items than the words
    filters: bool = True  # the offer makes words filters (else it only spells them as the archive does)


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
    """The search the words of `query` ask for, or None when they name no filter value and are spelled as the
    index spells them.

    Misspelled words are looked for only when the words found nothing. Filters
    the page fixes in its path (a guideline page view's guideline and page) are
    never offered again.
    """
    last_year = timezone.localdate().year + 1
    has_guideline = bool(query.guideline)
    spelled = respelled(query.q, last_year) if total == 0 else query.q
    # A misspelling alone is offered as the words respelled ("Acupunture": acupuncture); words that also
    # name filter values are offered as their filters, read from the words respelled.
    typed = _filters(understand(query.q, last_year, has_guideline), links)
    understood = understand(spelled, last_year, has_guideline) if typed or spelled == query.q else None
    filters = _filters(understood, links)
    if filters:
        suggestion = Suggestion(understood.words, filters)
    elif spelled != query.q:
        suggestion = Suggestion(spelled, {})
    else:
        return None
    params = suggested_params(links.params, suggestion)
    offer = Offer(suggestion.description, links.url(params), filters=bool(filters))
    if "guideline" in filters and GUIDELINE_FIELD.search(query.q):
        offer.note = GUIDELINE_FIELD_NOTE
    if total == 0:
        offer.total = _count(params, links, query)
    return offer


def _filters(suggestion: Suggestion | None, links: SearchLinks) -> dict[str, tuple[str, ...]]:
    """The suggestion's filters but those the page fixes in its path."""
    return {name: values for name, values in (suggestion.filters if suggestion else {}).items()
            if name not in links.fixed}


def respelled(q: str, last_year: int) -> str:
    """`q` with each plain word no item holds replaced by the indexed word it likely meant (search/spelling.py).

    Words that name a filter value ("overturned", "2015") are left to understanding.py.
    """
    understood = understand(q, last_year)
    words = understood.words if understood else q
    plain = [token for token in words.split() if PLAIN_WORD.fullmatch(token) and token not in OPERATORS]
    fixes = service.corrections(plain) if plain else {}
    return " ".join(fixes.get(token, token) for token in q.split()) if fixes else q


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

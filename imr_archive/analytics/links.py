"""The search behind each number of the analytics page: a table cell links to the items it counts.

A cell is the search's own parameters with the row's value added as a
filter (and the column's outcome, for an outcome's count). Where the search
language cannot say the row (items whose age or sex is not stated, a page of one
guideline when the search already asks for a page of another), the cell has
no link rather than a link to other items.
"""

from __future__ import annotations

import calendar
from datetime import date
from urllib.parse import urlencode

from django.http import QueryDict
from django.urls import reverse

from imr_archive.search.breakdowns import AGE_BANDS, NOT_STATED
from imr_archive.search.query import NO_YEAR

# The analytics page's own parameters: never part of the search.
ANALYTICS_PARAMS = ("by", "for_guideline", "for_year", "treatment_like")
DROPPED = ("p", *ANALYTICS_PARAMS)
# Outcome columns -> the outcome filter values giving them.
OUTCOME_COLUMNS = {"upheld": ("upheld",), "overturned": ("overturned",), "partial": ("partial",),
                   "rate": ("overturned", "partial")}


def search_params(params: QueryDict) -> QueryDict:
    """The search's parameters alone: no results page, none of the analytics page's."""
    kept = params.copy()
    for name in DROPPED:
        kept.pop(name, None)
    return kept


def url(name: str, params: QueryDict) -> str:
    query = params.urlencode()
    return f"{reverse(name)}?{query}" if query else reverse(name)


def analytics_url(params: QueryDict, by: str = "") -> str:
    """The analytics page of the search `params` give (the search page's, a guideline view's), by `by`."""
    searched = search_params(params)
    if by:
        searched["by"] = by
    return url("analytics:analytics", searched)


Params = dict[str, list[str]]  # a search's parameters as plain lists: a table builds many, QueryDict copies are slow


def _narrowed_range(params: Params, low_name: str, high_name: str, low: str | None, high: str | None) -> None:
    """Set a range filter to its intersection with [low, high] (values compare as their text: ISO dates,
    or numbers of the same width)."""
    for name, value, keep in ((low_name, low, max), (high_name, high, min)):
        if value is None:
            continue
        current = (params.get(name) or [""])[-1].strip()
        params[name] = [keep(current, value, key=_sortable) if current else value]


def _sortable(value: str) -> tuple[int, str]:
    return (int(value), "") if value.isdigit() else (0, value)


def _with_value(params: Params, name: str, value: str, guideline: str | None) -> Params | None:
    """The search narrowed to the items counted under `value`; None where the search language cannot say it."""
    narrowed = dict(params)
    asked_page, asked_guidelines = params.get("page", [""])[-1], params.get("guideline", [])
    if value == NOT_STATED:
        if name != "year":
            return None
        narrowed["year"] = [NO_YEAR]
    elif name in ("category", "specialty", "year", "treatment", "sex"):
        narrowed[name] = [value]
    elif name == "guideline":
        if asked_page and value not in asked_guidelines:
            return None  # "cites page P of G, and cites V" is not a search
        narrowed["guideline"] = [value]
    elif name == "page":
        if asked_page or (asked_guidelines and guideline not in asked_guidelines):
            return None
        narrowed.update(guideline=[guideline], page=[value])
    elif name == "month":
        year, month = (int(part) for part in value.split("-"))
        first, last = date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        _narrowed_range(narrowed, "decision_after", "decision_before", first.isoformat(), last.isoformat())
    elif name == "age":
        band = next(band for band in AGE_BANDS if band.key == value)
        _narrowed_range(narrowed, "age_min", "age_max", None if band.low is None else str(band.low),
                        None if band.high is None else str(band.high))
    return narrowed


def _search_url(params: Params) -> str:
    query = urlencode(params, doseq=True)
    return f"{reverse('web:search')}?{query}" if query else reverse("web:search")


def cell_urls(searched: Params, name: str | None, value: str = "",
              guideline: str | None = None) -> dict[str, str | None]:
    """The search of each cell of one row (items, each outcome, the rate's items); None: not a search.

    `searched`: the search's parameters (search_params); `name` None: the row of every match."""
    narrowed = searched if name is None else _with_value(searched, name, value, guideline)
    if narrowed is None:
        return dict.fromkeys(("items", *OUTCOME_COLUMNS))
    urls: dict[str, str | None] = {"items": _search_url(narrowed)}
    asked = set(narrowed.get("outcome", []))
    for column, outcomes in OUTCOME_COLUMNS.items():
        kept = [o for o in outcomes if not asked or o in asked]
        urls[column] = _search_url({**narrowed, "outcome": kept}) if kept else None
    return urls

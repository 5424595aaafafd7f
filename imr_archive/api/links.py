"""What a search page offers to take its data out: its exports, its feed, its search in the API."""

from __future__ import annotations

from django.conf import settings
from django.http import QueryDict
from django.urls import reverse

from imr_archive.web.links import PAGE_PARAM


def _url(name: str, params: QueryDict) -> str:
    query = params.urlencode()
    return f"{reverse(name)}?{query}" if query else reverse(name)


def data_links(params: QueryDict, total: int) -> dict:
    """Links for a search's parameters (every one, a guideline page view's included) and its number of matches.

    The results page is not part of the search; a feed is always newest first.
    Past IMR_EXPORT_MAX_ITEMS matches there is no export link: the page says
    how to narrow the search, or to page through it with the API.
    """
    search = params.copy()
    search.pop(PAGE_PARAM, None)
    feed = search.copy()
    feed.pop("sort", None)
    paged = feed.copy()
    paged.update({"sort": "newest", "per_page": "100"})
    cap = settings.IMR_EXPORT_MAX_ITEMS
    return {
        "csv_url": _url("api:export_csv", search),
        "json_url": _url("api:export_json", search),
        "feed_url": _url("api:feed", feed),
        "api_url": _url("api:search", paged),
        "export_total": total,
        "export_cap": cap,
        "export_too_large": total > cap,
    }

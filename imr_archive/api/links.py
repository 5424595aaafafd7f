"""The feed of a search page's search, for its <link rel="alternate"> and its visible link."""

from __future__ import annotations

from django.http import QueryDict
from django.urls import reverse

from imr_archive.web.links import PAGE_PARAM


def _url(name: str, params: QueryDict) -> str:
    query = params.urlencode()
    return f"{reverse(name)}?{query}" if query else reverse(name)


def data_links(params: QueryDict) -> dict[str, str]:
    """Links that take a search's data out, for its parameters (every one, the guideline page's included).

    The results page is not part of the search; a feed is always newest first.
    """
    search = params.copy()
    search.pop(PAGE_PARAM, None)
    feed = search.copy()
    feed.pop("sort", None)
    return {"feed_url": _url("api:feed", feed)}

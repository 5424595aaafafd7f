"""The way to the analytics and back: from a search, the home page, a guideline and a guideline page view."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

from tests.analytics.conftest import expected_counts, values_of
from tests.analytics.pages import TOTAL, analytics, page, read

BACK = re.compile(r'<a href="([^"]+)" data-back>')


def query_of(href: str) -> tuple[str, dict[str, list[str]]]:
    parts = urlsplit(unescape(href))
    return parts.path, parse_qs(parts.query)


def test_a_search_links_to_its_analytics_and_back(items, client):
    params = {"q": "pain", "category": ["Pharmaceuticals", "Diagnostic Imaging"], "sort": "newest", "p": "2"}
    html = client.get("/search/", params).content.decode()
    total = int(TOTAL.search(html).group(1))
    assert f"Analyze these {total} items" in html
    (link,) = read(html).analytics_links
    path, query = query_of(link)
    assert path == "/analytics/"
    assert query == {"q": ["pain"], "category": ["Pharmaceuticals", "Diagnostic Imaging"], "sort": ["newest"]}
    shown = page(client, unescape(link))
    assert shown.summary["items"] == str(total)
    back = BACK.search(client.get(unescape(link)).content.decode()).group(1)
    assert query_of(back) == ("/search/", query)


def test_a_search_matching_nothing_offers_no_analytics(items, client):
    html = client.get("/search/", {"q": "zzyzx"}).content.decode()
    assert read(html).analytics_links == []


def test_the_home_page_links_to_the_whole_archives_analytics(items, client):
    (link,) = read(client.get("/").content.decode()).analytics_links
    assert link == "/analytics/"
    assert page(client, link).summary["items"] == str(len(items))


def test_a_guideline_links_to_the_analytics_of_its_pages(items, client):
    (link,) = read(client.get("/guidelines/odg/").content.decode()).analytics_links
    assert query_of(link) == ("/analytics/", {"guideline": ["odg"], "by": ["page"]})
    citing = [item for item in items if "odg" in values_of(item, "guideline")]
    shown = page(client, unescape(link))
    assert shown.summary["items"] == str(len(citing))
    assert {row.value: row.items for row in shown.rows} == {
        value: outcomes.total() for value, outcomes in expected_counts(citing, "page", guideline="odg").items()}


def test_a_guideline_page_view_links_to_the_analytics_of_its_items(items, client):
    html = client.get("/guidelines/mtus-chronic-pain/page/8/").content.decode()
    total = int(TOTAL.search(html).group(1))
    assert total
    (link,) = read(html).analytics_links
    assert query_of(link) == ("/analytics/", {"guideline": ["mtus-chronic-pain"], "page": ["8"]})
    assert page(client, unescape(link)).summary["items"] == str(total)
    assert analytics(client, {"guideline": "mtus-chronic-pain", "page": "8"}).summary["items"] == str(total)

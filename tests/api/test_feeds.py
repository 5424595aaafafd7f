"""Atom feeds of every search and guideline page view: linked from the page, read by a real XML parser,
newest items first, and holding the search's matches."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

from imr_archive.api.feeds import FEED_ITEMS
from imr_archive.letters.models import Letter
from tests.api.searches import all_views, link_in
from tests.web.conftest import total

ATOM = "{http://www.w3.org/2005/Atom}"


def feed_of(client, page: str) -> tuple[str, ET.Element]:
    """The feed the page links to (its <link rel="alternate">, the same as its visible link), parsed."""
    html = client.get(page).content.decode()
    alternate = link_in(html, 'rel="alternate" type="application/atom+xml"')
    assert link_in(html, "data-feed") == alternate
    response = client.get(alternate)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return alternate, ET.fromstring(response.content)


def item_links(items) -> dict[str, object]:
    """The permalink of each annotated item (/case/.../#item-N), as an entry's link names it."""
    urls = {letter.source_name: letter.get_absolute_url() for letter in Letter.objects.all()}
    links = {}
    for item in items:
        number = item.letter["issues"].index(item.item) + 1
        links[f"http://testserver{urls[item.letter['file']]}#item-{number}"] = item
    return links


@pytest.mark.parametrize(("page", "params"), all_views())
def test_every_search_links_a_feed_of_its_newest_matches(client, items, page, params):
    url, feed = feed_of(client, page)
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}title").startswith("IMR Archive: ")
    entries = feed.findall(f"{ATOM}entry")
    matches = total(client.get(page))
    assert len(entries) == min(matches, FEED_ITEMS)

    by_link = item_links(items)
    shown = [by_link[entry.find(f"{ATOM}link").get("href")] for entry in entries]
    assert [entry.findtext(f"{ATOM}id") for entry in entries] == [entry.find(f"{ATOM}link").get("href")
                                                                 for entry in entries]
    # Newest first: the decision dates the annotations give, in order, undated items last.
    dates = [item.letter["dates"]["decision"] for item in shown]
    dated = [d for d in dates if d]
    assert dates == dated + [None] * (len(dates) - len(dated))
    assert dated == sorted(dated, reverse=True)
    published = [entry.findtext(f"{ATOM}published") for entry in entries]
    assert [p[:10] if p else None for p in published] == dates


def test_a_feed_lists_the_newest_of_many_matches(client, items):
    _, feed = feed_of(client, "/search/")
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == min(len(items), FEED_ITEMS)
    newest = max(i.letter["dates"]["decision"] for i in items if i.letter["dates"]["decision"])
    assert entries[0].findtext(f"{ATOM}published").startswith(newest)


def test_a_guideline_page_views_feed_names_it_and_links_back(client, items):
    url, feed = feed_of(client, "/guidelines/mtus-chronic-pain/page/99/?outcome=upheld")
    assert urlsplit(url).path == "/feed/"
    assert feed.findtext(f"{ATOM}title") == "IMR Archive: Outcome: Denial upheld; Guideline: MTUS Chronic Pain; " \
                                            "Guideline page 99"
    alternate = next(link for link in feed.findall(f"{ATOM}link") if link.get("rel") == "alternate")
    assert alternate.get("href") == "http://testserver/guidelines/mtus-chronic-pain/page/99/?outcome=upheld"


def test_a_feed_of_a_bad_search_says_why(client, items):
    response = client.get("/feed/?outcome=maybe")
    assert response.status_code == 400
    assert "Outcome: Select a valid choice. maybe is not one of the available choices." in response.content.decode()

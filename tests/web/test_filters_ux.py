"""Filters a user reaches from what the pages show: no decision date, a case number's beginning, a chapter."""

from __future__ import annotations

import re

import pytest

from imr_archive.parsing import vocabulary
from tests.web.conftest import chips, facets, hits, html, total
from tests.web.test_guideline_pages import CANONICAL_NAMES, chapter_rows

SEARCH = "/search/"


def undated(site) -> list:
    return [i for i in site if i.year is None]


def test_the_year_facet_counts_items_without_a_decision_date_and_filters_them(client, site):
    words = ""
    shown = facets(client.get(f"{SEARCH}?{words}"))["year"]
    assert shown["none"] == len(undated(site)) > 0
    assert list(shown)[-1] == "none"  # newest year first, no decision date last
    response = client.get(f"{SEARCH}?{words}year=none")
    assert total(response) == len(undated(site))
    with_2015 = [i for i in site if i.year in (None, "2015")]
    assert total(client.get(f"{SEARCH}?{words}year=none&year=2015")) == len(with_2015)


def test_no_decision_date_reads_as_plain_words(client, site):
    page = html(client.get(SEARCH, {"year": "none"}))
    assert 'data-value="none"' in page and "No decision date" in page
    assert "Year: No decision date" in page  # the chip
    assert "None" not in [c.split("year=")[-1] for c in chips(client.get(SEARCH, {"year": "none"}))]


@pytest.mark.parametrize("typed", ["CM14", "cm14", "CM14-02", "CM14-0203117"])
def test_the_case_filter_takes_a_case_number_or_its_beginning(client, site, typed):
    words = ""
    wanted = [i for i in site if (i.letter["case_number"] or "").upper().startswith(typed.upper())]
    assert wanted, typed
    assert total(client.get(f"{SEARCH}?{words}case={typed}")) == len(wanted)


def test_the_case_chip_says_whether_it_is_a_whole_case_number(client, site):
    assert "Case number starting CM14" in html(client.get(SEARCH, {"case": "CM14"}))
    assert "Case number CM14-0203117<" in html(client.get(SEARCH, {"case": "CM14-0203117"}))


def items_citing_chapter(site, guideline: str, name: str) -> list:
    names = CANONICAL_NAMES.get(guideline, {})
    return [i for i in site if any(c["guideline"] == guideline and c["chapter"]
                                   and names.get(c["chapter"], c["chapter"]) == name
                                   for c in i.item["citations"])]


@pytest.mark.parametrize(("guideline", "slug", "name"), [
    (vocabulary.ODG, "pain", "Pain (Chronic)"),  # "Pain" and "Pain (Chronic)" in the letters
    (vocabulary.MTUS_CHRONIC_PAIN, "nsaids", "NSAIDs (non-steroidal anti-inflammatory drugs)"),
    (vocabulary.ACOEM, "chapter-12", "Chapter 12: Low Back Complaints"),
])
def test_a_chapter_filter_finds_every_item_citing_the_chapter_however_written(client, site, guideline, slug, name):
    words = ""
    citing = items_citing_chapter(site, guideline, name)
    response = client.get(f"{SEARCH}?{words}guideline={vocabulary.GUIDELINE_BY_NAME[guideline].slug}&chapter={slug}")
    assert total(response) == len(citing) > 0
    assert f"Chapter: {name}".replace("&", "&amp;") in html(response)


def test_each_chapter_row_links_to_the_search_of_its_items(client, site):
    page = client.get("/guidelines/odg/")
    rows = chapter_rows(page)
    links = {name: href.replace("&amp;", "&") for href, name in
             re.findall(r'<th scope="row"><a href="([^"]*chapter=[^"]*)">([^<]*)</a>', html(page))}
    assert set(links) == {name.replace("&", "&amp;") for name in rows}
    for name, items in rows.items():
        assert total(client.get(links[name.replace("&", "&amp;")])) == items, name


def test_a_chapter_needs_its_guideline(client, site):
    response = client.get(SEARCH, {"chapter": "pain"})
    assert response.status_code == 400
    assert "A chapter needs its guideline" in html(response)
    assert client.get(SEARCH, {"guideline": "odg", "chapter": "no such/chapter"}).status_code == 400


# -- the same filters on a search with words (answered by the full-text engine) ------------------------------


def every_hit(client, query: str) -> set[int]:
    found, number = set(), 1
    while (response := client.get(f"{SEARCH}?{query}&p={number}")).status_code == 200:
        found |= set(hits(response))
        number += 1
    return found


WORDS = "q=medical"  # in nearly every item: the engine answers, and the filters have items to keep


@pytest.mark.parametrize("filters", ["year=none", "year=none&year=2015", "case=CM14", "case=cm15-0",
                                     "guideline=odg&chapter=pain", "guideline=mtus-chronic-pain&chapter=nsaids",
                                     "guideline=mtus-chronic-pain&chapter=opioids-criteria-for-use&page=76"])
def test_words_and_a_filter_find_what_each_finds_alone(client, site, filters):
    both = every_hit(client, f"{WORDS}&{filters}")
    assert both and both == every_hit(client, WORDS) & every_hit(client, filters)


def test_the_year_facet_of_a_search_with_words_counts_its_undated_items(client, site):
    undated_hits = every_hit(client, WORDS) & every_hit(client, "year=none")
    assert facets(client.get(f"{SEARCH}?{WORDS}"))["year"]["none"] == len(undated_hits) > 0

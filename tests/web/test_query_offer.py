"""The search page offers the filtered search a plain-English query asks for, and never runs it in its place."""

from __future__ import annotations

import re

from tests.web.conftest import hit_outcomes, html, params, total, unescape

SEARCH = "/search/"
_OFFER = re.compile(r'<a href="([^"]*)" data-offer-link>([^<]*)</a>')
_OFFER_TOTAL = re.compile(r'data-offer-total="(\d+)"')


def offer(response) -> tuple[str, str] | None:
    found = _OFFER.findall(html(response))
    assert len(found) <= 1
    return (unescape(found[0][0]), unescape(found[0][1])) if found else None


def offered_total(response) -> int | None:
    found = _OFFER_TOTAL.findall(html(response))
    return int(found[0]) if found else None


def test_outcome_words_find_nothing_as_words_and_the_filtered_search_is_offered_with_its_count(client, site):
    response = client.get(SEARCH, {"q": "acupuncture upheld"})
    # The search as typed: the words are searched, nothing is rewritten.
    assert total(response) == 0
    assert 'value="acupuncture upheld"' in html(response)
    url, description = offer(response)
    assert description == "category Acupuncture, outcome upheld"
    assert params(url) == params("?category=Acupuncture&outcome=upheld")
    wanted = [i for i in site if i.category == "Acupuncture" and i.outcome == "upheld"]
    assert offered_total(response) == len(wanted) > 0
    followed = client.get(url)
    assert total(followed) == len(wanted)
    assert set(hit_outcomes(followed)) == {"upheld"}


def test_words_that_stay_words_are_kept_in_the_offered_search(client, site):
    response = client.get(SEARCH, {"q": "norco upheld"})
    assert total(response) == 0
    url, description = offer(response)
    assert description == "norco, outcome upheld"
    followed = client.get(url)
    assert total(followed) == offered_total(response) > 0
    assert set(hit_outcomes(followed)) == {"upheld"}
    assert 'value="norco"' in html(followed)


def test_the_offer_keeps_the_other_filters_of_the_page(client, site):
    response = client.get(SEARCH, {"q": "overturned 2015", "specialty": "Anesthesiology", "p": "1"})
    url, _ = offer(response)
    assert params(url) == params("?specialty=Anesthesiology&outcome=overturned&year=2015")


def test_a_search_that_finds_items_offers_the_filters_without_counting_them(client, site):
    response = client.get(SEARCH, {"q": "acupuncture"})
    assert total(response) > 0
    assert offer(response) == ("/search/?category=Acupuncture", "category Acupuncture")
    assert offered_total(response) is None
    assert "Search with filters instead" in html(response)


def test_a_query_naming_no_filter_value_offers_nothing(client, site):
    assert offer(client.get(SEARCH, {"q": "functional restoration"})) is None
    assert offer(client.get(SEARCH, {"q": "norco OR upheld"})) is None


def test_on_a_guideline_page_view_the_offer_keeps_the_page_and_never_offers_its_guideline_again(client, site):
    path = "/guidelines/mtus-chronic-pain/page/98/"
    response = client.get(path, {"q": "upheld MTUS chronic pain"})
    url, description = offer(response)
    assert description == "outcome upheld"
    assert url == f"{path}?outcome=upheld"


def test_the_guideline_field_is_explained_beside_the_guideline_filter_it_differs_from(client, site):
    response = client.get(SEARCH, {"q": 'guideline:"MTUS Chronic Pain"'})
    url, description = offer(response)
    assert description == "citing MTUS Chronic Pain"
    assert "data-offer-note" in html(response)
    assert "searches the guideline lines as the letters write them" in html(response)
    citing = [i for i in site if "mtus-chronic-pain" in i.guidelines]
    assert total(client.get(url)) == len(citing)
    assert "data-offer-note" not in html(client.get(SEARCH, {"q": "MTUS chronic pain guidelines"}))


def test_a_misspelled_word_is_offered_as_the_archive_spells_it_with_the_count(client, site):
    response = client.get(SEARCH, {"q": "Acupunture"})
    assert total(response) == 0
    url, description = offer(response)
    assert description == "acupuncture"
    assert offered_total(response) == total(client.get(url)) == total(client.get(SEARCH, {"q": "acupuncture"})) > 0
    assert "this is how the letters spell it" in html(response)


def test_a_misspelled_word_beside_filter_words_is_offered_with_the_filters(client, site):
    url, description = offer(client.get(SEARCH, {"q": "acupunture upheld"}))
    assert description == "category Acupuncture, outcome upheld"
    assert params(url) == params("?category=Acupuncture&outcome=upheld")


def test_spelling_is_looked_at_only_when_the_words_find_nothing(client, site):
    assert offer(client.get(SEARCH, {"q": "knee"})) is None

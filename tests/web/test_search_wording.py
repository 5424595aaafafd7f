"""What the search page says around its results: the sort in force, the help on an empty page, short links."""

from __future__ import annotations

import re

from tests.web.conftest import html, total

SEARCH = "/search/"


def current_sort(response) -> str:
    found = re.findall(r'aria-current="true">([^<]+)</a>', html(response).split('class="sort"', 1)[1])
    assert len(found) == 1
    return found[0]


def test_a_query_of_operators_alone_is_sorted_newest_first_and_says_so(client, site):
    response = client.get(SEARCH, {"q": "AND"})
    assert current_sort(response) == "Newest first"
    assert ">Relevance</a>" not in html(response)
    assert current_sort(client.get(SEARCH, {"q": "AND", "sort": "oldest"})) == "Oldest first"
    assert current_sort(client.get(SEARCH, {"q": "pain"})) == "Relevance"


def test_an_empty_page_asks_to_remove_a_filter_only_when_there_is_one(client, site):
    words_only = client.get(SEARCH, {"q": "zzyzzx"})
    assert total(words_only) == 0
    assert "Remove a filter" not in html(words_only)
    assert "Check the spelling" in html(words_only)
    with_filter = client.get(SEARCH, {"q": "zzyzzx", "outcome": "upheld"})
    assert "Remove a filter" in html(with_filter)


def test_the_more_filters_form_without_javascript_lands_on_a_short_link(client, site):
    # What the form sends when only the case number is filled in.
    sent = ("q=pain&outcome=upheld&decision_after=&decision_before=&injury_after=&injury_before=&age_min=&age_max="
            "&sex=&mtus=&case=CM14-0203117&treatment=")
    response = client.get(f"{SEARCH}?{sent}")
    assert response.status_code == 302
    assert response["Location"] == f"{SEARCH}?q=pain&outcome=upheld&case=CM14-0203117"
    page = "/guidelines/mtus-chronic-pain/page/98/"
    response = client.get(f"{page}?q=&sex=&mtus=yes")
    assert response.status_code == 302 and response["Location"] == f"{page}?mtus=yes"
    assert client.get(f"{SEARCH}?q=pain&outcome=upheld").status_code == 200


def test_missing_values_read_as_plain_words(client, site):
    page = html(client.get(SEARCH, {"sort": "oldest", "p": "3"}))  # undated, case-less letters sort last
    assert "not stated in the letter" in page
    for jargon in (">Not read<", "No case number", "None read"):
        assert jargon not in page

"""The search page as a user sees it, checked against the seed letters' annotations."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from imr_archive.letters.models import Issue
from tests.web.conftest import (
    chips,
    facet_counts,
    facets,
    hit_outcomes,
    hits,
    html,
    nonzero,
    params,
    total,
)

SEARCH = "/search/"


def get(client, query: str = "", path: str = SEARCH):
    return client.get(f"{path}?{query}" if query else path)


def all_hits(client, query: str = "") -> list[int]:
    """Every hit of a search, page by page."""
    found, page = [], 1
    while True:
        response = get(client, f"{query}&p={page}" if query else f"p={page}")
        if response.status_code == 404:
            return found
        assert response.status_code == 200
        found += hits(response)
        page += 1


# -- browsing --------------------------------------------------------------------


def test_browsing_everything_shows_every_item_twenty_per_page(client, site):
    first = get(client)
    assert first.status_code == 200
    assert total(first) == len(site)
    assert len(hits(first)) == 20
    pages = [hits(get(client, f"p={n}")) for n in (1, 2, 3)]
    assert [len(p) for p in pages] == [20, 20, len(site) - 40]
    assert len(set(pages[0] + pages[1] + pages[2])) == len(site)
    assert get(client, "p=4").status_code == 404


def test_every_facet_counts_every_match(client, site):
    shown = facets(get(client))
    for facet in ("outcome", "category", "guideline", "specialty", "year"):
        assert nonzero(shown[facet]) == facet_counts(site, facet), facet


def test_the_guideline_facet_shows_short_names_and_slugs(client, site):
    page = html(get(client))
    assert 'data-facet="guideline" data-value="mtus-chronic-pain"' in page
    assert "MTUS Chronic Pain</span>" in page


# -- filters and facets -------------------------------------------------------------------


def test_values_of_one_facet_combine_with_or(client, site):
    response = get(client, "outcome=overturned&outcome=partial")
    wanted = [i for i in site if i.outcome in {"overturned", "partial"}]
    assert total(response) == len(wanted)
    assert set(hit_outcomes(response)) == {"overturned", "partial"}


def test_a_facet_ignores_its_own_filter_but_applies_the_others(client, site):
    response = get(client, "outcome=overturned&outcome=partial&guideline=mtus-chronic-pain")
    cites_mtus_cp = [i for i in site if "mtus-chronic-pain" in i.guidelines]
    overturned_or_partial = [i for i in site if i.outcome in {"overturned", "partial"}]
    shown = facets(response)
    # Outcome counts: every outcome among items citing MTUS Chronic Pain, the upheld ones too.
    assert nonzero(shown["outcome"]) == facet_counts(cites_mtus_cp, "outcome")
    # Guideline counts: every guideline among overturned or partial items.
    assert nonzero(shown["guideline"]) == facet_counts(overturned_or_partial, "guideline")
    # Other facets: both filters.
    both = [i for i in cites_mtus_cp if i in overturned_or_partial]
    assert nonzero(shown["category"]) == facet_counts(both, "category")
    assert total(response) == len(both)


def test_a_facet_ignores_its_own_filter_on_the_full_text_path_too(client, site):
    alone = facets(get(client, "q=pain"))
    filtered = get(client, "q=pain&outcome=upheld")
    assert facets(filtered)["outcome"] == alone["outcome"]
    assert total(filtered) == alone["outcome"]["upheld"]
    assert set(hit_outcomes(filtered)) == {"upheld"}


def test_a_selected_value_is_marked_and_its_link_removes_it(client, site):
    page = html(get(client, "outcome=overturned"))
    link = page.split('data-value="overturned"', 1)[1].split("</li>", 1)[0]
    assert "is-selected" in link and 'aria-current="true"' in link
    assert 'href="/search/"' in link


def test_each_filter_of_the_page_is_a_chip_that_removes_exactly_one_value(client, site):
    query = "q=pain&outcome=overturned&outcome=partial&category=Pharmaceuticals&decision_after=2014-01-01&p=2"
    start = params(f"{SEARCH}?{query}") - Counter({("p", "2"): 1})
    links = chips(get(client, query.replace("&p=2", "")))
    assert len(links) == 5
    removed = []
    for link in links:
        left = params(link)
        assert left <= start and sum((start - left).values()) == 1, link
        removed += list(start - left)
    assert sorted(removed) == sorted(start.elements())


def test_filters_of_the_more_filters_form_apply(client, site):
    female = [i for i in site if i.letter["patient"]["sex"] == "female"]
    assert total(get(client, "sex=female")) == len(female)
    aged = [i for i in site if i.letter["patient"]["age"] is not None and 40 <= i.letter["patient"]["age"] <= 50]
    assert total(get(client, "age_min=40&age_max=50")) == len(aged)
    case = next(i.letter["case_number"] for i in site if i.letter["case_number"])
    same_case = [i for i in site if i.letter["case_number"] == case]
    assert total(get(client, f"case={case.lower()}")) == len(same_case)


def test_a_treatment_link_finds_every_item_with_that_treatment(client, site):
    name = Issue.objects.values_list("treatment_normalized", flat=True).first()
    expected = Issue.objects.filter(treatment_normalized=name).count()
    assert total(get(client, f"treatment={name}")) == expected


# -- sorting ------------------------------------------------------------------------


def decision_dates(ids: list[int]) -> list[date | None]:
    dates = dict(Issue.objects.filter(id__in=ids).values_list("id", "letter__date_decision"))
    return [dates[i] for i in ids]


@pytest.mark.parametrize("query", ["", "q=pain"])
def test_sorting_by_decision_date(client, site, query):
    sep = "&" if query else ""
    newest = decision_dates(hits(get(client, f"{query}{sep}sort=newest")))
    oldest = decision_dates(hits(get(client, f"{query}{sep}sort=oldest")))
    dated_newest = [d for d in newest if d]
    assert dated_newest == sorted(dated_newest, reverse=True) and dated_newest
    assert newest[: len(dated_newest)] == dated_newest  # undated items come last
    dated_oldest = [d for d in oldest if d]
    assert dated_oldest == sorted(dated_oldest)
    latest = max(i.letter["dates"]["decision"] for i in site if i.letter["dates"]["decision"])
    assert newest[0].isoformat() == latest


def test_sort_links_offer_relevance_only_with_words(client, site):
    assert ">Relevance</a>" not in html(get(client))
    page = html(get(client, "q=pain"))
    assert '?q=pain&amp;sort=relevance" aria-current="true">Relevance' in page
    assert '?q=pain&amp;sort=oldest"' in page


# -- full text and database paths -------------------------------------------------------


@pytest.mark.parametrize(("words", "filters"), [
    ("outcome:overturned", "outcome=overturned"),
    ("category:Pharmaceuticals", "category=Pharmaceuticals"),
    ("specialty:Anesthesiology", "specialty=Anesthesiology"),
])
def test_full_text_and_database_paths_agree(client, site, words, filters):
    """A field query answered by Whoosh finds what the same filter finds in the database."""
    by_index = get(client, f"q={words}")
    by_database = get(client, filters)
    assert total(by_index) == total(by_database) > 0
    assert set(all_hits(client, f"q={words}")) == set(all_hits(client, filters))
    assert facets(by_index)["guideline"] == facets(by_database)["guideline"]


@pytest.mark.parametrize("filters", ["outcome=overturned&outcome=partial", "guideline=odg&year=2015", "sex=male"])
def test_match_everything_words_add_nothing_to_a_filter(client, site, filters):
    """`*` sends the search through Whoosh; it must find what the database finds with the filters alone."""
    by_index = get(client, f"q=*&{filters}")
    by_database = get(client, filters)
    assert total(by_index) == total(by_database) > 0
    assert set(all_hits(client, f"q=*&{filters}")) == set(all_hits(client, filters))
    assert facets(by_index) == facets(by_database)


def test_words_find_items_and_mark_them_in_the_snippet(client, site):
    response = get(client, "q=acupuncture")
    assert response.status_code == 200
    assert total(response) >= facet_counts(site, "category")["Acupuncture"]
    assert "<mark>" in html(response).lower() or "<mark " in html(response).lower()


@pytest.mark.parametrize("q", ['"unbalanced', "pain AND", "(pain"])
def test_a_malformed_query_is_searched_as_plain_words_with_a_note(client, site, q):
    response = client.get(SEARCH, {"q": q})
    assert response.status_code == 200
    assert "data-note" in html(response)
    assert "plain words" in html(response)


def test_a_query_of_operators_alone_shows_every_item_with_a_note(client, site):
    response = client.get(SEARCH, {"q": "AND"})
    assert response.status_code == 200
    assert total(response) == len(site)
    assert "every item is shown" in html(response)


def test_hits_link_to_their_item_on_the_letter_page(client, site):
    response = get(client, "q=acupuncture")
    first = Issue.objects.select_related("letter").get(id=hits(response)[0])
    page, _, item = first.get_absolute_url().partition("#")
    assert item.startswith("item-")
    assert f'href="{page}?q=acupuncture#{item}"' in html(response)  # the words go along, to be marked there


def test_a_hit_shows_outcome_category_guidelines_and_dates(client, site):
    response = get(client, "outcome=overturned&sort=newest")
    page = html(response)
    issue = Issue.objects.select_related("letter").get(id=hits(response)[0])
    block = page.split(f'data-issue="{issue.id}"', 1)[1].split("</li>", 1)[0]
    assert "Denial overturned" in block
    assert issue.category.replace("&", "&amp;") in block
    if issue.letter.case_number:
        assert issue.letter.case_number in block
    for citation in issue.citations.select_related("guideline"):
        assert citation.guideline.short_name in block


# -- bad parameters ---------------------------------------------------------------------


@pytest.mark.parametrize(("query", "status"), [
    ("outcome=bogus", 400),
    ("page=98", 400),
    ("age_min=60&age_max=30", 400),
    ("age_min=abc", 400),
    ("age_max=200", 400),
    ("decision_after=notadate", 400),
    ("injury_before=2015-13-45", 400),
    ("decision_after=2016-01-01&decision_before=2015-01-01", 400),
    ("guideline=nope", 400),
    ("year=1999", 400),
    ("sex=other", 400),
    ("mtus=maybe", 400),
    ("sort=random", 400),
    ("p=abc", 400),
    ("p=0", 400),
    ("p=1001", 400),
    ("p=1000000000000000000", 400),
    ("guideline=odg&page=2147483648", 400),
    ("treatment=norco%00", 400),
    ("q=therapy%FF", 400),
    ("q=" + "a+" * 60, 400),
    ("p=999", 404),
    ("outcome=overturned&p=2", 404),
])
def test_a_bad_parameter_shows_the_error_and_no_results(client, site, query, status):
    response = get(client, query)
    assert response.status_code == status
    page = html(response)
    assert "data-errors" in page
    assert hits(response) == [] and total(response) is None


def test_the_error_names_the_parameter_and_a_chip_removes_the_bad_value(client, site):
    response = get(client, "outcome=bogus&category=Surgery")
    page = html(response)
    assert "Outcome:" in page and "bogus" in page
    removing = [link for link in chips(response) if ("outcome", "bogus") not in params(link)]
    assert removing and get(client, removing[0].split("?", 1)[1]).status_code == 200


def test_empty_values_are_no_filter(client, site):
    response = get(client, "outcome=&q=&sex=&mtus=&case=")
    assert response.status_code == 302 and response["Location"] == SEARCH
    assert total(client.get(response["Location"])) == len(site)


# -- cost -------------------------------------------------------------------------------------


def count_queries(client, query: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as captured:
        response = get(client, query)
    assert response.status_code == 200
    return len(hits(response)), len(captured)


@pytest.mark.parametrize("words", ["", "q=pain&"])
def test_a_results_page_runs_the_same_few_queries_for_one_hit_or_twenty(client, site, words,
                                                                         django_assert_max_num_queries):
    everything = f"{words}outcome=upheld&outcome=overturned&outcome=partial"
    shown = Issue.objects.select_related("letter").filter(id__in=hits(get(client, everything)))
    one = next(issue for issue in shown if issue.letter.case_number and Issue.objects.filter(
        letter=issue.letter, treatment_normalized=issue.treatment_normalized).count() == 1)
    narrow = f"{everything}&case={one.letter.case_number}&treatment={one.treatment_normalized}"
    one_hit, one_cost = count_queries(client, narrow)
    many, many_cost = count_queries(client, everything)
    assert (one_hit, many) == (1, 20)
    assert one_cost == many_cost
    # 9 without a guideline filter; the database backend looks the slugs up once per facet query (+5).
    with django_assert_max_num_queries(14):
        get(client, f"{words}guideline=mtus-chronic-pain&guideline=odg&year=2015&sort=oldest")

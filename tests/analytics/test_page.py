"""The analytics page on every engine: each breakdown's table holds the annotated letters' numbers, each
number links to the search giving it, and marks what rests on fewer than 30 items."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from django.test import Client

from imr_archive.search.service import matching_ids
from imr_archive.web.filters import SearchFilterSet
from tests.analytics.conftest import expected_counts, treatment_of
from tests.analytics.pages import analytics, search_total

SEARCHES = [pytest.param({}, id="every item"), pytest.param({"q": "pain"}, id="words"),
            pytest.param({"sex": "female", "category": "Pharmaceuticals"}, id="filters")]
SIMPLE = ["category", "guideline", "specialty", "year", "age", "sex"]


def matching(items, client: Client, params: dict):
    """The annotated items the search page lists for these parameters (which items match is tested in
    tests/search; how they are counted is tested here)."""
    filterset = SearchFilterSet(QueryDict(urlencode(params, doseq=True)))
    assert filterset.is_valid()
    shown = set(matching_ids(filterset.search_query()))
    found = [item for item in items if item.issue_id in shown]
    assert found, "the search matches nothing: it checks nothing"
    return found


def as_table(counts: dict[str, Counter]) -> dict[str, tuple[int, int, int, int]]:
    return {value: (c.total(), c["upheld"], c["overturned"], c["partial"]) for value, c in counts.items()}


@pytest.mark.parametrize("params", SEARCHES)
@pytest.mark.parametrize("by", SIMPLE)
def test_each_breakdown_holds_the_annotated_counts(items, client, params, by):
    found = matching(items, client, params)
    shown = analytics(client, {**params, "by": by})
    assert {row.value: row.counts for row in shown.rows} == as_table(expected_counts(found, by))
    outcomes = Counter(item.item["outcome"] for item in found)
    assert shown.summary == {"items": str(len(found)), **{o: str(outcomes[o])
                                                          for o in ("upheld", "overturned", "partial")}}


@pytest.mark.parametrize("params", SEARCHES[:2])
def test_pages_of_a_chosen_guideline_and_months_of_a_chosen_year(items, client, params):
    found = matching(items, client, params)
    shown = analytics(client, {**params, "by": "page", "for_guideline": "odg"})
    assert {row.value: row.counts for row in shown.rows} == as_table(expected_counts(found, "page", guideline="odg"))
    years = {item.letter["dates"]["decision"][:4] for item in found if item.letter["dates"]["decision"]}
    for year in years:
        shown = analytics(client, {**params, "by": "month", "for_year": year})
        assert {row.value: row.counts for row in shown.rows} == as_table(
            expected_counts(found, "month", year=int(year)))


def test_treatments_holding_a_text(items, client):
    shown = analytics(client, {"by": "treatment", "treatment_like": "Tramadol"})
    tramadol = [item for item in items if treatment_of(item.item["treatment"]) == "tramadol"]
    assert {row.value for row in shown.rows} == {"tramadol", "tramadol er"}
    assert next(row for row in shown.rows if row.value == "tramadol").counts == as_table(
        {"tramadol": Counter(item.item["outcome"] for item in tramadol)})["tramadol"]


def test_the_most_disputed_treatments_come_first(items, client):
    shown = analytics(client, {"by": "treatment"})
    assert len(shown.rows) == 25
    repeated = Counter(name for item in items if (name := treatment_of(item.item["treatment"])))
    most = max(repeated.values())
    assert [row.value for row in shown.rows if row.items == most] == sorted(
        name for name, n in repeated.items() if n == most)
    assert [row.items for row in shown.rows] == sorted((row.items for row in shown.rows), reverse=True)


@pytest.mark.parametrize("by", [*SIMPLE, "treatment"])
def test_every_number_links_to_the_search_giving_it(items, client, by):
    shown = analytics(client, {"category": "Pharmaceuticals", "by": by})
    assert shown.rows
    for row in shown.rows:
        expected = {"value": row.items, "items": row.items, "upheld": row.upheld, "overturned": row.overturned,
                    "partial": row.partial, "rate": row.overturned + row.partial}
        linked = {cell: search_total(client, href) for cell, href in row.links.items()}
        assert linked == {cell: n for cell, n in expected.items() if cell in row.links}
        if row.value or by == "year":  # only items without an age, sex or specialty have no search
            assert {"value", "items"} <= set(row.links)


def test_a_rate_from_fewer_than_30_items_is_marked(items, client):
    rows = [row for by in ("guideline", "sex") for row in analytics(client, {"by": by}).rows]
    decided = [row.upheld + row.overturned + row.partial for row in rows]
    assert any(n >= 30 for n in decided) and any(20 <= n < 30 for n in decided), "nothing near 30 is checked"
    assert [row.few for row in rows] == [n < 30 for n in decided]


def test_the_rate_leaves_out_unknown_outcomes(items, client):
    shown = analytics(client, {"by": "category"})
    for row in shown.rows:
        decided = row.upheld + row.overturned + row.partial
        assert row.rate == (pytest.approx((row.overturned + row.partial) / decided, abs=5e-5) if decided else None)
    unknown = [item for item in items if item.item["outcome"] == "unknown"]
    assert sum(row.items for row in shown.rows) - sum(
        row.upheld + row.overturned + row.partial for row in shown.rows) == len(unknown)


@pytest.mark.parametrize("by", ["category", "page", "month", "treatment"])
def test_the_index_answers_alone(items, client, by, django_assert_num_queries):
    """Every count comes from the index (bench/analytics.py's figures rest on it): the database is not asked."""
    with django_assert_num_queries(0):
        assert client.get("/analytics/", {"by": by}).status_code == 200

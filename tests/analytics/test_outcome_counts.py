"""Each breakdown's counts by outcome, on every engine, against the annotated seed letters.

The matches of each search come from the engine (matching_ids, tested in
tests/search); what is checked here is how they are counted: the expected
counts are computed from the annotations of those matches, never from the
code under test. With Whoosh the database answers the search page of a
search without words and the index its analytics: the facets test compares the two.
"""

from __future__ import annotations

from collections import Counter

import pytest

from imr_archive.search.breakdowns import Breakdown
from imr_archive.search.query import SearchQuery
from imr_archive.search.service import matching_ids, outcome_counts, search
from tests.analytics.conftest import expected_counts, treatment_of

SEARCHES = [
    pytest.param({}, id="every item"),
    pytest.param({"q": "necessary"}, id="words"),
    pytest.param({"q": "pain", "outcome": ("upheld",)}, id="words and an outcome"),
    pytest.param({"category": ("Pharmaceuticals", "Diagnostic Imaging")}, id="two categories"),
    pytest.param({"guideline": ("mtus-chronic-pain",)}, id="a guideline"),
    pytest.param({"q": "medically", "sex": "female", "age_min": 30}, id="words, sex and age"),
]
FIELDS = ["category", "guideline", "specialty", "year", "age", "sex"]


def matched(items, query: SearchQuery):
    ids = set(matching_ids(query))
    assert ids, "a search of these tests matches nothing: it checks nothing"
    return [item for item in items if item.issue_id in ids]


@pytest.mark.parametrize("filters", SEARCHES)
@pytest.mark.parametrize("field", FIELDS)
def test_each_value_counts_the_matches_by_outcome(items, filters, field):
    query = SearchQuery(**filters)
    found = matched(items, query)
    (counts,) = outcome_counts(query, Breakdown(field))
    assert counts.total == Counter(item.item["outcome"] for item in found)
    assert counts.values == expected_counts(found, field)


@pytest.mark.parametrize("filters", SEARCHES[:3])
def test_pages_count_each_item_citing_them_and_months_each_item_decided_then(items, filters):
    query = SearchQuery(**filters)
    found = matched(items, query)
    pages, months, category = outcome_counts(query, Breakdown("page"), Breakdown("month"), Breakdown("category"))
    assert pages.values == expected_counts(found, "page")
    assert months.values == expected_counts(found, "month")
    assert expected_counts(items, "page", guideline="mtus-chronic-pain"), "no page is cited: nothing is checked"
    assert expected_counts(items, "month"), "no annotated letter is dated: nothing is checked"
    (alone,) = outcome_counts(query, Breakdown("category"))
    assert category == alone, "a breakdown asked with others counts as asked alone"


@pytest.mark.parametrize("filters", [{}, {"q": "necessary"}])
def test_the_most_disputed_treatments_come_first_ties_by_name(items, filters):
    query = SearchQuery(**filters)
    found = matched(items, query)
    counts = outcome_counts(query, Breakdown("treatment", limit=25))[0].values
    assert len(counts) == min(25, len({item.item["treatment"].lower() for item in found}))
    repeated: dict[str, Counter[str]] = {}
    for item in found:
        if (name := treatment_of(item.item["treatment"])) is not None:
            repeated.setdefault(name, Counter())[item.item["outcome"]] += 1
    repeated = {name: outcomes for name, outcomes in repeated.items() if outcomes.total() > 1}
    assert repeated, "no treatment is disputed twice among the matches: nothing is checked"
    order = list(counts)
    assert order[:len(repeated)] == sorted(repeated, key=lambda name: (-repeated[name].total(), name))
    assert {name: counts[name] for name in repeated} == repeated
    singles = order[len(repeated):]
    assert singles == sorted(singles) and all(counts[name].total() == 1 for name in singles)


def test_a_treatment_search_lists_every_name_holding_the_text(items):
    counts = outcome_counts(SearchQuery(), Breakdown("treatment", containing="tramadol", limit=50))[0].values
    headings = [item for item in items if "tramadol" in item.item["treatment"].lower()]
    assert sum(outcomes.total() for outcomes in counts.values()) == len(headings) == 3
    assert set(counts) == {"tramadol", "tramadol er"}
    assert counts["tramadol"] == Counter(item.item["outcome"] for item in headings
                                         if treatment_of(item.item["treatment"]) == "tramadol")


@pytest.mark.parametrize("filters", SEARCHES)
def test_counts_equal_the_search_pages_facets(items, filters):
    """The analytics of a search and its facets say the same: for a facet the search does not filter on,
    every count; for one it filters on, the count of each value it keeps."""
    query = SearchQuery(**filters)
    facets = {name: dict(values) for name, values in search(query).facets.items()}
    for field in ("category", "guideline", "specialty", "year"):
        values = outcome_counts(query, Breakdown(field))[0].values
        # The year facet's bucket of undated items is "none"; a breakdown's is not stated ("").
        shown = {value or "none": outcomes.total() for value, outcomes in values.items() if value or field == "year"}
        kept = {str(value) for value in getattr(query, field)}
        if kept:  # an item citing a kept guideline may cite others too: compare the kept values
            shown = {value: n for value, n in shown.items() if value in kept}
        assert shown == {value: n for value, n in facets[field].items() if not kept or value in kept}
    if not query.outcome:
        assert dict(outcome_counts(query, Breakdown("category"))[0].total) == facets["outcome"]

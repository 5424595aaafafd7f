"""Facet counts under several facet filters at once, and the order of results by relevance.

Expected counts come from seeds/*.json (the annotations); the expected
relevance order from Whoosh's own BM25F scoring of every match.
"""

from __future__ import annotations

from collections import Counter

import pytest
from whoosh import index

from imr_archive.parsing.vocabulary import GUIDELINE_BY_NAME
from imr_archive.search.query import SearchQuery
from imr_archive.search.query_syntax import read
from imr_archive.search.service import search
from imr_archive.search.whoosh.compile import compile_words
from tests.search.test_search_behaviour import all_ids, facet

FILTERS = {"outcome": ("upheld",), "category": ("Pharmaceuticals", "Diagnostic Imaging"), "guideline": ("odg",)}


def _passes(item, name: str) -> bool:
    if name == "guideline":
        return item.cites("Official Disability Guidelines")
    return item.item[name] in FILTERS[name]


@pytest.mark.parametrize("q", ["", "necessary"])
def test_each_facet_counts_the_matches_passing_every_other_facets_filter(items, q):
    words = all_ids(SearchQuery(q=q)) if q else {i.issue_id for i in items}
    pool = [i for i in items if i.issue_id in words]

    def passing(*names: str) -> list:
        return [i for i in pool if all(_passes(i, name) for name in names)]

    results = search(SearchQuery(q=q, **FILTERS))
    everything = passing("outcome", "category", "guideline")
    assert everything, "the seeds should hold an item passing all three filters"
    assert results.total == len(everything)
    assert facet(results, "outcome") == Counter(i.item["outcome"] for i in passing("category", "guideline"))
    assert facet(results, "category") == Counter(i.item["category"] for i in passing("outcome", "guideline"))
    assert facet(results, "guideline") == Counter(
        GUIDELINE_BY_NAME[g].slug for i in passing("outcome", "category") for g in {c["guideline"] for c in
                                                                                    i.item["citations"]})
    assert facet(results, "specialty") == Counter(i.letter["reviewer"]["specialty"] for i in everything
                                                  if i.letter["reviewer"]["specialty"])
    # An item whose letter states no decision date counts under "none".
    assert facet(results, "year") == Counter((i.letter["dates"]["decision"] or "none")[:4] for i in everything)


def _whoosh_order(settings, q: str) -> list[int]:
    """Issue ids of every match of `q`, as Whoosh's BM25F scores them, with no top-N shortcut."""
    words = compile_words(read(q).node)
    with index.open_dir(str(settings.IMR_INDEX_DIR)).searcher() as searcher:
        return [int(hit["issue_id"]) for hit in searcher.search(words, limit=None)]


@pytest.mark.parametrize("q", ["necessary", "physical therapy", '"medically necessary"',
                               "acupuncture OR chiropractic OR injection", "pain -opioids"])
def test_results_come_in_whooshs_relevance_order(items, search_backend, settings, q):
    if search_backend != "whoosh":
        pytest.skip("the order of Whoosh's BM25F")
    expected = _whoosh_order(settings, q)
    assert len(expected) > 10, "the query should fill more than two pages of five"
    hits = [h.issue_id for h in search(SearchQuery(q=q, per_page=100)).hits]
    assert hits == expected[:100]
    second_page = [h.issue_id for h in search(SearchQuery(q=q, page_number=2, per_page=5)).hits]
    assert second_page == expected[5:10]
    upheld = {i.issue_id for i in items if i.item["outcome"] == "upheld"}
    filtered = [h.issue_id for h in search(SearchQuery(q=q, outcome=("upheld",), per_page=100)).hits]
    assert filtered == [issue_id for issue_id in expected if issue_id in upheld][:100]


@pytest.mark.parametrize("q", ["", "necessary"])
def test_a_fixed_facet_narrows_every_count_and_is_not_counted(items, q):
    """A guideline page view fixes the guideline and page: each count is over the items citing the page."""
    words = all_ids(SearchQuery(q=q)) if q else {i.issue_id for i in items}
    citing = [i for i in items if i.issue_id in words and i.cites("ACOEM Practice Guidelines", 178)]
    upheld = [i for i in citing if i.item["outcome"] == "upheld"]
    assert upheld and len(upheld) < len(citing), "the seeds should hold upheld and other items citing the page"

    results = search(SearchQuery(q=q, outcome=("upheld",), guideline=("acoem",), page=178,
                                 fixed=("guideline",)))
    assert results.total == len(upheld)
    assert "guideline" not in results.facets
    assert facet(results, "outcome") == Counter(i.item["outcome"] for i in citing)
    assert facet(results, "category") == Counter(i.item["category"] for i in upheld)


@pytest.mark.parametrize("q", ["necessary", "physical therapy", '"medically necessary"', '"not medically necessary"',
                               "acupuncture OR chiropractic", "pain -opioids"])
def test_whooshs_public_path_answers_as_its_fast_path(items, search_backend, monkeypatch, q):
    """With another whoosh-reloaded release the fast path (postings.py) is off: same matches, counts and order."""
    if search_backend != "whoosh":
        pytest.skip("Whoosh's paths")
    query = SearchQuery(q=q, outcome=("upheld",), per_page=100)
    fast = search(query)
    monkeypatch.setattr("imr_archive.search.whoosh.backend.FAST_PATH", False)
    public = search(query)
    assert (public.total, public.facets) == (fast.total, fast.facets)
    assert [h.issue_id for h in public.hits] == [h.issue_id for h in fast.hits]

"""Every match of a search in the order of its pages: what exports and the API stream."""

from __future__ import annotations

import pytest

from imr_archive.search.query import SORT_NEWEST, SORT_OLDEST, SORT_RELEVANCE, SearchQuery
from imr_archive.search.service import matching_ids, search


def paged(query: SearchQuery) -> list[int]:
    """The hits of every page of the search, page after page."""
    ids: list[int] = []
    number = 1
    while hits := search(SearchQuery(**{**query.__dict__, "page_number": number, "per_page": 7})).hits:
        ids += [h.issue_id for h in hits]
        number += 1
    return ids


@pytest.mark.parametrize("sort", [SORT_RELEVANCE, SORT_NEWEST, SORT_OLDEST])
@pytest.mark.parametrize("filters", [{"q": "necessary"}, {}, {"q": "pain", "outcome": ("upheld",)},
                                     {"guideline": ("mtus-chronic-pain",)}])
def test_matching_ids_are_every_match_in_page_order(items, sort, filters):
    query = SearchQuery(sort=sort, **filters)
    expected = paged(query)
    assert expected
    assert matching_ids(query) == expected
    assert matching_ids(query, limit=5) == expected[:5]


def test_dated_sorts_break_ties_by_item_id_and_put_undated_items_last(items):
    def decided(issue_id: int) -> str:
        return next(i.letter["dates"]["decision"] or "" for i in items if i.issue_id == issue_id)

    newest, oldest = matching_ids(SearchQuery(sort=SORT_NEWEST)), matching_ids(SearchQuery(sort=SORT_OLDEST))
    undated = {i.issue_id for i in items if not i.letter["dates"]["decision"]}
    assert undated, "the seeds should hold a letter without a decision date"
    assert set(newest[-len(undated):]) == set(oldest[-len(undated):]) == undated
    assert newest[:-len(undated)] == sorted(newest[:-len(undated)], key=lambda n: (decided(n), n), reverse=True)
    assert oldest[:-len(undated)] == sorted(oldest[:-len(undated)], key=lambda n: (decided(n), n))

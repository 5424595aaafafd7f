"""Values in a path past what it can name are a 404, never a 500; a long result list stops at the last page
a search accepts, and says so."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from imr_archive.search.query import SearchQuery
from imr_archive.web.filters import MAX_RESULTS_PAGE
from imr_archive.web.links import SearchLinks
from tests.web.conftest import html


@pytest.mark.parametrize("path", [
    "/guidelines/mtus-chronic-pain/page/10000/",
    "/guidelines/odg/page/2147483648/",  # past a 32-bit integer (issue 16)
    "/guidelines/odg/page/99999999999999999999999/",
    "/case/%00/",  # a NUL byte (issue 16)
    "/case/CM14-0203117%00/",
    "/letters/9223372036854775808/",  # past a 64-bit integer
    "/letters/9223372036854775808/original/",
])
def test_a_path_that_names_nothing_is_not_found(client, site, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Not found" in html(response)


def test_the_guideline_page_view_keeps_the_results_page_bound(client, site):
    response = client.get("/guidelines/mtus-chronic-pain/page/98/?p=1000000000000000000")
    assert response.status_code == 400
    assert "Results page: Ensure this value is less than or equal to 1000." in html(response)


def test_more_matches_than_the_pages_a_search_shows_end_at_its_last_page():
    links = SearchLinks("/search/", QueryDict(""))
    query = SearchQuery(page_number=MAX_RESULTS_PAGE)
    pagination = links.pagination(query, total=query.per_page * MAX_RESULTS_PAGE * 3)
    assert pagination.pages == MAX_RESULTS_PAGE and pagination.capped
    assert pagination.next is None
    assert all(link is None or link.number <= MAX_RESULTS_PAGE for link in pagination.links)
    exact = links.pagination(SearchQuery(), total=query.per_page * MAX_RESULTS_PAGE)
    assert exact.pages == MAX_RESULTS_PAGE and not exact.capped

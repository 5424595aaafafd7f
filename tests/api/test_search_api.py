"""The API's search answers what the search page shows: the same total, facet counts and items, on every engine."""

from __future__ import annotations

import re
from html import unescape

import pytest

from tests.api.searches import INVALID, all_views
from tests.web.conftest import facets, hits, total

API = "/api/v1/search/"


def api(client, params: str, **more: str):
    query = "&".join(filter(None, [params, *(f"{k}={v}" for k, v in more.items())]))
    return client.get(f"{API}?{query}")


def api_facets(answer: dict) -> dict[str, dict[str, int]]:
    return {facet: {v["value"]: v["count"] for v in values} for facet, values in answer["facets"].items()}


def every_page(client, params: str, per_page: int) -> list[int]:
    """The ids of every match, following the API's `next` links."""
    found: list[int] = []
    url = f"{API}?{params}&per_page={per_page}&sort=newest"
    while url:
        response = client.get(url)
        assert response.status_code == 200
        found += [item["id"] for item in response.json()["results"]]
        url = response.json()["next"]
    return found


@pytest.mark.parametrize(("page", "params"), all_views())
def test_the_api_answers_the_total_facets_and_items_the_page_shows(client, items, page, params):
    shown = client.get(page)
    assert shown.status_code == 200
    answer = api(client, params).json()
    assert answer["total"] == total(shown)
    assert answer["total"] > 0, "each search of the list finds something in the seed letters"
    on_page = facets(shown)
    assert {f: v for f, v in api_facets(answer).items() if f in on_page} == on_page
    assert [item["id"] for item in answer["results"]] == hits(shown)


@pytest.mark.parametrize(("page", "params"), all_views())
def test_paging_through_the_api_gives_every_match_once(client, items, page, params):
    total_items = api(client, params).json()["total"]
    ids = every_page(client, params, per_page=7)
    assert len(ids) == total_items == len(set(ids))


def test_a_search_of_every_item_pages_in_a_stable_order(client, items):
    assert every_page(client, "", per_page=10) == every_page(client, "", per_page=100)
    assert sorted(every_page(client, "", per_page=10)) == sorted(i.issue_id for i in items)


@pytest.mark.parametrize("params", INVALID)
def test_a_bad_parameter_gets_the_search_pages_messages_as_json(client, items, params):
    page = client.get(f"/search/?{params}")
    assert page.status_code == 400
    shown = [unescape(m) for m in re.findall(r"<li>([^<]*)</li>", page.content.decode().split("data-errors", 1)[1]
                                             .split("</ul>", 1)[0])]
    response = api(client, params)
    assert response.status_code == 400 and response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == 400 and body["detail"] == "This search cannot be run."
    assert body["errors"] == shown


def test_a_page_past_the_last_is_404_in_json(client, items):
    response = api(client, "outcome=overturned", p="99")
    assert response.status_code == 404
    assert response.json()["detail"].startswith("Results page 99 does not exist")


def test_results_carry_their_item_and_letter(client, items):
    answer = api(client, "case=CM14-0203117", sort="oldest").json()
    expected = next(i for i in items if i.letter["case_number"] == "CM14-0203117")
    assert answer["total"] == len(expected.letter["issues"])
    first = min(answer["results"], key=lambda item: item["item_number"])
    assert first["treatment"] == expected.letter["issues"][0]["treatment"]
    assert first["outcome"] == expected.letter["issues"][0]["outcome"]
    assert first["case_number"] == "CM14-0203117" and first["decision_date"] == "2015-01-14"
    assert first["links"]["page"] == "http://testserver/case/CM14-0203117/#item-1"
    assert first["citation"].startswith("IMR Final Determination, Case CM14-0203117 (Cal. Div. Workers' Comp. "
                                        "Jan. 14, 2015), item 1, ")
    assert client.get(first["links"]["api"]).json()["id"] == first["id"]

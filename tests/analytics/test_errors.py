"""Bad parameters of the analytics page and its CSV: a 400 with the form's own sentence, never a 500."""

from __future__ import annotations

import pytest

BAD = [
    pytest.param({"by": "colour"}, "Breakdown: Select a valid choice. colour is not one of the available choices.",
                 id="no such breakdown"),
    pytest.param({"year": "20x5"}, "Decision year: Select a valid choice.", id="a search filter"),
    pytest.param({"page": "12"}, "A guideline page needs a guideline: add guideline=&lt;slug&gt;.",
                 id="a page without its guideline"),
    pytest.param({"by": "page", "for_guideline": "nonsense"}, "Pages of: Select a valid choice.",
                 id="no such guideline"),
    pytest.param({"by": "month", "for_year": "1700"}, "Months of: Select a valid choice.", id="a year out of range"),
    pytest.param({"by": "treatment", "treatment_like": "tram\x00adol"}, "Treatments holding: Null characters are "
                 "not allowed.", id="a NUL byte"),
    pytest.param({"by": "treatment", "treatment_like": "x" * 121}, "Treatments holding: Ensure this value has at "
                 "most 120 characters", id="too long"),
]


@pytest.mark.parametrize(("params", "message"), BAD)
def test_the_page_says_what_is_wrong(items, client, params, message):
    response = client.get("/analytics/", params)
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.parametrize(("params", "message"), BAD[1:])
def test_the_csv_says_what_is_wrong(items, client, params, message):
    name = params.get("by", "category")
    response = client.get(f"/analytics/{name}.csv", {k: v for k, v in params.items() if k != "by"})
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert message.replace("&lt;", "<").replace("&gt;", ">") in response.content.decode()


def test_a_search_error_reads_as_on_the_search_page(items, client):
    search = client.get("/search/", {"age_min": "70", "age_max": "20"}).content.decode()
    shown = client.get("/analytics/", {"age_min": "70", "age_max": "20"})
    assert shown.status_code == 400
    sentence = "Patient age: The minimum age is above the maximum age."
    assert sentence in search and sentence in shown.content.decode()


def test_a_csv_of_no_breakdown_is_not_found(items, client):
    assert client.get("/analytics/colour.csv").status_code == 404

"""Each breakdown's table as CSV: the fixed columns, the page's rows, proportions from 0 to 1."""

from __future__ import annotations

import csv
import io

import pytest

from tests.analytics.pages import analytics

COLUMNS = ["value", "items", "upheld", "overturned", "partial", "overturn_rate", "interval_low", "interval_high"]
BREAKDOWNS = [
    pytest.param("category", {}, id="category"),
    pytest.param("treatment", {}, id="treatment"),
    pytest.param("treatment", {"treatment_like": "tramadol"}, id="treatment holding"),
    pytest.param("guideline", {}, id="guideline"),
    pytest.param("page", {"for_guideline": "mtus-chronic-pain"}, id="page"),
    pytest.param("specialty", {}, id="specialty"),
    pytest.param("year", {}, id="year"),
    pytest.param("month", {"for_year": "2015"}, id="month"),
    pytest.param("age", {}, id="age"),
    pytest.param("sex", {}, id="sex"),
]


def read_csv(response) -> list[dict[str, str]]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff"), "spreadsheets read a CSV as UTF-8 only with a byte-order mark"
    reader = csv.DictReader(io.StringIO(text[1:]))
    assert reader.fieldnames == COLUMNS
    return list(reader)


@pytest.mark.parametrize(("name", "narrowing"), BREAKDOWNS)
def test_the_csv_holds_the_pages_table(items, client, name, narrowing):
    search = {"q": "pain"}
    shown = analytics(client, {**search, **narrowing, "by": name}).rows
    rows = read_csv(client.get(f"/analytics/{name}.csv", {**search, **narrowing}))
    assert rows, "an empty table checks nothing"
    assert [(r["value"], int(r["items"]), int(r["upheld"]), int(r["overturned"]), int(r["partial"])) for r in rows] \
        == [(row.value or "not stated", *row.counts) for row in shown]
    for r in rows:
        decided = int(r["upheld"]) + int(r["overturned"]) + int(r["partial"])
        if not decided:
            assert r["overturn_rate"] == r["interval_low"] == r["interval_high"] == ""
            continue
        rate = (int(r["overturned"]) + int(r["partial"])) / decided
        assert r["overturn_rate"] == f"{rate:.4f}"
        assert 0 <= float(r["interval_low"]) <= float(r["overturn_rate"]) <= float(r["interval_high"]) <= 1


def test_the_csv_is_a_download_named_for_its_breakdown(items, client):
    response = client.get("/analytics/sex.csv")
    assert response["Content-Disposition"] == 'attachment; filename="imr-analytics-sex.csv"'
    assert {r["value"] for r in read_csv(response)} == {"female", "male", "not stated"}


def test_the_page_links_its_csv_with_the_search(items, client):
    response = client.get("/analytics/", {"q": "pain", "by": "month", "for_year": "2015"})
    assert 'href="/analytics/month.csv?q=pain&amp;for_year=2015"' in response.content.decode()

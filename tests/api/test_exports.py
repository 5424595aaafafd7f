"""Downloads of every match of a search: linked from the search page, the guideline page and the guideline
page views, as many rows as the page's total, in its order, on every engine; past the cap, a way to narrow."""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape

import pytest

from tests.api.searches import all_views, link_in
from tests.web.conftest import total

HIT_LINK = re.compile(r'<h3 class="hit__title"><a href="([^"]+)">')


def download(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response.streaming
    return response, b"".join(response.streaming_content).decode("utf-8")


def csv_rows(text: str) -> list[dict]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


@pytest.mark.parametrize(("page", "params"), all_views())
def test_each_search_downloads_all_its_matches_in_its_order(client, items, page, params):
    shown = client.get(page)
    html = shown.content.decode()
    matches = total(shown)
    # A hit links to its item's permalink, with the search's words (?q=) for the letter page to mark.
    first_page = ["http://testserver" + re.sub(r"\?q=[^#]*", "", unescape(href)) for href in HIT_LINK.findall(html)]

    response, text = download(client, link_in(html, 'data-export="csv"'))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="imr-archive-')
    rows = csv_rows(text)
    assert len(rows) == matches
    assert [row["Permalink"] for row in rows[:len(first_page)]] == first_page

    response, text = download(client, link_in(html, 'data-export="json"'))
    assert response["Content-Type"] == "application/json"
    objects = json.loads(text)
    assert [o["permalink"] for o in objects] == [row["Permalink"] for row in rows]


def test_the_guideline_page_downloads_every_item_citing_it(client, items):
    html = client.get("/guidelines/mtus-chronic-pain/").content.decode()
    citing = [i for i in items if i.cites("MTUS Chronic Pain Medical Treatment Guidelines")]
    assert f"(all {len(citing)} items)" in html
    _, text = download(client, link_in(html, 'data-export="csv"'))
    rows = csv_rows(text)
    assert len(rows) == len(citing)
    assert all("MTUS Chronic Pain Medical Treatment Guidelines" in row["Guidelines cited"] for row in rows)
    assert link_in(html, 'rel="alternate" type="application/atom+xml"') == "/feed/?guideline=mtus-chronic-pain"


def test_past_the_cap_the_page_says_how_to_narrow_and_the_export_refuses(client, items, settings):
    settings.IMR_EXPORT_MAX_ITEMS = 10
    upheld = sum(i.item["outcome"] == "upheld" for i in items)
    overturned = sum(i.item["outcome"] == "overturned" for i in items)
    assert overturned <= 10 < upheld
    html = client.get("/search/?outcome=upheld").content.decode()
    assert 'data-export="csv"' not in html
    notice = html.split("data-export-too-large>", 1)[1].split("</span>", 1)[0]
    assert f"at most 10 items and this search has {upheld}" in notice
    api = unescape(notice.split('href="', 1)[1].split('"', 1)[0])
    assert client.get(api).json()["total"] == upheld
    response = client.get("/api/v1/export.csv?outcome=upheld")
    assert response.status_code == 400 and response["Content-Type"] == "application/json"
    assert "Narrow it (by decision year" in response.json()["detail"]
    small = client.get("/search/?outcome=overturned").content.decode()
    assert 'data-export="csv"' in small
    assert len(csv_rows(download(client, link_in(small, 'data-export="csv"'))[1])) == overturned


def test_a_bad_search_is_refused_in_json_whatever_the_client_accepts(client, items):
    response = client.get("/api/v1/export.csv?outcome=maybe", HTTP_ACCEPT="text/csv")
    assert response.status_code == 400 and response["Content-Type"] == "application/json"
    assert response.json()["errors"] == ["Outcome: Select a valid choice. maybe is not one of the available choices."]

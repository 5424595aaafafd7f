"""Reading the analytics page as a user's browser would: its table rows, their numbers and their links."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.test import Client

TOTAL = re.compile(r'data-total="(\d+)"')


@dataclass
class TableRow:
    value: str
    items: int
    upheld: int
    overturned: int
    partial: int
    rate: float | None
    few: bool
    links: dict[str, str] = field(default_factory=dict)  # cell (value, items, upheld, ..., rate) -> href

    @property
    def counts(self) -> tuple[int, int, int, int]:
        return self.items, self.upheld, self.overturned, self.partial


class _Rows(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[TableRow] = []
        self.summary: dict[str, str] = {}
        self.analytics_links: list[str] = []
        self._row: TableRow | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "tr" and "data-value" in found:
            rate = found.get("data-rate")
            self._row = TableRow(found["data-value"], *(int(found[f"data-{n}"]) for n in
                                                         ("items", "upheld", "overturned", "partial")),
                                 float(rate) if rate else None, "data-few" in found)
            self.rows.append(self._row)
        elif tag == "a" and self._row is not None and "data-cell" in found:
            self._row.links[found["data-cell"]] = found["href"]
        elif tag == "a" and "data-analytics" in found:
            self.analytics_links.append(found["href"])
        if "data-outcome-total" in found:
            self.summary[found["data-outcome-total"]] = found["data-count"]
        if tag == "h2" and found.get("id") == "summary-heading":
            self.summary["items"] = found["data-items"]

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr":
            self._row = None


def read(html: str) -> _Rows:
    parser = _Rows()
    parser.feed(html)
    return parser


def page(client: Client, href: str) -> _Rows:
    response = client.get(href)
    assert response.status_code == 200, response.content.decode()[:500]
    return read(response.content.decode())


def analytics(client: Client, params: dict) -> _Rows:
    """The analytics page of the search `params` give (with the page's own: by, for_guideline, ...)."""
    response = client.get("/analytics/", params)
    assert response.status_code == 200, response.content.decode()[:500]
    return read(response.content.decode())


def search_total(client: Client, href: str) -> int:
    response = client.get(href)
    assert response.status_code == 200, href
    return int(TOTAL.search(response.content.decode()).group(1))

"""The seed letters ingested once per test module, and what their annotations say the pages must show."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from io import StringIO
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.core.management import call_command
from django.test import override_settings

from imr_archive.letters.models import Guideline, Letter
from imr_archive.parsing import vocabulary
from tests.conftest import SEEDS, expected_parse, seed_letters


@dataclass(frozen=True)
class Item:
    """One disputed item as its annotated .json says it is."""

    letter: dict
    item: dict

    @property
    def outcome(self) -> str:
        return self.item["outcome"]

    @property
    def category(self) -> str:
        return self.item["category"]

    @property
    def specialty(self) -> str | None:
        return self.letter["reviewer"]["specialty"]

    @property
    def year(self) -> str | None:
        decision = self.letter["dates"]["decision"]
        return decision[:4] if decision else None

    @property
    def guidelines(self) -> set[str]:
        return {vocabulary.GUIDELINE_BY_NAME[c["guideline"]].slug for c in self.item["citations"]}

    def cites_page(self, slug: str, page: int) -> bool:
        return any(vocabulary.GUIDELINE_BY_NAME[c["guideline"]].slug == slug and page in c["pages"]
                   for c in self.item["citations"])


def annotated_items() -> list[Item]:
    return [Item(letter, item) for path in seed_letters() for letter in [expected_parse(path)]
            for item in letter["issues"]]


def facet_counts(items: list[Item], facet: str) -> dict[str, int]:
    """What a facet must show over `items`, computed from the annotations alone."""
    counts: Counter[str] = Counter()
    for item in items:
        values = item.guidelines if facet == "guideline" else [getattr(item, facet)]
        if facet == "year" and item.year is None:
            values = ["none"]  # the year facet's bucket of items without a decision date
        counts.update(v for v in values if v)
    return dict(counts)


@pytest.fixture(scope="module")
def seeded_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """Every seed letter in the database and in a Whoosh index of its own, for the whole module."""
    folder = tmp_path_factory.mktemp("site")
    paths = {"IMR_INDEX_DIR": folder / "index", "MEDIA_ROOT": folder / "media"}
    with django_db_blocker.unblock(), override_settings(**paths):
        call_command("ingest_letters", str(SEEDS), verbosity=0, stdout=StringIO())
    yield paths
    with django_db_blocker.unblock(), override_settings(**paths):  # deleting updates the module's index
        Letter.objects.all().delete()
        Guideline.objects.all().delete()


@pytest.fixture
def site(seeded_site, settings, db) -> list[Item]:
    """Point the test at the module's archive; returns the annotated items it holds."""
    for name, value in seeded_site.items():
        setattr(settings, name, value)
    return annotated_items()


# -- reading pages through their data-* hooks -------------------------------------

_TOTAL = re.compile(r'data-total="(\d+)"')
_HIT = re.compile(r'data-issue="(\d+)" data-outcome="(\w+)"')
_FACET = re.compile(r'data-facet="(\w+)" data-value="([^"]*)" data-count="(\d+)"')
_CHIP = re.compile(r'<a class="chip" data-chip href="([^"]*)"')


def html(response) -> str:
    return response.content.decode()


def total(response) -> int | None:
    found = _TOTAL.findall(html(response))
    assert len(found) <= 1
    return int(found[0]) if found else None


def hits(response) -> list[int]:
    return [int(i) for i, _ in _HIT.findall(html(response))]


def hit_outcomes(response) -> list[str]:
    return [o for _, o in _HIT.findall(html(response))]


def unescape(value: str) -> str:
    return value.replace("&amp;", "&").replace("&quot;", '"').replace("&#x27;", "'").replace("&lt;", "<").replace(
        "&gt;", ">")


def facets(response) -> dict[str, dict[str, int]]:
    shown: dict[str, dict[str, int]] = {}
    for facet, value, count in _FACET.findall(html(response)):
        shown.setdefault(facet, {})[unescape(value)] = int(count)
    return shown


def nonzero(counts: dict[str, int]) -> dict[str, int]:
    return {k: v for k, v in counts.items() if v}


def chips(response) -> list[str]:
    return [unescape(href) for href in _CHIP.findall(html(response))]


def params(url: str) -> Counter[tuple[str, str]]:
    """The query string of a URL as a multiset of (name, value)."""
    return Counter(parse_qsl(urlsplit(url).query))

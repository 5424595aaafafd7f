"""An archive of the seed letters, ingested once per test module, with an index folder per engine."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.test import override_settings

from imr_archive.letters.models import Issue, Letter
from tests.conftest import SEEDS, expected_parse, seed_letters


@dataclass(frozen=True)
class ExpectedItem:
    """One disputed item as the annotated .json says it is, with its row id."""

    issue_id: int
    letter: dict  # the whole annotated letter
    item: dict  # the annotated item

    def cites(self, guideline: str, page: int | None = None) -> bool:
        return any(c["guideline"] == guideline and (page is None or page in c["pages"])
                   for c in self.item["citations"])


ENGINES = ["whoosh", "tantivy"]


@pytest.fixture(scope="module")
def seeded_archive(django_db_setup, django_db_blocker, tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive")
    paths = {"MEDIA_ROOT": folder / "media"}
    with django_db_blocker.unblock(), override_settings(**paths, IMR_INDEX_DIR=folder / ENGINES[0]):
        call_command("ingest_letters", str(SEEDS), verbosity=0)
        for engine in ENGINES[1:]:
            with override_settings(IMR_SEARCH_BACKEND=engine, IMR_INDEX_DIR=folder / engine):
                call_command("rebuild_index", verbosity=0)
        ids = {(letter.source_name, issue.ordinal): issue.id
               for letter in Letter.objects.all() for issue in letter.issues.all()}
        items = [
            ExpectedItem(ids[(path.name, n)], expected_parse(path), item)
            for path in seed_letters()
            for n, item in enumerate(expected_parse(path)["issues"], start=1)
        ]
    yield folder, items
    with django_db_blocker.unblock(), override_settings(**paths, IMR_INDEX_DIR=folder / ENGINES[0]):
        Issue.objects.all().delete()
        Letter.objects.all().delete()


@pytest.fixture(params=ENGINES)
def search_backend(request, settings) -> str:
    """Each search test runs on every search engine."""
    settings.IMR_SEARCH_BACKEND = request.param
    return request.param


@pytest.fixture
def items(seeded_archive, search_backend, settings, db) -> list[ExpectedItem]:
    """The seed archive's expected items; the test searches the archive with each backend."""
    folder, expected = seeded_archive
    settings.MEDIA_ROOT = folder / "media"
    settings.IMR_INDEX_DIR = folder / search_backend
    return expected

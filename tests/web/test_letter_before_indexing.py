"""A letter stored before the index has it (the outbox not yet applied) still has its page."""

from __future__ import annotations

import pytest

from imr_archive.letters.ingest import ingest_file
from imr_archive.letters.models import Letter
from tests.conftest import SEEDS
from tests.search.conftest import search_backend  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def test_a_letter_the_index_does_not_hold_yet_shows_its_items(client, settings, tmp_path, search_backend):  # noqa: F811
    settings.IMR_INDEX_DIR = tmp_path / "index"  # an empty index: this test's transaction never commits to sync it
    letter = Letter.objects.get(id=ingest_file((SEEDS / "dev-001.txt").read_bytes(), "dev-001.txt").letter_id)
    page = client.get(letter.get_absolute_url())
    assert page.status_code == 200
    assert "Cyclobenzaprine 7.5mg #60" in page.content.decode()


@pytest.mark.parametrize("path", ["/search/?q=cyclobenzaprine", "/analytics/?q=cyclobenzaprine",
                                  "/analytics/treatment.csv?q=cyclobenzaprine"])
def test_searches_of_an_empty_index_answer_with_nothing_found(client, settings, tmp_path, search_backend,  # noqa: F811
                                                              path):
    settings.IMR_INDEX_DIR = tmp_path / "index"
    ingest_file((SEEDS / "dev-001.txt").read_bytes(), "dev-001.txt")
    assert client.get(path).status_code == 200

"""The seed archive of tests/search (ingested once per module, its own index) for the API's tests."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from tests.search.conftest import (  # noqa: F401 (fixtures)
    ENGINES,
    ExpectedItem,
    items,
    search_backend,
    seeded_archive,
)


@pytest.fixture
def archive(seeded_archive, settings, db) -> list[ExpectedItem]:  # noqa: F811 (the imported fixture)
    """The seed archive on one engine: for tests of what does not depend on the engine."""
    paths, expected = seeded_archive
    settings.MEDIA_ROOT = paths["MEDIA_ROOT"]
    settings.IMR_SEARCH_BACKEND = ENGINES[0]
    settings.IMR_INDEX_DIR = paths["IMR_INDEX_DIR"]
    return expected


@pytest.fixture(autouse=True)
def unthrottled(settings):
    """API tests make many requests a minute: limits are test_errors.py's business, which sets its own."""
    settings.IMR_API_ANON_RATE = settings.IMR_API_USER_RATE = "100000/minute"
    cache.clear()  # the counts of earlier tests

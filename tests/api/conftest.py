"""The seed archive of tests/search (ingested once per module, its own index) for the API's tests."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from tests.search.conftest import ExpectedItem, items, search_backend, seeded_archive  # noqa: F401 (fixtures)


@pytest.fixture
def archive(seeded_archive, settings, db) -> list[ExpectedItem]:  # noqa: F811 (the imported fixture)
    """The seed archive on the configured engine: for tests about what does not depend on the engine."""
    paths, expected = seeded_archive
    for name, value in paths.items():
        setattr(settings, name, value)
    return expected


@pytest.fixture(autouse=True)
def unthrottled(settings):
    """API tests make many requests a minute: limits are test_errors.py's business, which sets its own."""
    settings.IMR_API_ANON_RATE = settings.IMR_API_USER_RATE = "100000/minute"
    cache.clear()  # the counts of earlier tests

"""The seed archive of tests/search (ingested once per module, its own index) for the API's tests."""

from __future__ import annotations

import pytest

from tests.search.conftest import ExpectedItem, items, search_backend, seeded_archive  # noqa: F401 (fixtures)


@pytest.fixture
def archive(seeded_archive, settings, db) -> list[ExpectedItem]:  # noqa: F811 (the imported fixture)
    """The seed archive on the configured engine: for tests about what does not depend on the engine."""
    paths, expected = seeded_archive
    for name, value in paths.items():
        setattr(settings, name, value)
    return expected

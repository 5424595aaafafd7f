"""The parser's tests need no Django and no database.

The suite-wide autouse fixture `isolated_var` (tests/conftest.py) points Django's
storage at a temporary folder through pytest-django's `settings` fixture; this
one overrides it for tests/parsing, so these tests also run with `-p no:django`.
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def isolated_var(tmp_path):
    return tmp_path

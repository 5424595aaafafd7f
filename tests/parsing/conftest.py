"""The parser's tests need no Django and no database.

The suite-wide autouse fixtures of tests/conftest.py point Django's storage at
temporary folders; these override them for tests/parsing, so these tests also
run with `-p no:django`.
"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def isolated_var(tmp_path):
    return tmp_path


@pytest.fixture(scope="session", autouse=True)
def never_the_developers_var():
    yield

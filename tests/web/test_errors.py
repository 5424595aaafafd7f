"""Only a database that cannot be connected to makes a failed request a 503; any other error stays a 500.

(tests/deploy/test_database_down.py stops a real database under a running server.)"""

from __future__ import annotations

import pytest
from django.db import OperationalError

from imr_archive.web.errors import database_unreachable


@pytest.mark.django_db(transaction=True)  # the check opens a connection anew
def test_a_statement_the_reachable_database_refused_is_not_an_outage():
    assert not database_unreachable(OperationalError("no such table: letters_letter"))


def test_other_errors_are_not_an_outage():
    assert not database_unreachable(ValueError("a bug"))
    assert not database_unreachable(None)

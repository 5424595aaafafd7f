"""The index commands as the tests of the outbox, sync_index and check_index run them."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command
from django.core.management.base import CommandError

from imr_archive.search.query import SearchQuery
from imr_archive.search.service import search


def check_index(verbosity: int = 1) -> tuple[int, str]:
    """check_index's exit status and what it said (its error, then its output)."""
    out = StringIO()
    try:
        call_command("check_index", stdout=out, verbosity=verbosity)
    except CommandError as error:
        return error.returncode, str(error) + out.getvalue()
    return 0, out.getvalue()


def hits(q: str) -> set[int]:
    """The ids of the items the first 100 results of `q` show."""
    return {hit.issue_id for hit in search(SearchQuery(q=q, per_page=100)).hits}

"""A PostgreSQL results page reads its counts and its page side by side, on two connections.

The search behaviour tests run inside each test's transaction, where both
reads share the one connection; here the archive is committed, as a served
page finds it, so the page is read by the second connection.
"""

from __future__ import annotations

import time
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from imr_archive.search.query import SORT_NEWEST, SearchQuery
from imr_archive.search.service import search
from tests.conftest import SEEDS, expected_parse, seed_letters

pytestmark = pytest.mark.django_db(transaction=True)

QUERIES = {
    "one word": SearchQuery(q="pain"),
    "phrase": SearchQuery(q='"physical therapy"'),
    "word, newest first": SearchQuery(q="pain", sort=SORT_NEWEST),
    "word and facet filters": SearchQuery(q="pain", outcome=("upheld",), category=("Pharmaceuticals",)),
    "field:value only": SearchQuery(q="outcome:overturned"),
    "second page": SearchQuery(q="pain", page_number=2, per_page=5),
    "browse": SearchQuery(),
}


@pytest.fixture
def archive(settings) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the PostgreSQL search backend runs in make test's PostgreSQL pass")
    settings.IMR_SEARCH_BACKEND = "postgres"
    call_command("ingest_letters", str(SEEDS), verbosity=0)


def other_connections(within_seconds: float = 10) -> int:
    """Clients of the test database but this one, once the server has seen closed ones go."""
    deadline = time.monotonic() + within_seconds
    while True:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                           "AND backend_type = 'client backend' AND pid <> pg_backend_pid()")
            others = cursor.fetchone()[0]
        if others == 0 or time.monotonic() > deadline:
            return others
        time.sleep(0.1)


@pytest.mark.parametrize("query", QUERIES.values(), ids=QUERIES.keys())
def test_the_page_is_read_on_the_second_connection_with_the_same_results(archive, query):
    with CaptureQueriesContext(connection) as this_connection:
        side_by_side = search(query)
    with transaction.atomic():  # the caller's transaction: both reads on its connection
        one_after_the_other = search(query)

    assert side_by_side == one_after_the_other
    assert side_by_side.hits and side_by_side.total > len(side_by_side.hits) // 2
    read_here = " ".join(q["sql"] for q in this_connection.captured_queries)
    assert "GROUPING SETS" in read_here  # the counts
    assert "LIMIT" not in read_here and "ts_headline" not in read_here  # the page went elsewhere


def test_counts_read_alongside_the_page_are_those_of_the_annotations(archive):
    annotated = Counter(item["outcome"] for path in seed_letters() for item in expected_parse(path)["issues"])

    results = search(SearchQuery())

    assert dict(results.facets["outcome"]) == dict(annotated)
    assert results.total == sum(annotated.values())


def test_the_second_connection_closes_after_each_page_when_connections_are_not_kept(archive):
    assert connection.settings_dict["CONN_MAX_AGE"] == 0  # Django's default, and the archive's

    for words in ("pain", "therapy", '"medically necessary"'):
        assert search(SearchQuery(q=words)).total

    assert other_connections() == 0


def drop_other_connections() -> None:
    """End every other session of the test database, as a restart of the database server would."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                       "AND backend_type = 'client backend' AND pid <> pg_backend_pid()")


@pytest.fixture
def kept_connections(monkeypatch):
    """Connections kept between requests, as in production (README, Deploying); none left behind."""
    monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 60)
    yield
    drop_other_connections()  # the second reader's, which would outlive the test database


def test_a_kept_connection_the_server_dropped_costs_no_failed_search(archive, kept_connections):
    assert search(SearchQuery(q="pain")).total
    assert other_connections(within_seconds=0) == 1  # the second reader's connection, kept

    drop_other_connections()

    assert search(SearchQuery(q="pain")).total

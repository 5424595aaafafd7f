"""An archive indexed before migration 0005 keeps its facet counts once migrated (PostgreSQL pass).

Migration 0005 numbers the combinations of facet values of the rows already
in the search table, and 0007 lists the items citing each guideline page;
a deployment runs them on an archive full of rows.
"""

from __future__ import annotations

from collections import Counter

import pytest
from django.core.management import call_command
from django.db import connection

from imr_archive.letters.models import Guideline
from imr_archive.search.query import SearchQuery
from imr_archive.search.service import search
from tests.conftest import SEEDS, expected_parse, seed_letters
from tests.search.test_search_behaviour import CHRONIC_PAIN

pytestmark = pytest.mark.django_db(transaction=True)

# The search rows as the code of migration 0004's time wrote them, the columns the counts read
# (its guideline ids were in no particular order: here the reverse of the sorted one).
ROWS_BEFORE_0005 = """
INSERT INTO search_issuesearchdocument (issue_id, letter_id, stamp, document, outcome, category,
                                        reviewer_specialty, decision_year, decision_date, guideline_ids)
SELECT i.id, i.letter_id, '', to_tsvector('english', i.treatment || ' ' || i.rationale), i.outcome, i.category,
       i.reviewer_specialty, i.decision_year, i.decision_date,
       ARRAY(SELECT DISTINCT c.guideline_id FROM letters_citation c WHERE c.issue_id = i.id ORDER BY 1 DESC)
FROM letters_issue i
"""


def annotated_counts() -> dict[str, Counter]:
    """Each facet's counts over the seed letters, from their annotations."""
    slugs = dict(Guideline.objects.values_list("name", "slug"))
    counts: dict[str, Counter] = {facet: Counter() for facet in ("outcome", "category", "specialty", "year",
                                                                  "guideline")}
    for path in seed_letters():
        letter = expected_parse(path)
        decided = letter["dates"]["decision"]
        for item in letter["issues"]:
            counts["outcome"][item["outcome"]] += 1
            counts["category"][item["category"]] += 1
            counts["specialty"][letter["reviewer"]["specialty"]] += 1
            counts["year"][decided[:4] if decided else None] += 1
            counts["guideline"].update({slugs[name] for name in {c["guideline"] for c in item["citations"]}})
    return {facet: Counter({value: n for value, n in counter.items() if value}) for facet, counter in counts.items()}


@pytest.fixture
def archive_indexed_before_0005(settings):
    if connection.vendor != "postgresql":
        pytest.skip("the PostgreSQL search table is filled in make test's PostgreSQL pass")
    settings.IMR_SEARCH_BACKEND = "whoosh"  # the letters only: the search rows are written below
    call_command("ingest_letters", str(SEEDS), verbosity=0)
    call_command("migrate", "search", "0004_facet_value_codes", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(ROWS_BEFORE_0005)
    yield
    call_command("migrate", verbosity=0)  # the latest schema again, whatever the test did


def test_migrating_an_indexed_archive_keeps_every_facet_count(archive_indexed_before_0005, settings):
    call_command("migrate", verbosity=0)
    settings.IMR_SEARCH_BACKEND = "postgres"

    results = search(SearchQuery())

    annotated = annotated_counts()
    assert {facet: Counter(dict(pairs)) for facet, pairs in results.facets.items()} == annotated
    assert results.total == sum(annotated["outcome"].values())
    assert search(SearchQuery(q="acupuncture")).facets["guideline"]  # words still find the migrated rows

    page_view = search(SearchQuery(guideline=("mtus-chronic-pain",), page=99, fixed=("guideline",)))
    citing = [item for path in seed_letters() for item in expected_parse(path)["issues"]
              if any(c["guideline"] == CHRONIC_PAIN and 99 in c["pages"] for c in item["citations"])]
    assert citing
    assert Counter(dict(page_view.facets["outcome"])) == Counter(item["outcome"] for item in citing)

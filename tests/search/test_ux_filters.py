"""The year none, a case number's beginning and a guideline's chapter, on every engine, with words and without."""

from __future__ import annotations

import pytest

from imr_archive.parsing import vocabulary
from imr_archive.search.query import SearchQuery
from imr_archive.search.service import matching_ids, search

pytestmark = pytest.mark.django_db

WORDS = ["", "medical"]  # without words (Whoosh: the database answers) and with a word in nearly every item


def ids(items, predicate) -> set[int]:
    return {i.issue_id for i in items if predicate(i)}


def found(q: str, **filters) -> set[int]:
    return set(matching_ids(SearchQuery(q=q, **filters)))


@pytest.mark.parametrize("q", WORDS)
def test_no_decision_date_is_a_year_to_count_and_to_filter_by(items, q):
    words = found(q)
    undated = ids(items, lambda i: i.letter["dates"]["decision"] is None) & words
    assert undated
    assert found(q, year=(None,)) == undated
    in_2015 = ids(items, lambda i: (i.letter["dates"]["decision"] or "").startswith("2015")) & words
    assert found(q, year=(None, 2015)) == undated | in_2015
    assert dict(search(SearchQuery(q=q)).facets["year"])["none"] == len(undated)


@pytest.mark.parametrize("q", WORDS)
@pytest.mark.parametrize("typed", ["CM14", "cm15-0", "CM14-0203117"])
def test_the_case_filter_takes_a_case_number_s_beginning(items, q, typed):
    wanted = ids(items, lambda i: (i.letter["case_number"] or "").lower().startswith(typed.lower())) & found(q)
    assert wanted and found(q, case_number=typed) == wanted


@pytest.mark.parametrize("q", WORDS)
@pytest.mark.parametrize(("guideline", "chapter", "written"), [
    (vocabulary.ODG, "pain", {"Pain", "Pain (Chronic)"}),
    (vocabulary.MTUS_CHRONIC_PAIN, "nsaids", {"NSAIDs", "NSAIDs (non-steroidal anti-inflammatory drugs)"}),
])
def test_a_chapter_filter_finds_its_items_however_the_letters_write_it(items, q, guideline, chapter, written):
    slug = vocabulary.GUIDELINE_BY_NAME[guideline].slug
    wanted = ids(items, lambda i: any(c["guideline"] == guideline and c["chapter"] in written
                                      for c in i.item["citations"])) & found(q)
    assert wanted and found(q, guideline=(slug,), chapter=chapter) == wanted

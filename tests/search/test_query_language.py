"""Each feature of the query language means the same on Whoosh and Tantivy, and what the letters say.

Expected sets come from the annotated seed letters or from the letters' own
text scanned here with a regular expression, never from the code under test.
"""

from __future__ import annotations

import re

import pytest

from imr_archive.letters.models import Issue
from imr_archive.search.query import SearchQuery
from imr_archive.search.service import search
from tests.search.conftest import ENGINES
from tests.search.test_search_behaviour import all_ids, ids_where


@pytest.fixture
def on_engine(seeded_archive, settings, db):
    """A function searching the seed archive with the engine named."""
    folder, _ = seeded_archive

    def run(engine: str, q: str) -> set[int]:
        settings.IMR_SEARCH_BACKEND, settings.IMR_INDEX_DIR = engine, folder / engine
        return all_ids(SearchQuery(q=q))

    return run


def default_parts(issue: Issue) -> list[str]:
    """The texts a word without a field is looked for in, each apart (a phrase never spans two)."""
    letter = issue.letter
    return [issue.treatment, issue.rationale, issue.claims_administrator_guideline, issue.reviewer_guideline,
            letter.case_summary, *letter.diagnoses]


def items_whose_text(pattern: str) -> set[int]:
    found = re.compile(pattern, re.IGNORECASE)
    return {issue.id for issue in Issue.objects.select_related("letter")
            if any(found.search(part) for part in default_parts(issue))}


def test_a_prefix_finds_every_word_starting_so_on_both_engines(on_engine, seeded_archive):
    _, items = seeded_archive
    acupuncture = ids_where(items, lambda i: "acupunctur" in i.item["treatment"].lower())
    found = [on_engine(engine, "acupunct*") for engine in ENGINES]
    assert acupuncture and acupuncture <= found[0]
    assert found[0] == found[1] == items_whose_text(r"\bacupunct\w*")


def test_a_three_word_phrase_matches_only_the_words_in_sequence(on_engine):
    in_sequence = items_whose_text(r"\bchronic\W+pain\W+syndrom")
    # Items holding "chronic pain" and "pain syndrome" apart: what matching word pairs alone would add.
    pairs_apart = items_whose_text(r"\bchronic\W+pain\b") & items_whose_text(r"\bpain\W+syndrom") - in_sequence
    assert in_sequence and pairs_apart, "the seeds should hold both"
    for engine in ENGINES:
        assert on_engine(engine, '"chronic pain syndrome"') == in_sequence


def test_not_excludes_on_both_engines(on_engine):
    found = [on_engine(engine, "pain NOT opioids") for engine in ENGINES]
    assert found[0] == found[1] == items_whose_text(r"\bpain") - items_whose_text(r"\bopioid")
    assert found[0]


def test_field_value_on_both_engines(on_engine, seeded_archive):
    _, items = seeded_archive
    expected = ids_where(items, lambda i: i.item["category"] == "Physical Therapy")
    found = [on_engine(engine, 'category:"physical therapy"') for engine in ENGINES]
    assert expected and found[0] == found[1] == expected
    in_treatment = ids_where(items, lambda i: "tramadol" in i.item["treatment"].lower())
    assert on_engine("whoosh", "treatment:tramadol") == on_engine("tantivy", "treatment:tramadol") == in_treatment


def test_parentheses_group_on_both_engines(on_engine):
    either = items_whose_text(r"\bacupunctur") | items_whose_text(r"\bchiropract")
    found = [on_engine(engine, "(acupuncture OR chiropractic) AND necessary") for engine in ENGINES]
    assert found[0] == found[1] == either & items_whose_text(r"\bnecessar")
    assert found[0]


def test_the_is_a_word_like_any_other_on_both_engines(on_engine):
    found = [on_engine(engine, "the") for engine in ENGINES]
    assert found[0] == found[1] == items_whose_text(r"\bthe\b")


@pytest.mark.parametrize("q", ["norco^3", "norco~2"])
def test_what_the_language_does_not_support_is_a_note_on_both_engines(on_engine, seeded_archive, settings, q):
    folder, _ = seeded_archive
    for engine in ENGINES:
        settings.IMR_SEARCH_BACKEND, settings.IMR_INDEX_DIR = engine, folder / engine
        results = search(SearchQuery(q=q))
        assert results.notes and "not part of the query language" in results.notes[0]
        assert {h.issue_id for h in results.hits} == all_ids(SearchQuery(q="norco"))


@pytest.mark.parametrize("q", [" ".join(f"w{n}" for n in range(170)), "(" * 500 + "pain" + ")" * 500,
                               "(pain OR (knee " * 40 + ")" * 80])
def test_a_very_long_or_deep_query_is_answered_with_a_note_never_an_error(seeded_archive, settings, db, q):
    folder, _ = seeded_archive
    for engine in ENGINES:
        settings.IMR_SEARCH_BACKEND, settings.IMR_INDEX_DIR = engine, folder / engine
        results = search(SearchQuery(q=q))
        assert results.total >= 0
        if "(" in q:
            assert "plain words" in results.notes[0]


def test_snippets_mark_the_words_a_prefix_and_a_stem_find_on_both_engines(seeded_archive, settings, db):
    folder, _ = seeded_archive
    for engine in ENGINES:
        settings.IMR_SEARCH_BACKEND, settings.IMR_INDEX_DIR = engine, folder / engine
        for q, marked in (("acupunct*", r"<mark>acupunctur\w*</mark>"), ("injections", r"<mark>inject\w*</mark>")):
            hits = search(SearchQuery(q=q)).hits
            assert hits and all(re.search(marked, h.snippet, re.IGNORECASE) for h in hits), (engine, q)

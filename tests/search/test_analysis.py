"""Both engines index and look up the same words: one analyzer, checked on each side of each engine.

Documents here are written by hand (no database): a real index folder per
engine, filled through the engine's own writing path.
"""

from __future__ import annotations

from datetime import date

import pytest
import tantivy

from imr_archive.search.analysis import phrase_terms
from imr_archive.search.documents import IssueDocument
from imr_archive.search.facets import counting_passes
from imr_archive.search.query import SearchQuery
from imr_archive.search.query_syntax import read
from imr_archive.search.tantivy import TantivyBackend
from imr_archive.search.tantivy.schema import schema
from imr_archive.search.whoosh import WhooshBackend
from imr_archive.search.whoosh.schema import SCHEMA

# word as a letter writes it -> the words the index holds (Snowball English stems, lower case)
TRICKY = [
    ("knee's", ["knee", "s"]),  # an apostrophe separates: a phrase of two words
    ("X-ray", ["x", "ray"]),  # so does a hyphen
    ("post-operative", ["post", "oper"]),
    ("Hydrocodone/APAP", ["hydrocodon", "apap"]),  # and a slash
    ("L4-L5", ["l4", "l5"]),
    ("Injections", ["inject"]),
    ("studies", ["studi"]),
    ("running", ["run"]),
    ("physicians'", ["physician"]),
    ("3.5mg", ["3", "5mg"]),  # any other character separates words, a dot too
    ("q.i.d.", ["q", "i", "d"]),
    ("_under_", ["under"]),
    ("1,000", ["1", "000"]),
    ("(Norco)", ["norco"]),
    ("The", ["the"]),  # no stop words
    ("Müller", ["müller"]),
    ("a" * 45, []),  # longer than 39 bytes: not indexed
]


def document(issue_id: int, treatment: str = "", rationale: str = "", summary: list[str] | None = None,
             guideline_lines: list[str] | None = None) -> IssueDocument:
    return IssueDocument(
        issue_id=issue_id, letter_id=issue_id, stamp="s", treatment=treatment, treatment_normalized="",
        rationale=rationale, summary=summary or [], guideline_lines=guideline_lines or [], case_number="",
        outcome="upheld", category="Other", specialty="", decision=date(2015, 1, 2), injury=None, sex="", age=None)


@pytest.fixture
def engines(tmp_path):
    """Both engines, each with its own index folder on disk."""
    return {"whoosh": WhooshBackend(tmp_path / "whoosh"), "tantivy": TantivyBackend(tmp_path / "tantivy")}


def fill(engines, documents: list[IssueDocument]) -> None:
    for engine in engines.values():
        engine.replace_letters([d.letter_id for d in documents], documents)


def matches(engine, q: str) -> int:
    return engine.answer(SearchQuery(q=q), read(q).node, counting_passes(SearchQuery(q=q))).total


@pytest.mark.parametrize(("word", "indexed"), TRICKY, ids=[w[:12] for w, _ in TRICKY])
def test_index_and_query_sides_give_the_same_words_on_both_engines(engines, word, indexed):
    fill(engines, [document(1, treatment=f"zzz {word} zzz")])
    whoosh_index_side = [t.text for t in SCHEMA["treatment"].analyzer(word)]
    searcher = engines["tantivy"].folder.searcher()
    in_document = tantivy.Query.term_query(schema(), "issue_id", 1)
    tantivy_index_side = {term for term, _ in searcher.terms_with_prefix("treatment", "", filter_query=in_document)}
    query_side = [text for _, text in phrase_terms((word,))]
    assert whoosh_index_side == query_side == indexed
    assert tantivy_index_side == {*indexed, "zzz"}
    if indexed:
        assert matches(engines["whoosh"], word) == matches(engines["tantivy"], word) == 1


def test_a_phrase_never_spans_two_parts_of_an_item_on_either_engine(engines):
    fill(engines, [document(1, rationale="It is medically", guideline_lines=["necessary knee brace"]),
                   document(2, rationale="It is medically necessary.")])
    for engine in engines.values():
        assert matches(engine, '"medically necessary"') == 1
        assert matches(engine, "medically necessary") == 2


def test_a_phrase_of_three_words_needs_them_in_sequence_on_both_engines(engines):
    fill(engines, [document(1, rationale="chronic pain and pain syndrome"),
                   document(2, rationale="a chronic pain syndrome"),
                   document(3, treatment="Chronic pain", rationale="pain syndrome")])
    for engine in engines.values():
        assert matches(engine, '"chronic pain syndrome"') == 1
        assert matches(engine, '"chronic pain"') == 3


def test_a_prefix_matches_the_stems_it_begins_on_both_engines(engines):
    fill(engines, [document(1, treatment="Acupuncture"), document(2, rationale="an acupuncturist"),
                   document(3, rationale="acute pain")])
    for engine in engines.values():
        assert matches(engine, "acupunct*") == 2
        assert matches(engine, "injections*") == 0
        assert matches(engine, "acu*") == 3


def test_a_phrase_of_four_words_needs_them_in_sequence_on_both_engines(engines):
    fill(engines, [document(1, rationale="a lumbar epidural steroid injection"),
                   document(2, rationale="lumbar epidural steroid and epidural steroid injection"),  # triples apart
                   document(3, treatment="Lumbar epidural", rationale="steroid injection")])  # across two fields
    for engine in engines.values():
        assert matches(engine, '"lumbar epidural steroid injection"') == 1

"""Spelling suggestions from the index's own words, the same on every engine.

Each misspelling is of a word the seed letters use; the expected word is how the letters spell it.
"""

from __future__ import annotations

import pytest

from imr_archive.search.service import corrections
from imr_archive.search.spelling import written_forms

pytestmark = pytest.mark.django_db

MISSPELLED = [
    ("Acupunture", "acupuncture"),  # the example: a letter left out
    ("physcial", "physical"),  # two letters swapped: one edit; the index's "physic" written out as a word
    ("radiculopaty", "radiculopathy"),  # the stemmer's final i written back as y
    ("Cyclobenzeprine", "cyclobenzaprine"),  # a drug name, one letter wrong
    ("gabapentn", "gabapentin"),
    ("injction", "injection"),
    ("chiropractc", "chiropractic"),  # the word letters write, not the bare stem "chiropract"
    ("lumbr", "lumbar"),
]
LEFT_ALONE = [
    "acupuncture",  # in the index: nothing to correct
    "Therapy",
    "xyzzyq",  # nothing near it
    "kne",  # too short to correct safely
    "Nroco",  # wrong from its first letters: not looked for
    "medically-necessary",  # two indexed words, not one
]


@pytest.mark.parametrize(("typed", "meant"), MISSPELLED)
def test_a_word_no_item_holds_gets_the_indexed_word_it_likely_meant(items, typed, meant):
    assert corrections([typed]) == {typed: meant}


@pytest.mark.parametrize("typed", LEFT_ALONE)
def test_a_known_word_or_one_near_nothing_gets_no_suggestion(items, typed):
    assert corrections([typed]) == {}


def test_the_stemmer_s_words_are_written_as_people_write_them():
    assert "acupuncture" in written_forms("acupunctur")
    assert "radiculopathy" in written_forms("radiculopathi")
    assert "physical" in written_forms("physic")

"""Similar determinations on the letter page, on every engine, against the annotated letters.

An acupuncture item's similar items are the other letters' acupuncture items first; no item lists itself
or its own letter's items; every other item listed shares a diagnosis word or a cited page with it; the
line "Of N similar items, K were overturned" counts every item of its treatment and links to them.
"""

from __future__ import annotations

import re
from collections import Counter
from html import unescape

import pytest

from imr_archive.analytics.similar import probe
from imr_archive.letters.models import Issue
from imr_archive.search.service import similar_items
from imr_archive.search.similar import SIMILAR
from tests.analytics.conftest import treatment_of
from tests.analytics.pages import search_total
from tests.conftest import SEEDS

ITEM = re.compile(r'<section class="item" id="item-(\d+)".*?</section>\s*</section>', re.S)
LISTED = re.compile(r'data-similar-item="(\d+)"')
RECORD = re.compile(r'<p data-similar-record data-items="(\d+)" data-overturned="(\d+)">Of <a href="([^"]+)">'
                    r'.*?<a href="([^"]+)">', re.S)


def similar_to(item) -> list[int]:
    issue = Issue.objects.select_related("letter").prefetch_related("citations__guideline").get(id=item.issue_id)
    return similar_items(probe(issue, issue.letter))


def letter_page(client, item) -> dict[int, str]:
    """Item ordinal -> the HTML of its section on the letter's page."""
    url = Issue.objects.select_related("letter").get(id=item.issue_id).letter.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    return {int(m.group(1)): m.group(0) for m in ITEM.finditer(response.content.decode())}


def test_an_acupuncture_items_similar_items_are_acupuncture_items_first(items):
    by_id = {item.issue_id: item for item in items}
    acupuncture = [item for item in items if treatment_of(item.item["treatment"]) == "acupuncture"]
    assert len(acupuncture) >= 3, "the seed letters dispute acupuncture three times"
    for item in acupuncture:
        others = {other.issue_id for other in acupuncture if other.letter["file"] != item.letter["file"]}
        listed = similar_to(item)
        assert set(listed[:len(others)]) == others
        assert all(treatment_of(by_id[pk].item["treatment"]) != "acupuncture" for pk in listed[len(others):])


def test_no_item_lists_itself_or_its_own_letters_items(items):
    by_id = {item.issue_id: item for item in items}
    for item in items:
        listed = similar_to(item)
        assert len(listed) <= SIMILAR
        assert item.issue_id not in listed
        assert all(by_id[pk].letter["file"] != item.letter["file"] for pk in listed)


def _words(texts: list[str]) -> set[str]:
    return {word for text in texts for word in re.findall(r"[a-z]{4,}", text.lower())}


def test_every_item_listed_shares_the_treatment_a_diagnosis_word_or_a_cited_page(items):
    by_id = {item.issue_id: item for item in items}
    for item in items:
        pages = {(c["guideline"], page) for c in item.item["citations"] for page in c["pages"]}
        diagnoses = _words(item.letter["diagnoses"])
        for pk in similar_to(item):
            other = by_id[pk]
            their_pages = {(c["guideline"], page) for c in other.item["citations"] for page in c["pages"]}
            # The index holds a letter's diagnoses with its case summary (in its text, not annotated);
            # stems join "sprain" and "sprains".
            their_words = _words([(SEEDS / other.letter["file"]).read_text()])
            shared_words = {w for w in diagnoses if any(t.startswith(w[:5]) for t in their_words)}
            same = treatment_of(item.item["treatment"]) == treatment_of(other.item["treatment"]) is not None
            assert same or pages & their_pages or shared_words, (item.item["treatment"], other.item["treatment"])


@pytest.mark.parametrize("treatment", ["acupuncture", "norco", "urine drug screen"])
def test_the_letter_page_says_how_often_the_items_treatment_was_overturned(items, client, treatment):
    same = [item for item in items if treatment_of(item.item["treatment"]) == treatment]
    outcomes = Counter(item.item["outcome"] for item in same)
    item = same[0]
    section = letter_page(client, item)[items_ordinal(items, item)]
    n, k, every, overturned = RECORD.search(section).groups()
    assert (int(n), int(k)) == (len(same), outcomes["overturned"] + outcomes["partial"])
    assert search_total(client, unescape(every)) == len(same)
    assert search_total(client, unescape(overturned)) == int(k)
    listed = [int(pk) for pk in LISTED.findall(section)]
    assert listed == similar_to(item)


def items_ordinal(items, item) -> int:
    """The item's position in its letter, from the annotations' order."""
    return [other.issue_id for other in items if other.letter["file"] == item.letter["file"]].index(
        item.issue_id) + 1


def test_an_item_alone_with_its_treatment_has_no_record_line(items, client):
    """REPEATED_TREATMENTS lists every treatment the annotated letters dispute more than once."""
    alone = [item for item in items if treatment_of(item.item["treatment"]) is None]
    assert alone
    for item in alone[:5]:
        section = letter_page(client, item)[items_ordinal(items, item)]
        assert "data-similar" in section and "data-similar-record" not in section

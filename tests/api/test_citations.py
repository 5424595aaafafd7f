""""Cite this": one fixed citation style on every letter page and item, written here by hand from the letters."""

from __future__ import annotations

import re
from html import unescape

import pytest

from imr_archive.letters.models import Letter

CITE = re.compile(r'<span class="cite__text" id="cite-(\w+)" data-cite-text>([^<]*)</span>')


def citations(client, letter: Letter) -> dict[str, str]:
    """id -> citation text shown on the letter's page: "letter", "item1", "item2", ..."""
    response = client.get(letter.get_absolute_url())
    assert response.status_code == 200
    return {key: unescape(text) for key, text in CITE.findall(response.content.decode())}


@pytest.mark.parametrize(("source", "key", "expected"), [
    # The issue's example: a case number and a decision date.
    ("dev-001.txt", "item2", "IMR Final Determination, Case CM14-0203117 (Cal. Div. Workers' Comp. Jan. 14, 2015), "
                             "item 2, Cyclobenzaprine 7.5mg #60 (denial upheld)"),
    ("dev-001.txt", "letter", "IMR Final Determination, Case CM14-0203117 (Cal. Div. Workers' Comp. Jan. 14, 2015)"),
    ("dev-001.txt", "item3", "IMR Final Determination, Case CM14-0203117 (Cal. Div. Workers' Comp. Jan. 14, 2015), "
                             "item 3, Urine drug screen (denial overturned)"),
    # September is "Sept." in the Bluebook's table of months, June and July are written out.
    ("dev-010.txt", "letter", "IMR Final Determination, Case CM14-0121956 (Cal. Div. Workers' Comp. Sept. 17, 2014)"),
    ("dev-014.txt", "item2", "IMR Final Determination, Case CM14-0089344 (Cal. Div. Workers' Comp. July 21, 2014), "
                             "item 2, Post-operative physical therapy x 8 visits (denial partially overturned)"),
    # No decision date read: "n.d.".
    ("dev-002.txt", "item1", "IMR Final Determination, Case CM13-0028841 (Cal. Div. Workers' Comp. n.d.), "
                             "item 1, Tramadol ER 150mg #30 (denial upheld)"),
])
def test_each_letter_and_item_shows_its_citation(client, archive, source, key, expected):
    assert citations(client, Letter.objects.get(source_name=source))[key] == expected


def test_a_letter_without_a_case_number_is_cited_by_its_permalink(client, archive):
    letter = Letter.objects.get(source_name="dev-003.txt")
    permalink = f"http://testserver/letter/{letter.sha256[:16]}/"
    shown = citations(client, letter)
    assert shown["letter"] == f"IMR Final Determination, {permalink} (Cal. Div. Workers' Comp. n.d.)"
    assert shown["item1"].startswith(f"IMR Final Determination, {permalink} (Cal. Div. Workers' Comp. n.d.), item 1, "
                                     "Right shoulder arthroscopy")


def test_every_item_of_every_letter_has_a_citation(client, archive):
    for letter in Letter.objects.all():
        shown = citations(client, letter)
        assert set(shown) == {"letter"} | {f"item{n}" for n in range(1, letter.issues.count() + 1)}


def test_the_copy_button_is_hidden_until_javascript_shows_it(client, archive):
    page = client.get(Letter.objects.get(source_name="dev-001.txt").get_absolute_url()).content.decode()
    buttons = re.findall(r'<button type="button" class="cite__copy" data-copy="cite-(\w+)"[^>]*>', page)
    assert buttons == ["letter", "item1", "item2", "item3"]
    assert all(" hidden>" in tag for tag in re.findall(r'<button type="button" class="cite__copy"[^>]*>', page))
    assert '<script src="/static/js/cite.js" defer></script>' in page

"""Junk is refused, a damaged letter is kept: a text in which nothing beyond a heading is read
(no item, no reviewer, no date, no case number) is not an IMR letter."""

from __future__ import annotations

import pytest

from imr_archive.parsing import parse_text
from tests.parsing.letters import determination_letter

HOW = "HOW THE IMR FINAL DETERMINATION WAS MADE"


@pytest.mark.parametrize("text", [
    HOW,
    HOW + "\n",
    HOW + "\n" + "a" * 2_000_000,  # the 25 MB of one letter, smaller
    HOW + "\n\n" + "Lorem ipsum dolor sit amet. " * 200,
])
def test_a_lone_heading_is_not_a_letter(text):
    letter = parse_text(text)
    assert letter.format is None
    assert letter.warnings[0] == f'not an IMR letter: only the heading "{HOW}" was recognised'


def test_several_headings_and_nothing_else_are_named():
    letter = parse_text("CLINICAL CASE SUMMARY\n\nnothing\n\nIMR ISSUES, DECISIONS AND RATIONALES\n\nnothing")
    assert letter.format is None
    assert letter.warnings[0] == ('not an IMR letter: only the headings "CLINICAL CASE SUMMARY" and '
                                  '"IMR ISSUES, DECISIONS AND RATIONALES" were recognised')


@pytest.mark.parametrize(("what", "text"), [
    ("a case number", f"Case Number: CM14-0123456\n\n{HOW}\n\nnothing"),
    ("a date", f"Date of Injury: 04/27/2009\n\n{HOW}\n\nnothing"),
    ("a reviewer", f"{HOW}\n\nThe expert reviewer is Board Certified in Anesthesiology."),
    ("an item", determination_letter(method="Nothing about the reviewer.", summary="Nothing here either.")),
])
def test_a_damaged_letter_with_something_read_is_kept(what, text):
    letter = parse_text(text)
    assert letter.format == "determination", what
    assert not [w for w in letter.warnings if w.startswith("not an IMR letter")]

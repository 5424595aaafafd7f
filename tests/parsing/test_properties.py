"""Properties over arbitrary input: the parser never raises, extraction fails only with
ExtractionError, its work grows no faster than its input, and citation spans point at
words that name their guideline."""

from __future__ import annotations

import os
import random
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imr_archive.parsing import ExtractionError, extract_text, parse_text
from tests.parsing.letters import DEBRIS, annotated_letters
from tests.parsing.work import growth

LETTERS = annotated_letters()
SEED_LINES = sorted({line.strip() for p in LETTERS for line in p.read_text().splitlines() if line.strip()})
KEYWORDS = [
    "HOW THE IMR FINAL DETERMINATION WAS MADE", "CLINICAL CASE SUMMARY", "IMR ISSUES, DECISIONS AND RATIONALES",
    "IMR DECISION(S) AND RATIONALE(S)", "DOCUMENTS REVIEWED", "MEDICAL PROFESSIONAL REVIEW", "ISSUE AT DISPUTE:",
    "CASE SUMMARY:", "MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:",
    "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:",
    "MEDICAL REVIEWER QUALIFICATIONS:", "Claims Administrator guideline:", "MAXIMUS guideline:", "Decision rationale:",
    "The Expert Reviewer's decision rationale:", "Upheld", "Overturned", "Partially Overturned", ": ", "1. ", "2. ",
    "Page(s): ", "Page 2 of 3", "CM14-0123456", "Non-MTUS Citation", "MTUS", "ODG", "ACOEM", "Chapter", "pages 1-",
    "which is part of the MTUS", "is not medically necessary", "Date of Injury:", "01/02/2013", "-", ",", ".", "(",
]
SEPARATORS = ["", " ", "  ", "\n", "\n\n", " \n\n", "\n \n", "\n\n\n\n", "\r\n", "\f", "\t"]

letterish = st.lists(
    st.one_of(st.sampled_from(SEED_LINES), st.sampled_from(KEYWORDS), st.text(max_size=30)),
    max_size=60,
).flatmap(lambda parts: st.lists(st.sampled_from(SEPARATORS), min_size=len(parts), max_size=len(parts)).map(
    lambda seps: "".join(p + s for p, s in zip(parts, seps, strict=True))))


def _check(text: str) -> None:
    letter = parse_text(text)
    assert isinstance(letter.text, str)
    assert not [w for w in letter.warnings if w.startswith("internal error")], letter.warnings
    for issue in letter.issues:
        for c in issue.citations:
            assert c.span is not None and 0 <= c.span[0] < c.span[1] <= len(letter.text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_parse_text_never_raises_on_any_text(text):
    _check(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(letterish)
def test_parse_text_never_raises_on_letter_like_text(text):
    _check(text)


@settings(max_examples=int(os.environ.get("IMR_GROWTH_EXAMPLES", "25")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.one_of(st.sampled_from(KEYWORDS + SEED_LINES), st.text(min_size=1, max_size=20)),
       st.integers(min_value=40, max_value=150), st.sampled_from(SEPARATORS))
def test_work_grows_no_faster_than_repetitive_input(chunk, times, separator):
    """Four times the input costs at most about four times the work: no rule rescans what it has read
    (issue 15: a run after an item heading cost the square of its length). Work is counted in executed
    lines (tests/parsing/work.py), never in seconds."""
    small = (chunk + separator) * times
    large = (chunk + separator) * (4 * times)
    _check(large)
    assert growth(small, large) <= 4 * _SLACK


def test_work_grows_no_faster_than_a_long_letter():
    letters = "\n".join(p.read_text() for p in LETTERS)
    assert growth(letters, "\n".join([letters] * 4)) <= 4 * _SLACK


# Linear work is 4 times; n log n (sorting) a little more; a quadratic rule 16 times.
_SLACK = 1.5


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(["letter.txt", "letter.pdf", "LETTER.PDF", "letter", ""]))
def test_extract_text_returns_text_or_raises_extraction_error(data, name):
    try:
        text = extract_text(data, name)
    except ExtractionError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert isinstance(text, str) and text.strip()


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_extract_text_on_pdf_looking_bytes(data):
    try:
        extract_text(b"%PDF-1.4\n" + data, "x.pdf")
    except ExtractionError as exc:
        assert str(exc)


_NAMES = {
    "MTUS Chronic Pain Medical Treatment Guidelines": r"chronic\s+pain|cpmtg|mtus|utilization\s+schedule",
    "MTUS Acupuncture Medical Treatment Guidelines": r"acupuncture|amtg|mtus|utilization\s+schedule",
    "MTUS Postsurgical Treatment Guidelines": r"post-?\s?surgical|mtus|utilization\s+schedule",
    "ACOEM Practice Guidelines": r"acoem|american\s+college|occupational\s+medicine|mtus|utilization\s+schedule",
    "Official Disability Guidelines": r"odg|official\s+disability",
}


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(LETTERS), st.lists(st.sampled_from(sorted(DEBRIS)), max_size=3), st.integers(0, 10**6))
def test_citation_spans_mention_their_guideline(letter, kinds, seed):
    raw = letter.read_text()
    rnd = random.Random(seed)
    for kind in kinds:
        raw = DEBRIS[kind](raw, rnd)
    parsed = parse_text(raw)
    for issue in parsed.issues:
        for c in issue.citations:
            start, end = c.span
            assert 0 <= start < end <= len(parsed.text)
            words = parsed.text[start:end]
            if c.guideline == "Other":
                assert c.chapter and c.chapter.lower() in words.lower()
            else:
                assert re.search(_NAMES[c.guideline], words, re.IGNORECASE), (c.guideline, words)

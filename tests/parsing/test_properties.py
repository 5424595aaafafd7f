"""Properties over arbitrary input: the parser never raises, extraction fails only with
ExtractionError, no input makes a regex backtrack for long, and citation spans point at
words that name their guideline."""

from __future__ import annotations

import random
import re
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imr_archive.parsing import ExtractionError, extract_text, parse_text
from tests.parsing.letters import DEBRIS, annotated_letters

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


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.one_of(st.sampled_from(KEYWORDS + SEED_LINES), st.text(min_size=1, max_size=20)),
       st.integers(min_value=500, max_value=4000), st.sampled_from(SEPARATORS))
def test_long_repetitive_input_parses_fast(chunk, times, separator):
    text = (chunk + separator) * times
    start = time.perf_counter()
    _check(text[:120_000])
    assert time.perf_counter() - start < 5.0


def test_long_letter_parses_fast():
    text = "\n".join(p.read_text() for p in LETTERS)
    start = time.perf_counter()
    _check(text)
    assert time.perf_counter() - start < 2.0


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

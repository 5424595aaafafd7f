"""Layout detection and section splitting."""

from __future__ import annotations

import pytest

from imr_archive.parsing.clean import clean_text
from imr_archive.parsing.layout import detect_layout
from tests.parsing.letters import annotated_letters, determination_letter, expected

LAYOUTS = [
    ("HOW THE IMR FINAL DETERMINATION WAS MADE\nx\nCLINICAL CASE SUMMARY\ny\nIMR ISSUES, DECISIONS AND RATIONALES\nz",
     "determination"),
    ("MAXIMUS FEDERAL SERVICES, INC.\nHOW THE IMR FINAL DETERMINATION WAS MADE\nx\nDOCUMENTS REVIEWED\n- a\n"
     "CLINICAL CASE SUMMARY\ny\nIMR DECISION(S) AND RATIONALE(S)\n1. X is not medically necessary and appropriate.",
     "documents-reviewed"),
    ("MEDICAL PROFESSIONAL REVIEW\nISSUE AT DISPUTE:\n1. X\nCASE SUMMARY:\ny\nDOCUMENTS REVIEWED FOR DETERMINATION:\n"
     "- a\nMEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:\n1. X: ODG\n"
     "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:\n1. X: no\n"
     "MEDICAL REVIEWER QUALIFICATIONS:\nBoard Certified", "professional-review"),
    ("MAXIMUS FEDERAL SERVICES, INC.\nNotice of Independent Medical Review Determination\nDated: 8/14/2013\n"
     "1) MAXIMUS Federal Services, Inc. has determined the request for X is not medically necessary.\n"
     "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE\nMedical Qualifications of the Expert Reviewer:\ny\n"
     "CASE SUMMARY:\nz\n1) Regarding the request for X:\nMEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY THE CLAIMS "
     "ADMINISTRATOR:\nThe Claims Administrator based its decision on ODG.", "notice"),
    ("CLINICAL CASE SUMMARY\nThe patient is a 40-year-old male.", "determination"),
    ("Dear Sir, please find enclosed the invoice for March.", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "layout"), LAYOUTS)
def test_detect_layout(text, layout):
    assert detect_layout(text).format == layout


def test_not_a_letter_says_why():
    result = detect_layout("Minutes of the board meeting")
    assert result.warnings == ["not an IMR letter: no known section heading was recognised"]


@pytest.mark.parametrize("letter", annotated_letters(), ids=lambda p: p.stem)
def test_annotated_letters_layout_and_sections(letter):
    text = clean_text(letter.read_text()).text
    result = detect_layout(text)
    assert result.format == expected(letter)["format"]
    assert result.warnings == []
    for start, end in result.sections.values():
        assert 0 <= start <= end <= len(text)


def test_sections_are_spans_after_their_headings():
    text = clean_text(determination_letter(summary="The patient is a 50-year-old male.")).text
    result = detect_layout(text)
    start, end = result.sections["summary"]
    assert text[start:end].strip() == "The patient is a 50-year-old male."
    assert set(result.sections) == {"method", "summary", "issues"}


def test_missing_section_is_a_warning():
    text = "HOW THE IMR FINAL DETERMINATION WAS MADE\nx\nIMR ISSUES, DECISIONS AND RATIONALES\nz"
    assert detect_layout(text).warnings == ["missing section: CLINICAL CASE SUMMARY"]

"""The notice layout (FORMATS.md, "4. notice"), on letters written by hand under tests/parsing/notice/.

Each NOTICE.txt is laid out as PDF text would be; its NOTICE.json was written
from the letter by SCHEMA.md's conventions (not from the parser's output),
warnings included. The letters differ in shape: two items with glued words
(01), one overturned item in single-spaced text with headings in capitals (02),
four items with a partial decision and page furniture inside sentences (03),
a missing qualifications section and "#30isnot medicallynecessary" (04), and
headings worded differently, dates in words, CRLF and a hyphenated word with
only the second decision list (05), and an "Expert Reviewer Case Summary:", a
reviewer who relied on the administrator's guideline, and page footers inside
a decision line and a citation (06).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from imr_archive.parsing import parse_text
from tests.parsing.letters import DEBRIS, differences, schema_view

NOTICES = sorted((Path(__file__).parent / "notice").glob("*.txt"))


def _expected(letter: Path) -> dict:
    return json.loads(letter.with_suffix(".json").read_text())


def _parse(raw: str, name: str = ""):
    return parse_text(raw, file=name)


def test_there_are_notice_letters():
    assert len(NOTICES) >= 5


@pytest.mark.parametrize("letter", NOTICES, ids=lambda p: p.stem)
def test_notice_letter_parses_as_written(letter):
    want = _expected(letter)
    parsed = _parse(letter.read_bytes().decode("utf-8"), letter.name)
    diffs = differences(schema_view(want), schema_view(parsed.to_dict()))
    assert not diffs, f"{letter.name}:\n  " + "\n  ".join(diffs)
    assert parsed.warnings == want["warnings"]


@pytest.mark.parametrize("kind", sorted(DEBRIS))
def test_debris_does_not_change_a_notice_parse(kind):
    failures = []
    for letter in NOTICES:
        raw = letter.read_bytes().decode("utf-8")
        messy = DEBRIS[kind](raw, random.Random(f"{letter.name}/{kind}"))
        diffs = differences(schema_view(_expected(letter)), schema_view(_parse(messy).to_dict()))
        failures += [f"{letter.name}: {d}" for d in diffs]
    assert not failures, "\n".join(failures)


def _notice(decisions: list[str], twice: bool = True) -> str:
    lines = [f"{n}) MAXIMUS Federal Services, Inc. has determined the request for {d}" for n, d in
             enumerate(decisions, 1)]
    parts = ["MAXIMUS FEDERAL SERVICES, INC.", "Notice of Independent Medical Review Determination",
             "Dated: 8/14/2013", "MAXIMUS Case Number: CM13-0009999", "Final Determination: UPHOLD", *lines,
             "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE",
             "A decision has been made for each of the treatment and/or services that were in dispute:"]
    if twice:
        parts += lines
    parts += ["Medical Qualifications of the Expert Reviewer:",
              "The physician reviewer is Board Certified in Internal Medicine.", "Case Summary:",
              "The patient is a 40 year old male."]
    return "\n\n".join(parts)


def test_the_decision_list_printed_twice_gives_each_item_once():
    letter = _parse(_notice(["Soma 350mg #60 is not medically necessary and appropriate.",
                             "a gym membership is medically necessary and appropriate."]))
    assert letter.format == "notice"
    assert [(i.treatment, i.outcome, i.outcome_stated) for i in letter.issues] == [
        ("Soma 350mg #60", "upheld", True), ("a gym membership", "overturned", True)]


def test_the_sentence_after_the_decisions_heading_is_not_an_item():
    letter = _parse(_notice(["Soma 350mg #60 is not medically necessary and appropriate."], twice=False))
    assert [i.treatment for i in letter.issues] == ["Soma 350mg #60"]


@pytest.mark.parametrize(("decision", "treatment", "outcome"), [
    ("Norco 10/325 #90 is notmedically necessary and appropriate.", "Norco 10/325 #90", "upheld"),
    ("Norco 10/325 #90isnot medically necessary and appropriate.", "Norco 10/325 #90", "upheld"),
    ("Norco 10/325 #90 is not medicallynecessary andappropriate.", "Norco 10/325 #90", "upheld"),
    ("an arthrodesis is medically necessary and appropriate.", "an arthrodesis", "overturned"),
    ("8 sessions of acupuncture is partially medically necessary and appropriate.", "8 sessions of acupuncture",
     "partial"),
    ("an MRI of the knee is medically necessary and appropriate in part.", "an MRI of the knee", "partial"),
])
def test_decision_lines_with_extraction_debris(decision, treatment, outcome):
    letter = _parse(_notice([decision]))
    assert [(i.treatment, i.outcome) for i in letter.issues] == [(treatment, outcome)]


def test_a_repeated_list_printed_the_documents_reviewed_way():
    """FORMATS.md: the list is repeated under the decisions heading; printed as "1. X is not medically
    necessary and appropriate." it still gives each item once."""
    text = _notice(["Soma 350mg #60 is not medically necessary and appropriate."], twice=False).replace(
        "that were in dispute:", "that were in dispute:\n\n1. Soma 350mg #60 is not medically necessary and "
        "appropriate.\n\n2. A gym membership is medically necessary and appropriate.")
    letter = _parse(text)
    assert [(i.treatment, i.outcome, i.outcome_stated) for i in letter.issues] == [
        ("Soma 350mg #60", "upheld", True), ("A gym membership", "overturned", True)]


def test_a_notice_without_item_blocks_is_stored_with_a_warning():
    letter = _parse(_notice(["Soma 350mg #60 is not medically necessary and appropriate."]))
    assert letter.issues[0].citations == []
    assert "missing section: the items' guideline basis and rationale (\"Regarding the request for\")" \
        in letter.warnings


def test_notice_dates_come_from_their_own_sentences():
    text = _notice(["Soma 350mg #60 is not medically necessary and appropriate."]).replace(
        "A decision has been made",
        "An application for Independent Medical Review was filed on 7/19/2013 disputing the Utilization Review "
        "Denial dated 7/2/2013. A Notice of Assignment and Request for Information was provided to the above "
        "parties on 8/1/2013. A decision has been made")
    dates = _parse(text).dates
    assert (str(dates.assigned), str(dates.ur_denial), str(dates.application_received), str(dates.decision)) == (
        "2013-08-01", "2013-07-02", "2013-07-19", "2013-08-14")

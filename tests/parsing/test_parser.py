"""parse_text end to end: warnings instead of exceptions, the three layouts' variants."""

from __future__ import annotations

import pytest

from imr_archive.parsing import PARSER_VERSION, ParsedLetter, parse_text
from tests.parsing.letters import determination_letter, double_spaced


def test_version_is_a_string():
    assert isinstance(PARSER_VERSION, str) and PARSER_VERSION


def test_result_carries_file_text_and_version():
    letter = parse_text(determination_letter(), file="0001.txt")
    assert isinstance(letter, ParsedLetter)
    assert letter.file == "0001.txt"
    assert letter.parser_version == PARSER_VERSION
    assert letter.text.startswith("HOW THE IMR FINAL DETERMINATION WAS MADE\n")
    d = letter.to_dict()
    assert d["format"] == "determination" and d["schema_version"] == 1
    assert d["issues"][0]["rationale"] == "The request for Norco 10/325mg #120 is not medically necessary."
    assert d["issues"][0]["claims_administrator_guideline"].startswith("Decision based on MTUS")


@pytest.mark.parametrize("text", ["", " \n\n ", "Dear Sir, thank you for your letter.", "\x00\x01", "CM14-0000001"])
def test_not_a_letter(text):
    letter = parse_text(text)
    assert letter.format is None
    assert letter.issues == []
    assert any(w.startswith("not an IMR letter") for w in letter.warnings)


def test_outcome_read_from_the_rationale():
    items = ("Zolpidem 10mg #30:\n\nClaims Administrator guideline: Decision based on MTUS Chronic Pain Medical "
             "Treatment Guidelines.\n\nDecision rationale: The requested zolpidem is not medically necessary.")
    (issue,) = parse_text(determination_letter(items=items)).issues
    assert (issue.treatment, issue.outcome, issue.outcome_stated) == ("Zolpidem 10mg #30", "upheld", False)
    assert [c.source for c in issue.citations] == ["claims_administrator"]


def test_unknown_outcome_is_a_warning():
    items = "Zolpidem 10mg #30:\n\nDecision rationale: The records were reviewed."
    letter = parse_text(determination_letter(items=items))
    assert letter.issues[0].outcome == "unknown"
    assert any("outcome unknown" in w for w in letter.warnings)


def test_unknown_guideline_is_a_warning():
    items = ("Zolpidem 10mg #30: Upheld\n\nClaims Administrator guideline: Decision based on the physician's "
             "opinion.\n\nDecision rationale: Not medically necessary.")
    letter = parse_text(determination_letter(items=items))
    assert any("unrecognised guideline" in w for w in letter.warnings)


def test_decision_line_states_the_outcome():
    items = ("Zolpidem 10mg #30:\n\nDecision: Overturned\n\nDecision rationale: The records support it.")
    (issue,) = parse_text(determination_letter(items=items)).issues
    assert (issue.outcome, issue.outcome_stated) == ("overturned", True)


def test_item_without_administrator_line():
    items = ("Naproxen 550mg #60: Upheld\n\nMAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment "
             "Guidelines NSAIDs Page(s): 67-68.\n\nDecision rationale: Not medically necessary.\n\n"
             "Omeprazole 20mg #60: Upheld\n\nMAXIMUS guideline: Decision based on ODG, Pain Chapter, PPIs.\n\n"
             "Decision rationale: Not medically necessary.")
    issues = parse_text(determination_letter(items=items)).issues
    assert [i.treatment for i in issues] == ["Naproxen 550mg #60", "Omeprazole 20mg #60"]
    assert [[c.guideline for c in i.citations] for i in issues] == [
        ["MTUS Chronic Pain Medical Treatment Guidelines"], ["Official Disability Guidelines"]]


def test_rationale_over_several_paragraphs():
    items = ("Norco 10/325mg #120: Upheld\n\nClaims Administrator guideline: Decision based on ODG.\n\n"
             "MAXIMUS guideline: Decision based on ODG.\n\nDecision rationale: First paragraph.\n\nSecond paragraph "
             "is not medically necessary.\n\nTramadol 50mg #60: Overturned\n\nClaims Administrator guideline: "
             "Decision based on ODG.\n\nMAXIMUS guideline: Decision based on ODG.\n\nDecision rationale: Fine.")
    issues = parse_text(determination_letter(items=items)).issues
    assert [i.treatment for i in issues] == ["Norco 10/325mg #120", "Tramadol 50mg #60"]
    assert issues[0].rationale == "First paragraph. Second paragraph is not medically necessary."


DOCUMENTS_REVIEWED = """MAXIMUS FEDERAL SERVICES, INC.
Independent Medical Review
Final Determination Letter

IMR Case Number: CM13-0028841 Date of Injury: 07/19/2008 UR Denial Date: 09/04/2013
Priority: Standard Application Received: 09/16/2013
Dated: 10/30/2013

HOW THE IMR FINAL DETERMINATION WAS MADE
The Expert Reviewer is Board Certified in Internal Medicine and is licensed to practice in California.

DOCUMENTS REVIEWED
- Application for Independent Medical Review, received 09/16/2013

CLINICAL CASE SUMMARY
The patient is a 56-year-old female. The diagnoses are neck pain and insomnia.

IMR DECISION(S) AND RATIONALE(S)

1. Tramadol ER 150mg #30 is medically necessary and appropriate.

The Claims Administrator based its decision on the Chronic Pain Medical Treatment Guidelines, Opioids, pages 74-96, \
which are part of the MTUS.

The Expert Reviewer found that the guideline used by the Claims Administrator was appropriate and relevant to the \
issue at dispute.

The Expert Reviewer's decision rationale:
The request is medically necessary and appropriate.

2. Zolpidem 10mg #30 is not medically necessary and appropriate.

The Claims Administrator did not cite any evidence-based guidelines for its decision.

The Expert Reviewer based his/her decision on the FDA prescribing information for zolpidem, which is not part of the \
MTUS.

The Expert Reviewer's decision rationale:
The request is not medically necessary and appropriate."""


def test_documents_reviewed_letter():
    letter = parse_text(double_spaced(DOCUMENTS_REVIEWED))
    assert letter.format == "documents-reviewed"
    assert letter.dates.decision.isoformat() == "2013-10-30"
    assert letter.reviewer.specialty == "Internal Medicine"
    assert letter.diagnoses == ["neck pain", "insomnia"]
    first, second = letter.issues
    assert (first.treatment, first.outcome, first.outcome_stated) == ("Tramadol ER 150mg #30", "overturned", True)
    # The reviewer agreed with the administrator's guideline: the same citation, from the reviewer.
    assert [(c.source, c.chapter) for c in first.citations] == [("claims_administrator", "Opioids"),
                                                                 ("reviewer", "Opioids")]
    assert (second.treatment, second.outcome) == ("Zolpidem 10mg #30", "upheld")
    assert [(c.source, c.guideline, c.chapter) for c in second.citations] == [("reviewer", "Other", "FDA")]
    assert letter.warnings == []


PROFESSIONAL_REVIEW = """MEDICAL PROFESSIONAL REVIEW

ISSUE AT DISPUTE:
Right knee MRI

CASE SUMMARY:
The applicant is a 40-year-old man who injured his knee on 3/3/2012. A utilization review dated 4/4/2012 denied it.

MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:
ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 13, pages 341-343, which is part of the MTUS.

RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:
The request for a right knee MRI is medically necessary.

MEDICAL REVIEWER QUALIFICATIONS:
The physician reviewer is Board Certified in Orthopedic Surgery and is licensed in California."""


def test_professional_review_single_unnumbered_item():
    letter = parse_text(double_spaced(PROFESSIONAL_REVIEW))
    assert letter.format == "professional-review"
    assert (letter.dates.injury.isoformat(), letter.dates.ur_denial.isoformat()) == ("2012-03-03", "2012-04-04")
    (issue,) = letter.issues
    assert (issue.treatment, issue.category, issue.outcome, issue.outcome_stated) == (
        "Right knee MRI", "Diagnostic Imaging", "overturned", False)
    assert [(c.source, c.guideline, c.mtus, c.chapter, c.pages) for c in issue.citations] == [
        ("reviewer", "ACOEM Practice Guidelines", True, "13", [341, 342, 343])]
    assert letter.reviewer.specialty == "Orthopedic Surgery"


UNNUMBERED_REVIEW = """MEDICAL PROFESSIONAL REVIEW

ISSUE AT DISPUTE:
Right knee MRI: Upheld
Knee brace: Overturned

CASE SUMMARY:
The applicant is a 40-year-old man.

MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:
Right knee MRI: ACOEM Practice Guidelines, Chapter 13, pages 341-343, which is part of the MTUS.
Knee brace: Official Disability Guidelines (ODG), Knee & Leg Chapter, Braces.

RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:
Right knee MRI: The MRI is not medically necessary.
Knee brace: The brace is medically necessary.

MEDICAL REVIEWER QUALIFICATIONS:
The physician reviewer is Board Certified in Orthopedic Surgery."""


def test_professional_review_unnumbered_items():
    issues = parse_text(double_spaced(UNNUMBERED_REVIEW)).issues
    assert [(i.treatment, i.outcome, [c.guideline for c in i.citations]) for i in issues] == [
        ("Right knee MRI", "upheld", ["ACOEM Practice Guidelines"]),
        ("Knee brace", "overturned", ["Official Disability Guidelines"]),
    ]
    assert issues[1].rationale == "The brace is medically necessary."


def test_decision_word_in_a_paragraph_of_its_own():
    items = ("Compounded cream containing Ketoprofen 10% and Lidocaine 2%, 120gm:\n \n\nUpheld\n \n\n"
             "Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines.\n \n\n"
             "Decision rationale: The compound is not medically necessary.")
    letter = parse_text(determination_letter(items=items))
    assert "120gm:\n\nUpheld" in letter.text
    (issue,) = letter.issues
    assert (issue.treatment, issue.outcome, issue.outcome_stated) == (
        "Compounded cream containing Ketoprofen 10% and Lidocaine 2%, 120gm", "upheld", True)


def test_treatment_name_is_not_read_as_the_conclusion():
    items = ("MRI of the cervical spine without contrast:\n\nClaims Administrator guideline: Decision based on ACOEM."
             "\n\nDecision rationale: Red flags are documented. Therefore, the MRI of the cervical spine without "
             "contrast is medically necessary.")
    (issue,) = parse_text(determination_letter(items=items)).issues
    assert (issue.outcome, issue.outcome_stated) == ("overturned", False)

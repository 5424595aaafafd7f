"""clean_text removes each kind of PDF debris (FORMATS.md) and keeps the structure."""

from __future__ import annotations

import pytest

from imr_archive.parsing.clean import clean_text

# (name, raw text as extracted, cleaned text)
CASES = [
    ("crlf", "One line \r\n\r\ncontinues here. \r\n", "One line continues here."),
    ("bare cr", "One line \r\rcontinues here. \r", "One line continues here."),
    ("form feed page break", "The request is \n\f\nnot medically necessary.",
     "The request is not medically necessary."),
    ("trailing spaces", "First paragraph.   \n\n \n\nSecond paragraph.   ", "First paragraph.\n\nSecond paragraph."),
    ("blank-line wrapping", "The patient is a 42-year old female \n\nwith an injury date of 04/27/09. \n\n",
     "The patient is a 42-year old female with an injury date of 04/27/09."),
    ("spaces-only line marks a paragraph", "Ends here. \n\n \n\nStarts here. \n\n", "Ends here.\n\nStarts here."),
    ("page-break run inside a sentence", "in both her cervical and \n\n\n\n\n\nlumbar spine. \n\n",
     "in both her cervical and lumbar spine."),
    ("page-break run between paragraphs", "is not medically necessary. \n\n\n\nPhysical therapy 1 x 6: Upheld \n\n",
     "is not medically necessary.\n\nPhysical therapy 1 x 6: Upheld"),
    ("page footer mid-sentence", "The request is not \n\nPage 2 of 4 \n\nmedically necessary. \n\n",
     "The request is not medically necessary."),
    ("page footer after a heading",
     "Norco 10/325mg #120: Upheld \nPage 1 of 2 \n \n\nClaims Administrator guideline: Decision based on MTUS. \n\n",
     "Norco 10/325mg #120: Upheld\n\nClaims Administrator guideline: Decision based on MTUS."),
    ("footer glued inside a line", "medically Page 3 of 5 necessary.", "medically necessary."),
    ("lone case number line", "is not \n\nCM14-0166305 \n\nmedically necessary. \n\n", "is not medically necessary."),
    ("hyphenated word", "no comparison of pain without the medi- \n\ncation, and no measure. \n\n",
     "no comparison of pain without the medication, and no measure."),
    ("hyphenated compound keeps its hyphen", "the request was non- \n\ncertified by review. \n\n",
     "the request was non-certified by review."),
    ("hyphen before a digit", "a disc protrusion at L4- \n\n5 was seen. \n\n", "a disc protrusion at L4-5 was seen."),
    ("suspended hyphen", "a four- \n\nto six-week period. \n\n", "a four- to six-week period."),
    ("Page(s) glued", "MTUS Chronic Pain Medical Treatment GuidelinesPage(s): 67-68.",
     "MTUS Chronic Pain Medical Treatment Guidelines Page(s): 67-68."),
    ("Page(s) without a space after", "Guidelines Opioids Page(s):74-96.", "Guidelines Opioids Page(s): 74-96."),
    ("double spaces", "Norco 10/325mg #120:  Upheld", "Norco 10/325mg #120: Upheld"),
    ("tabs and no-break spaces", "Priority:\tStandard\u00a0 now", "Priority: Standard now"),
    ("missing space after comma", "MTUS Acupuncture Treatment Guidelines,Chronic Pain Treatment Guidelines",
     "MTUS Acupuncture Treatment Guidelines, Chronic Pain Treatment Guidelines"),
    ("numbers keep their commas", "pages 1,000 and 98,99", "pages 1,000 and 98,99"),
    ("heading on its own line", "CLINICAL CASE SUMMARY \n\nThe expert reviewer developed the summary: \n\n",
     "CLINICAL CASE SUMMARY\nThe expert reviewer developed the summary:"),
    ("wrapped heading joins",
     "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY \n\nNECESSARY: \n\n"
     "1. Tramadol 50mg #120: The guidelines require review. \n\n",
     "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:\n"
     "1. Tramadol 50mg #120: The guidelines require review."),
    ("numbered items stay apart",
     "ISSUE AT DISPUTE: \n\n1. MRI of the lumbar spine: Upheld \n\n2. Lumbar brace: Upheld \n\n",
     "ISSUE AT DISPUTE:\n1. MRI of the lumbar spine: Upheld\n2. Lumbar brace: Upheld"),
    ("labelled lines stay apart", "The Expert Reviewer has the following credentials: \n\nState(s) of Licensure: "
     "California \n\nCertification(s)/Specialty: Neurology \n\n",
     "The Expert Reviewer has the following credentials:\nState(s) of Licensure: California\n"
     "Certification(s)/Specialty: Neurology"),
    ("header fields stay apart", "Case Number: CM14-0203117 \n\nDate Assigned: 12/08/2014 \n\n",
     "Case Number: CM14-0203117\nDate Assigned: 12/08/2014"),
    ("item heading run into the text before it",
     "is not medically necessary.\nPhysical therapy 1 x 6: Upheld\nClaims Administrator guideline: Decision based on "
     "MTUS.", "is not medically necessary.\nPhysical therapy 1 x 6: Upheld\nClaims Administrator guideline: "
     "Decision based on MTUS."),
    ("item heading wrapped over two lines", "Retrospective request for urine drug screen, date of service \n\n"
     "06/10/2014: \n\nClaims Administrator guideline: Decision based on MTUS. \n\n",
     "Retrospective request for urine drug screen, date of service 06/10/2014:\n"
     "Claims Administrator guideline: Decision based on MTUS."),
    ("decision word wrapped", "Post-operative physical therapy x 8 visits: Partially \n\nOverturned \n\n"
     "Claims Administrator guideline: Decision based on MTUS. \n\n",
     "Post-operative physical therapy x 8 visits: Partially Overturned\n"
     "Claims Administrator guideline: Decision based on MTUS."),
    ("decision word alone under a wrapped heading",
     "Compounded topical gel containing Ketoprofen 10%, Gabapentin 6% and Lidocaine 2%, 120gm: \n\nOverturned \n\n"
     " \n\nClaims Administrator guideline: Decision based on MTUS. \n\n",
     "Compounded topical gel containing Ketoprofen 10%, Gabapentin 6% and Lidocaine 2%, 120gm: Overturned\n\n"
     "Claims Administrator guideline: Decision based on MTUS."),
    ("heading with a colon of its own", " \n\nCompound: \n\nKetoprofen 10%/Lidocaine 2% cream, \n\n120gm: Upheld \n\n"
     "Claims Administrator guideline: Decision based on MTUS. \n\n",
     "Compound: Ketoprofen 10%/Lidocaine 2% cream, 120gm: Upheld\nClaims Administrator guideline: Decision based on "
     "MTUS."),
    ("list intro ending in a decision word", "Her diagnoses include the following:  Partial \n\nthickness tear of "
     "the left supraspinatus.  Left shoulder bursitis. \n\n",
     "Her diagnoses include the following: Partial thickness tear of the left supraspinatus. Left shoulder bursitis."),
    ("heading before a heading that starts in lowercase",
     "ISSUE AT DISPUTE: \n\nNorco 10/325mg #120: Upheld \n\nx-rays of the right knee: Overturned \n\n",
     "ISSUE AT DISPUTE:\nNorco 10/325mg #120: Upheld\nx-rays of the right knee: Overturned"),
    ("page number wrapped onto its own line",
     "1. Diazepam 5mg #60: MTUS Chronic Pain Medical Treatment Guidelines, Benzodiazepines, page \n\n24. The "
     "reviewer relied on it. \n\n",
     "1. Diazepam 5mg #60: MTUS Chronic Pain Medical Treatment Guidelines, Benzodiazepines, page 24. The reviewer "
     "relied on it."),
    ("wrapped number out of a list's sequence", "The sessions completed to date total \n\n12. No improvement was "
     "documented. \n\n", "The sessions completed to date total 12. No improvement was documented."),
    ("lowercase page ending a wrapped citation", "Decision based on ACOEM, Chapter 7, \n\npage 127 \n\n \n\n"
     "Decision rationale: Not necessary. \n\n",
     "Decision based on ACOEM, Chapter 7, page 127\n\nDecision rationale: Not necessary."),
    ("bare page footer", "The request is not \n\nPage 2 \n\nmedically necessary. \n\n",
     "The request is not medically necessary."),
    ("single-spaced footer inside a sentence", "The reviewer is Board Certified in Physical Medicine and\n"
     "Rehabilitation with a subspecialty in Sports\n\nPage 1 of 2\n\nMedicine and is licensed in Ohio.\n"
     "The reviewer has no affiliation.\n",
     "The reviewer is Board Certified in Physical Medicine and Rehabilitation with a subspecialty in Sports Medicine "
     "and is licensed in Ohio. The reviewer has no affiliation."),
    ("single-spaced text", "First line of a paragraph\ncontinues here.\n\nNext paragraph.\n",
     "First line of a paragraph continues here.\n\nNext paragraph."),
    ("control characters", "Norco\x00 10/325mg\x07 #120", "Norco 10/325mg #120"),
    ("whitespace only", " \n\n \t \n", ""),
]


@pytest.mark.parametrize(("raw", "cleaned"), [(c[1], c[2]) for c in CASES], ids=[c[0] for c in CASES])
def test_clean(raw, cleaned):
    assert clean_text(raw).text == cleaned


def test_running_case_number_is_kept_aside():
    raw = "Some text \n\nCM15-0041872 \n\nmore text. \n\n\n\nCM15-0041872 \n\n"
    result = clean_text(raw)
    assert result.running_case_number == "CM15-0041872"
    assert "CM15" not in result.text


def test_labelled_case_number_is_text_but_repeats_are_headers():
    raw = "IMR Case Number: CM13-0003412 \n\nDate of Injury: 11/02/2009 \n\n \n\nIMR Case Number: CM13-0003412 \n\n"
    result = clean_text(raw)
    assert result.text.count("CM13-0003412") == 1
    assert result.running_case_number is None


def test_lowering_the_text_keeps_offsets():
    # U+0130 is the one character whose lower() is longer; spans index the text.
    text = clean_text("\u0130stanbul Page(s): 8").text
    assert len(text.lower()) == len(text)

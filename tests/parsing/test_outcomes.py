"""Item headings and decision lines, and outcomes read from the rationale's conclusion."""

from __future__ import annotations

import pytest

from imr_archive.parsing.outcomes import outcome_from_rationale, parse_item_heading

HEADINGS = [
    ("Physical therapy 1 x 6:  Upheld", ("Physical therapy 1 x 6", "upheld")),
    ("Acupuncture 2x6 for the lumbar/cervical:   ", ("Acupuncture 2x6 for the lumbar/cervical", None)),
    ("Consult w/ Neurologist :  Upheld", ("Consult w/ Neurologist", "upheld")),
    ("Urine drug screen:  Overturned", ("Urine drug screen", "overturned")),
    ("Post-operative physical therapy x 8 visits:  Partially Overturned",
     ("Post-operative physical therapy x 8 visits", "partial")),
    ("Norco 10/325mg #120: Overturned in Part", ("Norco 10/325mg #120", "partial")),
    ("Norco 10/325mg #120: Partially Upheld", ("Norco 10/325mg #120", "partial")),
    ("1. Acupuncture 2 times per week for 6 weeks, lumbar spine: Modified",
     ("Acupuncture 2 times per week for 6 weeks, lumbar spine", "partial")),
    ("1. MRI of the lumbar spine without contrast: Upheld", ("MRI of the lumbar spine without contrast", "upheld")),
    ("2. Lumbar support brace", ("Lumbar support brace", None)),
    ("1. Tramadol ER 150mg #30 is not medically necessary and appropriate.", ("Tramadol ER 150mg #30", "upheld")),
    ("2. Tramadol 50mg #90 is medically necessary and appropriate.", ("Tramadol 50mg #90", "overturned")),
    ("3. Physical therapy x 12 is partially medically necessary.", ("Physical therapy x 12", "partial")),
    ("1. Home health aide 4 hours per day, 5 days per week for 6 weeks is not medically necessary and appropriate.",
     ("Home health aide 4 hours per day, 5 days per week for 6 weeks", "upheld")),
    ("Retrospective request for urine drug screen, date of service 06/10/2014:",
     ("Retrospective request for urine drug screen, date of service 06/10/2014", None)),
    ("Hinged knee brace - Upheld", ("Hinged knee brace", "upheld")),
    ("Gabapentin 600mg #90: Certified", ("Gabapentin 600mg #90", "overturned")),
    ("Gabapentin 600mg #90: Non-certified", ("Gabapentin 600mg #90", "upheld")),
]


@pytest.mark.parametrize(("heading", "want"), HEADINGS)
def test_parse_item_heading(heading, want):
    assert parse_item_heading(heading) == want


RATIONALES = [
    ("The requested additional acupuncture for the lumbar/cervical spine is not medically necessary.", "upheld"),
    ("The request for EMG/NCV of bilateral upper extremities is medically necessary and appropriate.", "overturned"),
    ("Gabapentin 600mg #90 is medically necessary and appropriate.", "overturned"),
    ("The right shoulder arthroscopy with subacromial decompression is therefore not medically necessary.", "upheld"),
    ("Because the fusion has not been found medically necessary in this review, there is no planned surgery. "
     "Accordingly, the pre-operative medical clearance is not medically necessary.", "upheld"),
    ("The records show no documented benefit. The request for Tramadol 50mg #90 is medically necessary.", "overturned"),
    ("Although the patient has not improved, the requested evaluation is medically necessary.", "overturned"),
    ("The request is therefore partially certified: 4 visits of post-operative physical therapy are medically "
     "necessary, and the remaining 4 visits are not medically necessary at this time.", "partial"),
    ("Therefore, the request is modified: 6 sessions of cognitive behavioral therapy are medically necessary, and the "
     "remaining 6 sessions are not medically necessary at this time.", "partial"),
    ("The request is therefore modified to certify 6 acupuncture sessions; the remaining 6 sessions are not medically "
     "necessary.", "partial"),
    ("Six visits are medically necessary; the remaining six visits are not medically necessary.", "partial"),
    ("The patient remains on modified duty. The request for Norco is not medically necessary.", "upheld"),
    ("The additional acupuncture x 6 does not meet the guidelines criteria for medical necessity.", "upheld"),
    ("Additional sessions cannot be reasonably warranted as a medical necessity.", "upheld"),
    ("The medical necessity of the requested MRI has not been established.", "upheld"),
    ("The medical necessity of the requested MRI has been established.", "overturned"),
    ("This request is not medically reasonable or necessary.", "upheld"),
    ("The request is not certified.", "upheld"),
    ("The request is non-certified.", "upheld"),
    ("The request is certified.", "overturned"),
    ("The denial is upheld.", "upheld"),
    ("The request for 12 sessions is not medically necessary. Further sessions may be medically necessary if "
     "functional improvement is documented.", "upheld"),
    ("The request is not medically necessary. Additional sessions may be medically necessary once improvement is "
     "documented.", "upheld"),
    ("Therefore, the MRI of the cervical spine without contrast is medically necessary.", "overturned"),
    ("The request is without medical necessity.", "upheld"),
    ("There is no evidence that the requested brace is medically necessary.", "upheld"),
    ("The records were reviewed.", None),
    ("", None),
]


@pytest.mark.parametrize(("rationale", "outcome"), RATIONALES)
def test_outcome_from_rationale(rationale, outcome):
    assert outcome_from_rationale(rationale) == outcome


def test_treatment_words_are_not_the_conclusion():
    # "Non-" in the item's own name is no negation of its necessity.
    rationale = "The guidelines support it. Non-steroidal anti-inflammatory cream 60gm is medically necessary."
    assert outcome_from_rationale(rationale) == "upheld"
    assert outcome_from_rationale(rationale, "Non-steroidal anti-inflammatory cream 60gm") == "overturned"

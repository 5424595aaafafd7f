"""Guideline lines -> citations (SCHEMA.md conventions), pages, and spans."""

from __future__ import annotations

import pytest

from imr_archive.parsing.citations import parse_citations, parse_pages

CP = "MTUS Chronic Pain Medical Treatment Guidelines"
ACU = "MTUS Acupuncture Medical Treatment Guidelines"
PS = "MTUS Postsurgical Treatment Guidelines"
ACOEM = "ACOEM Practice Guidelines"
ODG = "Official Disability Guidelines"

PAGES = [
    ("98-99", [98, 99]),
    ("98, 99", [98, 99]),
    ("76-80, 88-89", [76, 77, 78, 79, 80, 88, 89]),
    ("8", [8]),
    ("98 and 99", [98, 99]),
    ("111 - 113", [111, 112, 113]),
    ("113-5", [113, 114, 115]),
    ("99-98", [98, 99]),
    ("10-11, 15-16", [10, 11, 15, 16]),
    ("", []),
]


@pytest.mark.parametrize(("spec", "pages"), PAGES)
def test_parse_pages(spec, pages):
    assert parse_pages(spec) == pages


# (guideline line, [(guideline, mtus, chapter, section, pages), ...])
LINES = [
    ("Decision based on MTUS Chronic Pain Medical Treatment Guidelines Opioids, criteria for use Page(s): 76-80, "
     "88-89.",
     [(CP, True, "Opioids, criteria for use", None, [76, 77, 78, 79, 80, 88, 89])]),
    ("Decision based on MTUS Chronic Pain Medical Treatment Guidelines Page(s): 63-66.",
     [(CP, True, None, None, [63, 64, 65, 66])]),
    ("Decision based on MTUS Chronic Pain Treatment Guidelines Physical Medicine.",
     [(CP, True, "Physical Medicine", None, [])]),
    ("Decision based on MTUS Acupuncture Treatment Guidelines, Chronic Pain Treatment Guidelines 9792.24.1 Page(s): 8.",
     [(ACU, True, None, None, []), (CP, True, None, "9792.24.1", [8])]),
    ("The Expert Reviewer based his/her decision on the Chronic Pain Medical Treatment Guidelines, Opioids, criteria "
     "for use, pages 76-80, and Tramadol (Ultram), page 113, which are part of the MTUS.",
     [(CP, True, "Opioids, criteria for use", None, [76, 77, 78, 79, 80]),
      (CP, True, "Tramadol (Ultram)", None, [113])]),
    ("Decision based on MTUS Chronic Pain Medical Treatment Guidelines Opioids, dosing Page(s): 86; MTUS Chronic Pain "
     "Medical Treatment Guidelines Weaning of Medications Page(s): 124.",
     [(CP, True, "Opioids, dosing", None, [86]), (CP, True, "Weaning of Medications", None, [124])]),
    ("Decision based on MTUS Postsurgical Treatment Guidelines 9792.24.3 Page(s): 10-11, 15-16.",
     [(PS, True, None, "9792.24.3", [10, 11, 15, 16])]),
    ("Decision based on MTUS Postsurgical Treatment Guidelines Shoulder Page(s): 26-27.",
     [(PS, True, "Shoulder", None, [26, 27])]),
    ("MTUS Acupuncture Medical Treatment Guidelines, section 9792.24.1. These guidelines apply to all body parts.",
     [(ACU, True, None, "9792.24.1", [])]),
    ("The Claims Administrator did not base their decision on the MTUS. Decision based on Non-MTUS Citation ACOEM "
     "Guidelines, Independent Medical Examinations and Consultations, Chapter 7, page 127",
     [(ACOEM, False, "7", None, [127])]),
    ("Decision based on Non-MTUS Citation American College of Occupational and Environmental Medicine (ACOEM), 2nd "
     "Edition, (2004) Chapter 7, page 127, Consult", [(ACOEM, False, "7", None, [127])]),
    ("Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 9 Shoulder Complaints, pages "
     "210-211. Non-MTUS Citation Official Disability Guidelines (ODG), Shoulder Chapter, Surgery for impingement.",
     [(ACOEM, True, "9", None, [210, 211]), (ODG, False, "Shoulder", None, [])]),
    ("Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 8 Neck and Upper Back Complaints, "
     "pages 177-178; MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 11 Forearm, Wrist, and Hand "
     "Complaints, pages 260-262.", [(ACOEM, True, "8", None, [177, 178]), (ACOEM, True, "11", None, [260, 261, 262])]),
    ("The Claims Administrator based its decision on the American College of Occupational and Environmental Medicine "
     "(ACOEM) Practice Guidelines, 2nd Edition (2004), Chapter 13, Knee Complaints, pages 341-343, which are part of "
     "the MTUS.", [(ACOEM, True, "13", None, [341, 342, 343])]),
    ("Decision based on ACOEM 2004, Low Back Complaints, p. 303", [(ACOEM, True, "12", None, [303])]),
    ("Decision based on ACOEM Practice Guidelines, Chapter 12, pages 303-305, and Chapter 8, page 177",
     [(ACOEM, True, "12", None, [303, 304, 305]), (ACOEM, True, "8", None, [177])]),
    ("The Claims Administrator based its decision on the Official Disability Guidelines (ODG), Pain Chapter, Proton "
     "pump inhibitors (PPIs), which is not part of the MTUS.", [(ODG, False, "Pain", None, [])]),
    ("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Pain (Chronic) Chapter, Insomnia "
     "treatment; Non-MTUS Citation FDA, zolpidem tartrate label.",
     [(ODG, False, "Pain (Chronic)", None, []), ("Other", False, "FDA", None, [])]),
    ("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Pain (Chronic) Chapter, Antiemetics "
     "(for opioid nausea); Non-MTUS Citation Medline Plus, Ondansetron.",
     [(ODG, False, "Pain (Chronic)", None, []), ("Other", False, "Medline Plus", None, [])]),
    ("Decision based on ODG, Knee & Leg, Knee joint replacement", [(ODG, False, "Knee & Leg", None, [])]),
    ("Decision based on ODG Low Back Chapter, Fusion (spinal)", [(ODG, False, "Low Back", None, [])]),
    ("Decision based on Official Disability Guidelines (ODG) Treatment in Workers' Comp, Forearm, Wrist, & Hand "
     "Chapter, Splints", [(ODG, False, "Forearm, Wrist, & Hand", None, [])]),
    ("Decision based on ODG-TWC Pain Procedure Summary, Opioids", [(ODG, False, "Pain", None, [])]),
    ("Decision based on Official Disability Guidelines, Chapter: Mental Illness & Stress, Psychotherapy",
     [(ODG, False, "Mental Illness & Stress", None, [])]),
    ("Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Low Back Chapter, Preoperative "
     "electrocardiogram (ECG) and Preoperative lab testing.", [(ODG, False, "Low Back", None, [])]),
    ("The Expert Reviewer based his/her decision on the ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12, Low "
     "Back Complaints, page 303, which is part of the MTUS, and the Official Disability Guidelines (ODG), Low Back "
     "Chapter, EMGs (electromyography), which is not part of the MTUS.",
     [(ACOEM, True, "12", None, [303]), (ODG, False, "Low Back", None, [])]),
    ("The Expert Reviewer found that the guideline used by the Claims Administrator did not specifically address "
     "repeat imaging, and based his/her decision on the Official Disability Guidelines (ODG), Knee & Leg Chapter, "
     "MRI's (magnetic resonance imaging), which is not part of the MTUS.", [(ODG, False, "Knee & Leg", None, [])]),
    ("Official Disability Guidelines (ODG), Knee & Leg Chapter, Knee joint replacement, which is not part of the MTUS. "
     "The MTUS does not address knee arthroplasty, so the reviewer relied on this nationally recognized guideline.",
     [(ODG, False, "Knee & Leg", None, [])]),
    ("Decision based on Medical Treatment Utilization Schedule (MTUS), Chronic Pain Medical Treatment Guidelines, "
     "Opioids, pages 74-96", [(CP, True, "Opioids", None, list(range(74, 97)))]),
    ("Decision based on Medical Treatment Utilization Schedule section 9792.24.2, page 86",
     [(CP, True, None, "9792.24.2", [86])]),
    ("Decision based on MTUS, Opioids, pages 74-96.", [(CP, True, "Opioids", None, list(range(74, 97)))]),
    ("Decision based on MTUS guidelines, Acupuncture, page 8", [(ACU, True, "Acupuncture", None, [8])]),
    ("Decision based on the FDA prescribing information for zolpidem.", [("Other", False, "FDA", None, [])]),
    ("Decision based on Non-MTUS Citation Up To Date, Opioid use disorder.",
     [("Other", False, "Up To Date", None, [])]),
    ("Decision based on Non-MTUS Citation Work Loss Data Institute, Shoulder.",
     [("Other", False, "Work Loss Data Institute", None, [])]),
    ("Decision based on Non-MTUS Citation Journal of Pain Research, 2012.",
     [("Other", False, "Journal of Pain Research", None, [])]),
    ("Decision based on the ACOEM Practice Guidelines, Chapter 12, and the ODG, Low Back Chapter, which is not part "
     "of the MTUS.", [(ACOEM, True, "12", None, []), (ODG, False, "Low Back", None, [])]),
    ("Decision based on the ACOEM Practice Guidelines, Chapter 7, and the ODG, Pain Chapter, which are not part of "
     "the MTUS.", [(ACOEM, False, "7", None, []), (ODG, False, "Pain", None, [])]),
    ("Decision based on the MTUS Chronic Pain Medical Treatment Guidelines, Opioids, pages 80-81, which is part of "
     "the MTUS, the Official Disability Guidelines (ODG), Pain (Chronic) Chapter, Opioids, which is not part of the "
     "MTUS, and the Chronic Pain Medical Treatment Guidelines, Tapentadol, page 93, which are part of the MTUS.",
     [(CP, True, "Opioids", None, [80, 81]), (ODG, False, "Pain (Chronic)", None, []),
      (CP, True, "Tapentadol", None, [93])]),
    ("MTUS Chronic Pain Medical Treatment Guidelines, Benzodiazepines, page 24. The reviewer relied on it.",
     [(CP, True, "Benzodiazepines", None, [24])]),
    ("The Claims Administrator did not cite any medical evidence for its decision.", []),
    ("The Claims Administrator did not cite any evidence-based guidelines for its decision.", []),
]


@pytest.mark.parametrize(("line", "want"), LINES, ids=[f"line{i}" for i in range(len(LINES))])
def test_parse_citations(line, want):
    citations, warnings = parse_citations(line, 0, "reviewer")
    got = [(c.guideline, c.mtus, c.chapter, c.section, c.pages) for c in citations]
    assert got == want
    assert warnings == []


def test_edition_is_normalised():
    line = "Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition, (2004) Chapter 12 Low Back Complaints, p 303"
    (c,), _ = parse_citations(line, 0, "claims_administrator")
    assert c.edition == "2nd Edition (2004)"
    assert c.source == "claims_administrator"


def test_unknown_guideline_is_a_warning():
    citations, warnings = parse_citations("Decision based on the treating physician's opinion.", 0, "reviewer")
    assert citations == []
    assert warnings and "unrecognised guideline" in warnings[0]


def test_spans_point_at_the_citing_words():
    prefix = "Some text before. "
    line = ("Decision based on MTUS Chronic Pain Medical Treatment Guidelines Opioids Page(s): 74-96, Non-MTUS "
            "Citation Official Disability Guidelines (ODG), Pain Chapter, Opioids.")
    text = prefix + line
    citations, _ = parse_citations(line, len(prefix), "reviewer")
    spans = [text[c.span[0]:c.span[1]] for c in citations]
    assert spans == ["MTUS Chronic Pain Medical Treatment Guidelines Opioids Page(s): 74-96",
                     "Non-MTUS Citation Official Disability Guidelines (ODG), Pain Chapter, Opioids"]

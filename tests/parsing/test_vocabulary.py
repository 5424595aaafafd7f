"""The canonical vocabularies and the tables that map raw wording onto them."""

from __future__ import annotations

import re

import pytest

from imr_archive.parsing import vocabulary as v
from imr_archive.parsing.result import OUTCOMES


def test_canonical_lists_match_the_schema():
    assert v.CATEGORIES == (
        "Pharmaceuticals", "Physical Therapy", "Acupuncture", "Chiropractic", "Injections", "Surgery",
        "Diagnostic Imaging", "Other Diagnostic Testing", "Evaluation & Management", "DMEPOS",
        "Psychological Services", "Home Health", "Programs", "Other",
    )
    assert [g.name for g in v.GUIDELINES] == [
        "MTUS Chronic Pain Medical Treatment Guidelines", "MTUS Acupuncture Medical Treatment Guidelines",
        "MTUS Postsurgical Treatment Guidelines", "ACOEM Practice Guidelines", "Official Disability Guidelines",
        "Other",
    ]
    assert len(v.SPECIALTIES) == 21 and v.SPECIALTIES[-1] == "Other"
    assert v.OUTCOMES == OUTCOMES


def test_guidelines_have_unique_slugs_and_lookups():
    assert len({g.slug for g in v.GUIDELINES}) == len(v.GUIDELINES)
    for g in v.GUIDELINES:
        assert re.fullmatch(r"[a-z0-9-]+", g.slug)
        assert v.GUIDELINE_BY_SLUG[g.slug] is g
        assert v.GUIDELINE_BY_NAME[g.name] is g


def test_rules_map_onto_the_canonical_lists():
    assert {r.category for r in v.CATEGORY_RULES} <= set(v.CATEGORIES)
    assert {s for _, s in v.SPECIALTY_RULES} <= set(v.SPECIALTIES)
    assert {name for name, _ in v.GUIDELINE_PATTERNS} <= set(v.GUIDELINE_BY_NAME)


SPECIALTIES = [
    ("Physical Medicine and Rehabilitation", "Physical Medicine & Rehabilitation"),
    ("Physical Medicine Rehabilitation", "Physical Medicine & Rehabilitation"),
    ("Physical Medicine & Rehabilitation", "Physical Medicine & Rehabilitation"),
    ("PM&R", "Physical Medicine & Rehabilitation"),
    ("Orthopaedic Surgery", "Orthopedic Surgery"),
    ("Orthopedic Surgeon", "Orthopedic Surgery"),
    ("Anesthesiology", "Anesthesiology"),
    ("Pain Management", "Pain Management"),
    ("Pain Medicine", "Pain Management"),
    ("Internal Medicine", "Internal Medicine"),
    ("Family Medicine", "Family Practice"),
    ("Family Practice", "Family Practice"),
    ("Occupational Medicine", "Occupational Medicine"),
    ("Preventive Medicine", "Occupational Medicine"),
    ("Neurology", "Neurology"),
    ("Neurological Surgery", "Neurological Surgery"),
    ("Neurosurgery", "Neurological Surgery"),
    ("Psychiatry", "Psychiatry"),
    ("Psychologist", "Psychology"),
    ("Clinical Psychology", "Psychology"),
    ("Chiropractic", "Chiropractic"),
    ("Chiropractor", "Chiropractic"),
    ("Oriental Medicine", "Acupuncture & Oriental Medicine"),
    ("Acupuncture", "Acupuncture & Oriental Medicine"),
    ("Physical Therapy", "Physical Therapy"),
    ("Emergency Medicine", "Emergency Medicine"),
    ("Dermatology", "Dermatology"),
    ("Plastic Surgery", "Plastic Surgery"),
    ("Podiatry", "Podiatry"),
    ("Podiatric Surgery", "Podiatry"),
    ("Sports Medicine", "Sports Medicine"),
    ("General Surgery", "General Surgery"),
    ("Rheumatology", "Other"),
    ("Psychiatry and Neurology", "Psychiatry"),
    ("Orthopedic Surgery and Sports Medicine", "Orthopedic Surgery"),
    ("Internal Medicine and Pulmonary Disease", "Internal Medicine"),
]


@pytest.mark.parametrize(("raw", "canonical"), SPECIALTIES)
def test_normalize_specialty(raw, canonical):
    assert v.normalize_specialty(raw) == canonical


CATEGORIES = [
    ("Norco 10/325mg #120", "Pharmaceuticals"),
    ("Compounded Ketoprofen 20% cream, 120gm", "Pharmaceuticals"),
    ("Lidoderm patches", "Pharmaceuticals"),
    ("MS Contin 30mg", "Pharmaceuticals"),
    ("Norco for pain management", "Pharmaceuticals"),
    ("Physical therapy 1 x 6", "Physical Therapy"),
    ("Post-operative physical therapy, 12 sessions", "Physical Therapy"),
    ("Aquatic therapy 2x4", "Physical Therapy"),
    ("Acupuncture 2x6 for the lumbar/cervical", "Acupuncture"),
    ("Chiropractic manipulation 2 x 4 for the lumbar spine", "Chiropractic"),
    ("Cervical epidural steroid injection at C5-C6", "Injections"),
    ("Bilateral L4-5 facet medial branch blocks", "Injections"),
    ("Toradol 60mg IM injection", "Injections"),
    ("Right shoulder arthroscopy with subacromial decompression", "Surgery"),
    ("L4-5 and L5-S1 posterior lumbar interbody fusion", "Surgery"),
    ("Right total knee arthroplasty", "Surgery"),
    ("Spinal cord stimulator trial", "Surgery"),
    ("Manipulation under anesthesia", "Surgery"),
    ("Assistant surgeon", "Surgery"),
    ("MRI of the lumbar spine without contrast", "Diagnostic Imaging"),
    ("Repeat x-rays of the lumbar spine, 3 views", "Diagnostic Imaging"),
    ("CT scan of the cervical spine", "Diagnostic Imaging"),
    ("Bone scan", "Diagnostic Imaging"),
    ("Urine drug screen", "Other Diagnostic Testing"),
    ("EMG/NCV of bilateral upper extremities", "Other Diagnostic Testing"),
    ("Pre-operative EKG and labs (CBC, BMP)", "Other Diagnostic Testing"),
    ("Sleep study", "Other Diagnostic Testing"),
    ("Functional capacity evaluation", "Other Diagnostic Testing"),
    ("Consult w/ Neurologist", "Evaluation & Management"),
    ("Orthopedic consultation for the right shoulder", "Evaluation & Management"),
    ("Pre-operative medical clearance", "Evaluation & Management"),
    ("Follow-up visit with orthopedist", "Evaluation & Management"),
    ("Lumbar support brace", "DMEPOS"),
    ("TENS unit for home use, 30 day trial", "DMEPOS"),
    ("Cold therapy unit rental", "DMEPOS"),
    ("Front wheeled walker", "DMEPOS"),
    ("Psychological evaluation", "Psychological Services"),
    ("Cognitive behavioral therapy, 12 sessions", "Psychological Services"),
    ("Hypnotherapy, 6 sessions", "Psychological Services"),
    ("Home health aide 4 hours per day, 5 days per week for 6 weeks", "Home Health"),
    ("Post-operative home health nursing visits x 6", "Home Health"),
    ("Functional restoration program, 160 hours", "Programs"),
    ("Work hardening program", "Programs"),
    ("Weight loss program", "Programs"),
    ("Gym membership", "Programs"),  # SCHEMA.md: gym, pool and weight-loss programs are Programs
    ("Transportation to medical appointments", "Other"),
    ("Transportation to and from medical appointments", "Other"),
    ("Round-trip transportation for injections", "Other"),
    ("Pre-operative history and physical", "Evaluation & Management"),
    ("Preoperative H&P", "Evaluation & Management"),
    ("Right elbow strap", "DMEPOS"),
    ("Counterforce strap for the left elbow", "DMEPOS"),
]


@pytest.mark.parametrize(("treatment", "category"), CATEGORIES)
def test_categorize(treatment, category):
    assert (v.categorize(treatment) or "Other") == category


WORDS = [
    ("Upheld", "upheld"), ("upheld.", "upheld"), ("Overturned", "overturned"), ("Partially Overturned", "partial"),
    ("Overturned in Part", "partial"), ("Modified", "partial"), ("Certified", "overturned"),
    ("Not Certified", "upheld"), ("Non-certified", "upheld"), ("Denied", "upheld"), ("Approved", "overturned"),
    ("Reviewed", None),
]


@pytest.mark.parametrize(("word", "outcome"), WORDS)
def test_outcome_of_word(word, outcome):
    assert v.outcome_of_word(word) == outcome

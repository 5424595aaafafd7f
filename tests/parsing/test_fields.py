"""Reviewer credentials, patient, diagnoses."""

from __future__ import annotations

import pytest

from imr_archive.parsing import parse_text
from imr_archive.parsing.fields import read_diagnoses, read_reviewer
from tests.parsing.letters import determination_letter

# (method text, (specialty, subspecialty, licensure, board_certified))
REVIEWERS = [
    # Certification as another hand words it; board_certified stays null unless "Board Certified" (SCHEMA.md).
    ("The expert reviewer is certified by the American Board of Physical Medicine and Rehabilitation and is "
     "licensed in California.", ("Physical Medicine & Rehabilitation", None, ["California"], None)),
    ("The reviewer holds board certification in Orthopaedic Surgery and is licensed in California.",
     ("Orthopedic Surgery", None, ["California"], None)),
    ("The physician reviewer is a diplomate of the American Board of Internal Medicine.",
     ("Internal Medicine", None, [], None)),
    ("The expert reviewer is Board Certified in Physical Medicine Rehabilitation, has a subspecialty in "
     "Interventional Spine and is licensed to practice in California.",
     ("Physical Medicine & Rehabilitation", "Interventional Spine", ["California"], True)),
    ("The Expert Reviewer is Board Certified in Physical Medicine and Rehabilitation, has a subspecialty in Pain "
     "Medicine, and is licensed to practice in California and Nevada.",
     ("Physical Medicine & Rehabilitation", "Pain Medicine", ["California", "Nevada"], True)),
    ("The expert reviewer is Board Certified in Neurological Surgery and is licensed to practice in California, "
     "Nevada and Arizona.", ("Neurological Surgery", None, ["California", "Nevada", "Arizona"], True)),
    ("The physician reviewer is Board Certified in Family Practice with a subspecialty in Sports Medicine and is "
     "licensed to practice in California and Oregon.",
     ("Family Practice", "Sports Medicine", ["California", "Oregon"], True)),
    ("The physician reviewer is Board Certified in Emergency Medicine and holds an active license to practice in "
     "California.", ("Emergency Medicine", None, ["California"], True)),
    ("The physician reviewer is Board Certified in Orthopaedic Surgery and is licensed in California and Hawaii.",
     ("Orthopedic Surgery", None, ["California", "Hawaii"], True)),
    ("The reviewer is Certified in Oriental Medicine and is licensed to practice acupuncture in California, with more "
     "than ten years of clinical practice.", ("Acupuncture & Oriental Medicine", None, ["California"], None)),
    ("The Expert Reviewer has the following credentials:\nState(s) of Licensure: California, Arizona\n"
     "Certification(s)/Specialty: Orthopaedic Surgery", ("Orthopedic Surgery", None, ["California", "Arizona"], None)),
    ("The Expert Reviewer has the following credentials:\nState(s) of Licensure: California\n"
     "Certification(s)/Specialty: Anesthesiology, Pain Medicine",
     ("Anesthesiology", "Pain Medicine", ["California"], None)),
    ("The Expert Reviewer has the following credentials:\nState(s) of Licensure: California, Texas\n"
     "Certification(s)/Specialty: Physical Medicine and Rehabilitation",
     ("Physical Medicine & Rehabilitation", None, ["California", "Texas"], None)),
    ("The Expert Reviewer has the following credentials:\nState(s) of Licensure: California\n"
     "Certification(s)/Specialty: Psychologist", ("Psychology", None, ["California"], None)),
    ("The expert reviewer is a licensed Psychologist and is licensed to practice in New York.",
     ("Psychology", None, ["New York"], None)),
    ("The expert reviewer is a Doctor of Chiropractic licensed to practice in California.",
     ("Chiropractic", None, ["California"], None)),
    ("The expert reviewer is board-certified in Dermatology and is licensed to practice in California.",
     ("Dermatology", None, ["California"], True)),
    ("The expert reviewer is Board Certified in Rheumatology and is licensed to practice in California.",
     ("Other", None, ["California"], True)),
    ("The reviewer has no affiliation with any party.", (None, None, [], None)),
]


@pytest.mark.parametrize(("method", "want"), REVIEWERS)
def test_read_reviewer(method, want):
    r = read_reviewer(method)
    assert (r.specialty, r.subspecialty, r.licensure, r.board_certified) == want


def test_missing_specialty_is_a_warning():
    letter = parse_text(determination_letter(method="The expert reviewer has no affiliation with any party."))
    assert letter.reviewer.specialty is None
    assert "reviewer specialty not found" in letter.warnings


# (summary sentence(s), (age, sex))
PATIENTS = [
    ("The patient is a 42-year old female with an injury date of 04/27/09.", (42, "female")),
    ("The injured worker is a 61 year old woman who sustained an industrial injury on 7/8/09.", (61, "female")),
    ("The patient is a 52-year-old man with a date of injury of 08/22/2010.", (52, "male")),
    ("The applicant is a 39-year-old male warehouse selector who injured his low back.", (39, "male")),
    ("The applicant is a 31-year-old female certified nursing assistant.", (31, "female")),
    ("The applicant is a 50-year-old retail stock clerk. The applicant has chronic neck pain.", (50, None)),
    ("The patient is a 45 y/o right-handed gentleman.", (45, "male")),
    ("The patient is a 50-year-old clerk. He reports neck pain and his sleep is poor.", (50, "male")),
    ("The patient is a female, age 64, with neck pain.", (64, "female")),
    ("The patient has neck pain.", (None, None)),
    ("The patient is a forty-two year old female.", (42, "female")),  # an age spelled out by another hand
    ("The applicant is a fifty year-old man.", (50, "male")),
    ("This nineteen-year-old male fell from a ladder.", (19, "male")),
    ("A sixty-one-year-old woman, aged 61 per the report.", (61, "female")),
]


@pytest.mark.parametrize(("summary", "want"), PATIENTS)
def test_patient(summary, want):
    p = parse_text(determination_letter(summary=summary)).patient
    assert (p.age, p.sex) == want


DIAGNOSES = [
    ("The patient's diagnoses include the following:  Cervical spine herniated nucleus pulposus.  Lumbar spine "
     "herniated nucleus pulposus.  The utilization review determination being challenged is dated 11/14/14.",
     ["Cervical spine herniated nucleus pulposus", "Lumbar spine herniated nucleus pulposus"]),
    ("The injured worker was diagnosed as having lumbosacral spondylosis without myelopathy, lumbosacral radiculitis, "
     "lumbosacral joint/ligament sprain, and lumbago. L4-5 disc protrusion rule out left L5 impingement.",
     ["lumbosacral spondylosis without myelopathy", "lumbosacral radiculitis", "lumbosacral joint/ligament sprain",
      "lumbago"]),
    ("Diagnoses include lumbar degenerative disc disease at L4-5 and L5-S1, lumbar disc protrusion, and discogenic low "
     "back pain.", ["lumbar degenerative disc disease at L4-5 and L5-S1", "lumbar disc protrusion",
                    "discogenic low back pain"]),
    ("His diagnoses are right knee osteoarthritis and status post right knee arthroscopy.",
     ["right knee osteoarthritis", "status post right knee arthroscopy"]),
    ("The report lists the diagnoses as cervical strain, bilateral shoulder tendinitis, and myofascial pain.",
     ["cervical strain", "bilateral shoulder tendinitis", "myofascial pain"]),
    ("The evaluating psychologist diagnosed major depressive disorder, posttraumatic stress disorder, and insomnia "
     "related to anxiety.",
     ["major depressive disorder", "posttraumatic stress disorder", "insomnia related to anxiety"]),
    ("The diagnoses have included cervical strain, cervical degenerative disc disease, and myofascial pain syndrome.",
     ["cervical strain", "cervical degenerative disc disease", "myofascial pain syndrome"]),
    ("The diagnoses are chronic low back pain, depressive disorder NOS, and anxiety disorder NOS.",
     ["chronic low back pain", "depressive disorder NOS", "anxiety disorder NOS"]),
    ("Diagnoses: lumbar strain; left sciatica; obesity.", ["lumbar strain", "left sciatica", "obesity"]),
    ("The diagnoses include: 1. Lumbar strain 2. Cervical strain 3. Insomnia.",
     ["Lumbar strain", "Cervical strain", "Insomnia"]),
    ("The diagnoses are cervical strain, lumbar strain and insomnia.",
     ["cervical strain", "lumbar strain", "insomnia"]),
    ("The diagnoses are lumbar strain and spondylolisthesis at L4-5. She takes naproxen twice daily.",
     ["lumbar strain", "spondylolisthesis at L4-5"]),
    ("The patient's diagnoses include the following:  Spondylolisthesis at L4-5.  Lumbago.  The request is dated "
     "01/02/2015.", ["Spondylolisthesis at L4-5", "Lumbago"]),
    ("The patient's diagnoses include the following:  Left knee osteoarthritis.\n\nLeft knee effusion.  The "
     "treating physician requested a brace.", ["Left knee osteoarthritis", "Left knee effusion"]),
    ("The patient's diagnoses include the following:  Partial thickness tear of the left supraspinatus.  Left "
     "shoulder bursitis.", ["Partial thickness tear of the left supraspinatus", "Left shoulder bursitis"]),
    ("The patient has neck pain that is worse at night.", []),
]


@pytest.mark.parametrize(("summary", "want"), DIAGNOSES)
def test_read_diagnoses(summary, want):
    assert read_diagnoses(summary) == want

"""Treatment categories on wordings no annotated letter uses (SCHEMA.md's categories and precedence).

Each row is (treatment as a letter might print it, the category SCHEMA.md gives it).
A comment says why for the rows that look like another category. None of these
treatments appears in seeds/ (test_wordings_are_unseen).
"""

from __future__ import annotations

import pytest

from imr_archive.parsing import parse_text
from imr_archive.parsing.vocabulary import CATEGORIES, categorize
from tests.parsing.letters import annotated_letters, determination_letter, expected

PHARMA = "Pharmaceuticals"
PT = "Physical Therapy"
ACU = "Acupuncture"
CHIRO = "Chiropractic"
INJ = "Injections"
SURG = "Surgery"
IMG = "Diagnostic Imaging"
ODT = "Other Diagnostic Testing"
EM = "Evaluation & Management"
DME = "DMEPOS"
PSY = "Psychological Services"
HH = "Home Health"
PROG = "Programs"
OTHER = "Other"

WORDINGS: list[tuple[str, str]] = [
    # Drugs by generic name, with and without doses.
    ("Hydrocodone/APAP 10/325 #90", PHARMA),
    ("Hydrocodone bitartrate", PHARMA),
    ("Oxymorphone ER 10mg", PHARMA),
    ("Tapentadol 50 mg every 6 hours", PHARMA),
    ("Buprenorphine buccal film 150 mcg", PHARMA),
    ("Morphine sulfate ER 15 mg bid", PHARMA),
    ("Methadone", PHARMA),
    ("Fentanyl 25mcg/hr patch #10", PHARMA),
    ("Baclofen 10mg three times daily", PHARMA),
    ("Tizanidine 4mg", PHARMA),
    ("Methocarbamol", PHARMA),
    ("Carisoprodol 350mg #30", PHARMA),
    ("Duloxetine 60mg daily", PHARMA),
    ("Amitriptyline 25mg at bedtime", PHARMA),
    ("Nortriptyline", PHARMA),
    ("Venlafaxine XR 75mg", PHARMA),
    ("Celecoxib 200mg", PHARMA),
    ("Diclofenac sodium 75mg DR #60", PHARMA),
    ("Ibuprofen 800 mg", PHARMA),
    ("Etodolac ER", PHARMA),
    ("Nabumetone 750mg #60", PHARMA),
    ("Ketorolac tromethamine", PHARMA),
    ("Pantoprazole 40mg #30", PHARMA),
    ("Esomeprazole", PHARMA),
    ("Ranitidine 150mg", PHARMA),
    ("Docusate sodium 100mg", PHARMA),
    ("Sennosides", PHARMA),
    ("Lorazepam 1mg #30", PHARMA),
    ("Clonazepam", PHARMA),
    ("Eszopiclone 3mg", PHARMA),
    ("Trazodone 50mg #30 for sleep", PHARMA),
    ("Topiramate 25mg", PHARMA),
    ("Lamotrigine", PHARMA),
    ("Sumatriptan 50mg #9", PHARMA),
    ("Naloxone nasal spray", PHARMA),
    ("Prednisone taper", PHARMA),
    # Generic names no list holds, known by their stem ("-codone", "-profen", "-prazole", "-zolam").
    ("Benzhydrocodone", PHARMA),
    ("Dexketoprofen", PHARMA),
    ("Ilaprazole", PHARMA),
    ("Triazolam", PHARMA),
    ("Rosuvastatin", PHARMA),
    ("Brexpiprazole", PHARMA),
    # Drugs by brand name, with and without doses.
    ("Belbuca", PHARMA),
    ("Hysingla ER 20mg", PHARMA),
    ("Zohydro", PHARMA),
    ("Xtampza ER 9mg #60", PHARMA),
    ("Percocet 5/325", PHARMA),
    ("Dilaudid 2mg", PHARMA),
    ("Skelaxin 800mg", PHARMA),
    ("Robaxin", PHARMA),
    ("Zanaflex 4mg #90", PHARMA),
    ("Savella", PHARMA),
    ("Pristiq 50mg", PHARMA),
    ("Trintellix", PHARMA),
    ("Mobic 7.5mg", PHARMA),
    ("Duexis", PHARMA),
    ("Pennsaid 2% solution", PHARMA),
    ("Flector patch 1.3%", PHARMA),
    ("Qutenza", PHARMA),
    ("Nexium 40mg #30", PHARMA),
    ("Movantik 25mg", PHARMA),
    ("Amitiza", PHARMA),
    ("Belsomra 10mg", PHARMA),
    ("Klonopin 0.5mg", PHARMA),
    ("Gralise 600mg #90", PHARMA),
    ("Horizant", PHARMA),
    ("Latuda 40mg", PHARMA),
    ("Nuvigil", PHARMA),
    # Forms of medicine without a name the lists hold.
    ("Compounded topical analgesic cream 180g", PHARMA),
    ("Transdermal compound: gabapentin 10%, amitriptyline 5%", PHARMA),
    ("Unspecified muscle relaxant", PHARMA),
    ("Zorvexa ER 20mg #30", PHARMA),  # an unknown brand, but "ER" and a dose make it a drug
    ("Zorvexa", OTHER),  # an unknown brand alone: no rule knows it (Other, with a warning)
    # Physical medicine.
    ("Physical therapy twice weekly for six weeks, left shoulder", PT),
    ("PT 2x4 lumbar", PT),
    ("Additional PT sessions x 8", PT),
    ("Occupational therapy for the right hand, 12 visits", PT),
    ("Aquatic therapy program, 8 sessions", PT),  # "program", but aquatic therapy is physical therapy
    ("Pool therapy 2x6", PT),  # pool therapy is PT; a pool membership is a program
    ("Massage therapy x 6", PT),
    ("Work-related injury rehabilitation therapy sessions", PT),
    ("Extracorporeal shock wave therapy, right heel", PT),
    ("ESWT for plantar fasciitis x 3", PT),
    ("Dry needling, 4 sessions", PT),
    ("Vestibular therapy", PT),
    ("Iontophoresis to the left elbow", PT),
    ("Cold laser therapy, 6 sessions", PT),
    ("Spinal decompression therapy x 12", PT),  # a traction therapy, not a decompression operation
    # Chiropractic and acupuncture.
    ("Chiropractic care 1x week x 6 weeks", CHIRO),
    ("Spinal manipulation, 8 visits", CHIRO),
    ("Osteopathic manipulative treatment x 4", CHIRO),
    ("Electroacupuncture 2x3", ACU),
    ("Acupuncture with electrical stimulation, 6 sessions", ACU),
    ("Additional acupuncture visits x 8", ACU),
    # Injections.
    ("Lumbar ESI at L5-S1", INJ),
    ("Transforaminal epidural steroid injection, left L4-5 and L5-S1", INJ),
    ("Right SI joint injection under fluoroscopy", INJ),
    ("Cervical medial branch block C4-C6", INJ),
    ("Radiofrequency ablation, lumbar facets L3-S1", INJ),
    ("Subacromial corticosteroid injection, right shoulder", INJ),
    ("Synvisc-One injection, left knee", INJ),
    ("PRP injection to the right elbow", INJ),
    ("Trigger point injections x 4", INJ),
    ("Toradol 60 mg intramuscular injection", INJ),  # a drug given by injection is an injection
    ("Ketamine infusion", INJ),
    # Surgery.
    ("Left shoulder arthroscopic rotator cuff repair", SURG),
    ("L5-S1 microdiscectomy", SURG),
    ("C5-6 ACDF", SURG),
    ("Right knee partial medial meniscectomy", SURG),
    ("Left cubital tunnel release", SURG),
    ("Removal of lumbar hardware", SURG),
    ("Total hip arthroplasty, right", SURG),
    ("ORIF of the left ankle", SURG),
    ("Two-day inpatient stay", SURG),
    ("Spinal cord stimulator implantation", SURG),
    ("Manipulation under general anesthesia, left shoulder", SURG),  # not chiropractic
    # Diagnostic imaging.
    ("MR arthrogram of the right shoulder", IMG),
    ("Lumbar MRI with gadolinium", IMG),
    ("CT of the cervical spine without contrast", IMG),
    ("X-ray of the left wrist, 3 views", IMG),
    ("Flexion-extension radiographs of the lumbar spine", IMG),
    ("PET scan", IMG),
    ("Diagnostic ultrasound of the right shoulder", IMG),
    ("DEXA scan", IMG),
    ("Follow-up MRI of the lumbar spine", IMG),  # a follow-up study, not a follow-up visit
    # Other diagnostic testing.
    ("Pre-operative labs: CBC, CMP, PT/PTT", ODT),  # PT/PTT is a clotting test, not physical therapy
    ("Urine toxicology screen", ODT),
    ("Urine drug testing for opioid compliance", ODT),  # names an opioid, but a urine drug test is testing
    ("Quantitative urine drug screen", ODT),
    ("NCV of the lower extremities", ODT),
    ("EMG of the bilateral upper extremities", ODT),
    ("Nerve conduction studies, upper extremities", ODT),
    ("Sleep study to help diagnose apnea", ODT),  # "help" is not the HELP program
    ("Polysomnography", ODT),
    ("Functional capacity evaluation, 1 session", ODT),  # an evaluation, but SCHEMA files FCEs as testing
    ("Blood work: hepatic and renal function", ODT),
    ("Genetic testing for opioid risk", ODT),
    ("Cytochrome P450 pharmacogenetic testing", ODT),
    ("Computerized range of motion testing", ODT),
    ("Pulmonary function test", ODT),
    ("Holter monitor, 48 hours", ODT),  # a monitor, but a cardiac test
    # Evaluation & management.
    ("Psychiatric consultation", EM),  # consultations are E&M whatever the specialty
    ("Psychiatry consultation", EM),
    ("Consultation with a spine surgeon", EM),
    ("Referral to a hand surgeon", EM),
    ("Referral to physical therapy for evaluation", EM),  # a referral, whatever it is to
    ("Pain management follow-up visits x 4", EM),
    ("Follow up with the treating physician in 6 weeks", EM),
    ("Office visit with the orthopedist", EM),
    ("Orthopedic follow-up", EM),
    ("Neurosurgical consult", EM),
    ("Internal medicine evaluation for GI complaints", EM),
    ("Second opinion, orthopedic surgery", EM),
    ("Pre-operative cardiac clearance", EM),
    ("Rheumatology referral", EM),
    ("Monthly medication management visits", EM),
    # DMEPOS.
    ("Cervical collar, soft", DME),
    ("Hinged elbow brace", DME),
    ("Wrist splint, left", DME),
    ("Knee immobilizer and crutches", DME),
    ("Interferential unit, 30-day rental", DME),
    ("H-wave device, home trial", DME),
    ("TENS unit supplies: electrodes and batteries", DME),
    ("Continuous passive motion machine, 21 days", DME),
    ("Cold therapy unit purchase", DME),
    ("Lumbar-sacral orthosis (LSO)", DME),
    ("Custom foot orthotics", DME),
    ("Shower chair", DME),
    ("Raised toilet seat", DME),
    ("Four-wheeled walker with a seat", DME),
    ("Home cervical traction unit", DME),
    ("CPAP machine", DME),
    ("Blood pressure monitor", DME),  # "blood", but equipment, not a blood test
    ("Compression stockings, thigh high", DME),
    ("Reacher/grabber", DME),
    ("Hot and cold packs", DME),
    ("Vascutherm", DME),  # a cold compression unit by its brand
    ("Inversion table", DME),
    ("Post-operative pain pump", DME),  # an infusion pump worn home, not an implanted intrathecal pump
    # Psychological services.
    ("Psychotherapy, 8 sessions", PSY),
    ("Cognitive behavioural therapy x 6", PSY),
    ("Biofeedback, 6 sessions", PSY),
    ("Psychological testing", PSY),  # psychological, before the broad testing rule
    ("Group therapy for chronic pain, 10 sessions", PSY),
    ("Mindfulness-based stress reduction", PSY),
    ("EMDR therapy x 8", PSY),
    ("Psychiatric medication management, 6 visits", PSY),
    ("Psych eval", PSY),
    # Home health.
    ("Home health aide to help with bathing", HH),  # "help" is not the HELP program
    ("Home health aide 6 hours a day", HH),
    ("In-home care assistance, 20 hours per week", HH),
    ("Skilled nursing visits for wound care", HH),
    ("Home health evaluation", HH),
    ("Caregiver services 4 hours daily", HH),
    ("Homemaker services", HH),
    # Programs.
    ("Gym membership with pool access", PROG),
    ("YMCA membership, 6 months", PROG),
    ("Weight-loss program", PROG),
    ("Medically supervised weight reduction program", PROG),
    ("Lindora weight loss program", PROG),
    ("Work conditioning, 10 visits", PROG),
    ("HELP interdisciplinary pain program, 80 hours", PROG),
    ("Functional restoration program evaluation", PROG),  # an evaluation for admission to a program
    ("Chronic pain management program", PROG),
    ("Opioid detoxification program", PROG),
    ("FRP, 4 weeks", PROG),
    # Other.
    ("Round trip transportation to therapy", OTHER),
    ("Spanish interpreter for medical visits", OTHER),  # the interpreter, not the visits
    ("Pet therapy", OTHER),  # not a PET scan; no rule knows it: Other, with a warning
]

UNKNOWN = {"Zorvexa", "Pet therapy"}


def test_at_least_150_wordings():
    assert len(WORDINGS) >= 150
    assert len({w for w, _ in WORDINGS}) == len(WORDINGS)
    assert {c for _, c in WORDINGS} == set(CATEGORIES)


def test_wordings_are_unseen():
    seen = {i["treatment"].lower() for p in annotated_letters() for i in expected(p)["issues"]}
    assert not [w for w, _ in WORDINGS if w.lower() in seen]


@pytest.mark.parametrize(("treatment", "category"), WORDINGS)
def test_category(treatment, category):
    found = categorize(treatment)
    assert (found or OTHER) == category
    assert (found is None) == (treatment in UNKNOWN)


@pytest.mark.parametrize(("treatment", "category"), [
    ("HOME HEALTH AIDE TO HELP WITH BATHING", HH),  # all capitals: HELP cannot be told from "help"
    ("PET THERAPY", OTHER),
    ("TENS UNIT", DME),
    ("TENS", DME),  # one word alone in capitals is the acronym
    ("LUMBAR MRI", IMG),
    ("PRE-OP LABS: CBC, PT/PTT", ODT),
])
def test_category_of_a_treatment_in_capitals(treatment, category):
    assert (categorize(treatment) or OTHER) == category


def test_an_unknown_treatment_is_other_with_a_warning():
    items = ("Zorvexa: Upheld\n\nClaims Administrator guideline: Decision based on MTUS Chronic Pain Medical "
             "Treatment Guidelines.\n\nMAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment "
             "Guidelines.\n\nDecision rationale: Zorvexa is not medically necessary.")
    letter = parse_text(determination_letter(items=items))
    assert [(i.treatment, i.category) for i in letter.issues] == [("Zorvexa", "Other")]
    assert letter.warnings == ["item 1 (Zorvexa): treatment category not recognised, filed under Other"]


def test_an_explicit_other_has_no_warning():
    items = ("Transportation to medical appointments: Upheld\n\nClaims Administrator guideline: Decision based on "
             "ODG.\n\nMAXIMUS guideline: Decision based on ODG.\n\nDecision rationale: It is not medically necessary.")
    letter = parse_text(determination_letter(items=items))
    assert [i.category for i in letter.issues] == ["Other"]
    assert letter.warnings == []


def test_categorize_reads_a_bounded_prefix():
    """A heading run into a paragraph is categorised by its first words, at a heading's cost."""
    assert categorize("Physical therapy " + "a" * 100_000) == PT
    assert categorize("a" * 100_000 + " MRI") is None

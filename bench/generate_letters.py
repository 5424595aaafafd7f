#!/usr/bin/env python3
"""Generate synthetic IMR final determination letters and their expected parses.

    python bench/generate_letters.py OUT_DIR --count 10000 [--seed 1]

Writes OUT_DIR/gen-000001.txt with OUT_DIR/gen-000001.json beside it, and so
on: letters in the three layouts of /work/shared/corpus/FORMATS.md
(determination, documents-reviewed, professional-review) carrying the PDF
extraction debris the real letters carry, and for each the parse a correct
parser should produce, in the shape of SCHEMA.md version 1 and following its
conventions (treatment as written without the decision word, canonical
guideline and specialty names, chapter conventions, sorted pages...).

Standard library only, no Django. Deterministic for a given seed: letter i
is drawn from its own random generator seeded with (seed, i), so any letter
can be regenerated alone and the output does not depend on --count. Letters
are written one at a time (nothing is kept in memory between letters).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

# ---------------------------------------------------------------------------
# Canonical names (SCHEMA.md)
# ---------------------------------------------------------------------------

G_CP = "MTUS Chronic Pain Medical Treatment Guidelines"
G_ACU = "MTUS Acupuncture Medical Treatment Guidelines"
G_POST = "MTUS Postsurgical Treatment Guidelines"
G_ACOEM = "ACOEM Practice Guidelines"
G_ODG = "Official Disability Guidelines"
G_OTHER = "Other"

EDITION = "2nd Edition (2004)"

FORMAT_DET = "determination"
FORMAT_DOCS = "documents-reviewed"
FORMAT_PROF = "professional-review"

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

ACOEM_CHAPTERS: dict[int, str] = {
    6: "Pain, Suffering, and the Restoration of Function",
    7: "Independent Medical Examinations and Consultations",
    8: "Neck and Upper Back Complaints",
    9: "Shoulder Complaints",
    10: "Elbow Complaints",
    11: "Forearm, Wrist, and Hand Complaints",
    12: "Low Back Complaints",
    13: "Knee Complaints",
    14: "Ankle and Foot Complaints",
    15: "Stress Related Conditions",
}

# canonical specialty -> (weight, spellings as a letter may print them)
SPECIALTIES: dict[str, tuple[float, list[str]]] = {
    "Physical Medicine & Rehabilitation": (
        22,
        ["Physical Medicine and Rehabilitation"] * 6
        + ["Physical Medicine & Rehabilitation"] * 2
        + ["Physical Medicine Rehabilitation"],
    ),
    "Orthopedic Surgery": (18, ["Orthopedic Surgery", "Orthopaedic Surgery"]),
    "Anesthesiology": (12, ["Anesthesiology"]),
    "Pain Management": (5, ["Pain Management"]),
    "Internal Medicine": (8, ["Internal Medicine"]),
    "Family Practice": (9, ["Family Medicine", "Family Medicine", "Family Practice"]),
    "Occupational Medicine": (8, ["Occupational Medicine"]),
    "Neurology": (4, ["Neurology"]),
    "Neurological Surgery": (2, ["Neurological Surgery"]),
    "Psychiatry": (2, ["Psychiatry"]),
    "Emergency Medicine": (3, ["Emergency Medicine"]),
    "Sports Medicine": (2, ["Sports Medicine"]),
    "General Surgery": (1, ["General Surgery"]),
    "Dermatology": (0.3, ["Dermatology"]),
    "Plastic Surgery": (1, ["Plastic Surgery"]),
    "Podiatry": (1, ["Podiatry"]),
    "Chiropractic": (2, ["Chiropractic"]),
    "Psychology": (1.5, ["Psychologist", "Psychology"]),
    "Acupuncture & Oriental Medicine": (1, ["Oriental Medicine"]),
    "Physical Therapy": (0.4, ["Physical Therapy"]),
}
# specialties a letter names only in the "Certification(s)/Specialty:" block
NON_PHYSICIAN = {"Chiropractic", "Psychology", "Acupuncture & Oriental Medicine", "Physical Therapy"}
SUBSPECIALTIES: dict[str, list[str]] = {
    "Anesthesiology": ["Pain Medicine"],
    "Physical Medicine & Rehabilitation": ["Pain Medicine", "Interventional Spine", "Sports Medicine"],
    "Orthopedic Surgery": ["Spine Surgery", "Surgery of the Hand", "Sports Medicine"],
    "Neurology": ["Neuromuscular Medicine", "Pain Medicine", "Clinical Neurophysiology"],
    "Family Practice": ["Sports Medicine"],
    "Internal Medicine": ["Sleep Medicine", "Rheumatology"],
    "Plastic Surgery": ["Surgery of the Hand"],
    "Psychiatry": ["Addiction Psychiatry"],
    "Emergency Medicine": ["Medical Toxicology"],
}
OTHER_STATES = [
    "Nevada",
    "Arizona",
    "Oregon",
    "Washington",
    "Texas",
    "Illinois",
    "Pennsylvania",
    "Hawaii",
    "New York",
    "Florida",
    "Colorado",
    "Utah",
    "Massachusetts",
    "Ohio",
    "Michigan",
    "New Mexico",
    "Idaho",
    "Maryland",
    "Georgia",
    "Virginia",
]

OCCUPATIONS = [
    "warehouse selector",
    "retail stock clerk",
    "certified nursing assistant",
    "assembler",
    "warehouse associate",
    "bus driver",
    "correctional officer",
    "line cook",
    "machine operator",
    "truck driver",
    "janitor",
    "police officer",
    "firefighter",
    "home health aide",
    "office assistant",
    "school custodian",
    "delivery driver",
    "carpenter",
    "landscaper",
    "cashier",
    "grocery clerk",
    "electrician",
    "data entry clerk",
    "housekeeper",
]

# ---------------------------------------------------------------------------
# Body regions
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Region:
    key: str
    sided: bool
    names: tuple[str, ...]  # "{side} shoulder" style when sided
    acoem: int | None
    acoem_img: str
    acoem_surg: str
    acoem_brace: str
    odg: tuple[str, ...]
    odg_img: str
    post: tuple[str, str] | None  # postsurgical topic, pages
    diagnoses: tuple[str, ...]
    complaints: tuple[str, ...]
    exams: tuple[str, ...]
    mechanisms: tuple[str, ...]
    findings: tuple[str, ...]
    weight: float


REGIONS: list[Region] = [
    Region(
        "lumbar",
        False,
        ("lumbar spine", "low back", "lumbar spine"),
        12,
        "303-304",
        "305-307",
        "301",
        ("Low Back", "Low Back", "Low Back - Lumbar & Thoracic (Acute & Chronic)"),
        "MRIs (magnetic resonance imaging)",
        ("Low Back", "25-26"),
        (
            "lumbar radiculopathy",
            "lumbar degenerative disc disease",
            "lumbar sprain/strain",
            "lumbar myofascial pain",
            "lumbar disc displacement without myelopathy",
            "lumbar spondylosis",
            "lumbar post-laminectomy syndrome",
            "failed back surgery syndrome",
            "lumbar facet arthropathy",
            "lumbosacral radiculitis",
            "lumbago",
            "L5-S1 disc protrusion",
            "lumbar spinal stenosis",
            "sacroiliac joint dysfunction",
            "lumbar disc herniation with radiculopathy",
            "spondylolisthesis at L4-5",
            "lumbar degenerative disc disease at L4-5 and L5-S1",
            "lumbar strain",
            "discogenic low back pain",
            "lumbar spine herniated nucleus pulposus",
        ),
        (
            "chronic low back pain radiating to the {side} lower extremity",
            "low back pain with radicular symptoms into the {side} leg",
            "constant low back pain with stiffness",
            "low back pain that radiates to the {side} buttock",
        ),
        (
            "lumbar paraspinal tenderness and decreased range of motion",
            "a positive straight leg raise on the {side} at 45 degrees",
            "decreased sensation over the {side} L5 dermatome",
            "tenderness over the lumbar facets with pain on extension",
        ),
        (
            "lifting a box of files",
            "unloading pallets of floor tile",
            "moving a steel beam",
            "pulling a heavy cart",
            "lifting a patient",
            "carrying drywall at a construction site",
        ),
        (
            "disc desiccation with a 3mm disc bulge at L4-5",
            "a 4mm disc protrusion at L5-S1 without significant stenosis",
            "multilevel degenerative changes with mild foraminal narrowing",
        ),
        40,
    ),
    Region(
        "cervical",
        False,
        ("cervical spine", "neck", "cervical spine"),
        8,
        "177-178",
        "179-180",
        "175",
        ("Neck and Upper Back", "Neck and Upper Back", "Neck and Upper Back (Acute & Chronic)"),
        "Magnetic resonance imaging (MRI)",
        ("Neck & Upper Back", "26"),
        (
            "cervical radiculopathy",
            "cervical spondylosis",
            "cervical strain",
            "cervical degenerative disc disease",
            "cervical post-laminectomy syndrome",
            "myofascial pain syndrome",
            "cervicalgia",
            "cervical disc herniation",
            "cervical spine herniated nucleus pulposus",
            "status post C5-6 fusion",
        ),
        (
            "neck pain radiating into the {side} upper extremity",
            "chronic neck pain with stiffness",
            "neck pain with occasional radiation to the {side} shoulder blade",
        ),
        (
            "tenderness over the cervical paraspinal and upper trapezius muscles",
            "decreased cervical rotation",
            "a positive Spurling's test on the {side}",
            "diminished sensation in the {side} C6 distribution",
        ),
        (
            "was rear-ended while driving a company vehicle",
            "lifting boxes onto a high shelf",
            "reaching overhead to stock shelves",
            "falling down a flight of stairs",
        ),
        (
            "a disc osteophyte complex at C5-6 with moderate foraminal narrowing",
            "mild degenerative disc disease at C5-6 and C6-7",
        ),
        15,
    ),
    Region(
        "shoulder",
        True,
        ("{side} shoulder",),
        9,
        "207-209",
        "209-211",
        "204",
        ("Shoulder", "Shoulder", "Shoulder (Acute & Chronic)"),
        "Magnetic resonance imaging (MRI)",
        ("Shoulder", "26-27"),
        (
            "{side} shoulder impingement syndrome",
            "{side} rotator cuff tendinosis",
            "{side} acromioclavicular joint arthrosis",
            "{side} shoulder strain",
            "{side} biceps tendinitis",
            "{side} shoulder adhesive capsulitis",
            "partial thickness rotator cuff tear of the {side} shoulder",
            "status post {side} shoulder arthroscopy",
        ),
        (
            "{side} shoulder pain with overhead activity",
            "intermittent anterior {side} shoulder pain",
            "{side} shoulder pain at night",
        ),
        (
            "a painful arc with positive Neer and Hawkins signs",
            "forward flexion to 150 degrees",
            "tenderness over the bicipital groove",
            "weakness of the supraspinatus",
        ),
        (
            "reaching overhead to stock shelves",
            "lifting a box onto a shelf above shoulder height",
            "catching a falling patient",
        ),
        ("supraspinatus tendinosis without a full thickness tear", "mild acromioclavicular joint arthrosis"),
        12,
    ),
    Region(
        "knee",
        True,
        ("{side} knee",),
        13,
        "341-343",
        "344-345",
        "340",
        ("Knee & Leg", "Knee & Leg", "Knee & Leg (Acute & Chronic)"),
        "MRI's (magnetic resonance imaging)",
        ("Knee", "24-25"),
        (
            "{side} knee sprain",
            "{side} knee medial meniscus degeneration",
            "bilateral knee osteoarthritis",
            "status post {side} knee arthroscopy",
            "{side} knee osteoarthritis",
            "{side} knee medial meniscus tear",
            "patellofemoral syndrome of the {side} knee",
            "chondromalacia patella",
        ),
        (
            "{side} knee pain with prolonged standing and stairs",
            "{side} knee pain with walking",
            "intermittent medial {side} knee pain",
        ),
        (
            "medial joint line tenderness",
            "crepitus with a mild effusion",
            "a negative McMurray test",
            "full range of motion with a stable knee",
        ),
        ("slipping on a wet floor", "stepping off a loading dock", "kneeling to repair a pipe"),
        ("grade 1 signal change in the posterior horn of the medial meniscus", "moderate medial joint space narrowing"),
        12,
    ),
    Region(
        "wrist",
        True,
        ("{side} wrist", "{side} wrist and hand", "{side} hand"),
        11,
        "268-269",
        "270",
        "264-265",
        ("Forearm, Wrist, & Hand", "Carpal Tunnel Syndrome", "Carpal Tunnel Syndrome"),
        "MRI's (magnetic resonance imaging)",
        ("Carpal Tunnel Syndrome", "15-16"),
        (
            "{side} carpal tunnel syndrome",
            "bilateral carpal tunnel syndrome",
            "{side} hand paresthesias",
            "{side} wrist sprain",
            "{side} de Quervain's tenosynovitis",
            "{side} trigger thumb",
            "complex regional pain syndrome type I of the {side} upper extremity",
        ),
        (
            "numbness and tingling of the {side} hand",
            "{side} wrist pain with gripping",
            "night symptoms in the {side} hand",
        ),
        (
            "positive Tinel's and Phalen's signs",
            "decreased two-point discrimination in the median distribution",
            "tenderness over the first dorsal compartment",
        ),
        ("repetitive assembly work", "typing for long periods", "operating a sealing press"),
        ("mild tenosynovitis", "no ligament tear"),
        10,
    ),
    Region(
        "ankle",
        True,
        ("{side} ankle", "{side} foot"),
        14,
        "374-375",
        "374-375",
        "371-372",
        ("Ankle & Foot", "Ankle & Foot (Acute & Chronic)"),
        "Magnetic resonance imaging (MRI)",
        ("Ankle & Foot", "12-13"),
        (
            "{side} ankle sprain",
            "{side} plantar fasciitis",
            "{side} ankle osteoarthritis",
            "{side} Achilles tendinitis",
            "status post open reduction internal fixation of the {side} ankle",
        ),
        ("{side} ankle pain with prolonged walking", "{side} heel pain in the morning"),
        ("tenderness over the anterior talofibular ligament", "tenderness at the plantar fascia insertion"),
        ("stepping into a pothole", "falling from a ladder"),
        ("a healed distal fibula fracture", "thickening of the plantar fascia"),
        4,
    ),
    Region(
        "elbow",
        True,
        ("{side} elbow",),
        10,
        "33",
        "37",
        "34",
        ("Elbow", "Elbow (Acute & Chronic)"),
        "MRIs (magnetic resonance imaging)",
        None,
        ("{side} lateral epicondylitis", "{side} cubital tunnel syndrome", "{side} elbow strain"),
        ("lateral {side} elbow pain with gripping", "numbness in the {side} ring and small fingers"),
        ("tenderness over the lateral epicondyle", "a positive Tinel's sign at the cubital tunnel"),
        ("using a torque wrench", "lifting crates of produce"),
        ("thickening of the common extensor tendon",),
        3,
    ),
    Region(
        "psych",
        False,
        ("",),
        15,
        "",
        "",
        "",
        ("Mental Illness & Stress",),
        "",
        None,
        (
            "major depressive disorder",
            "posttraumatic stress disorder",
            "insomnia related to anxiety",
            "depressive disorder NOS",
            "anxiety disorder NOS",
            "adjustment disorder with anxiety",
            "pain disorder associated with psychological factors",
        ),
        ("depressed mood, anxiety and difficulty sleeping", "nightmares and anxiety"),
        ("a flat affect and tearfulness", "anxious mood with intact judgment"),
        ("was assaulted by a customer", "witnessed a coworker's fatal fall"),
        ("",),
        4,
    ),
]
REGION_BY_KEY = {r.key: r for r in REGIONS}

GENERAL_DIAGNOSES = [
    "chronic pain syndrome",
    "sleep disturbance",
    "insomnia",
    "gastritis",
    "obesity",
    "medication-induced dyspepsia",
    "opioid-induced nausea",
    "depression",
]
COMORBIDITIES = [
    "hypertension",
    "type 2 diabetes",
    "hyperlipidemia",
    "asthma",
    "stage 3 chronic kidney disease",
    "gastroesophageal reflux disease",
    "hypothyroidism",
]

# ---------------------------------------------------------------------------
# Citations
# ---------------------------------------------------------------------------


def parse_pages(spec: str) -> tuple[tuple[int, int], ...]:
    """'76-80, 88-89' -> ((76, 80), (88, 89)); '43' -> ((43, 43),)."""
    out = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            a, b = part.split("-")
            out.append((int(a), int(b)))
        else:
            out.append((int(part), int(part)))
    return tuple(out)


@dataclass(frozen=True)
class Cit:
    """One guideline citation, independent of how a letter words it."""

    g: str  # cp acu post acoem odg other
    topic: str | None = None  # cp/post topic, odg topic, other topic
    chapter: str | None = None  # odg chapter name, other source
    ch: int | None = None  # acoem chapter number
    pages: tuple[tuple[int, int], ...] = ()
    section: str | None = None
    mtus: bool = True
    edition: bool = False  # acoem 2nd Edition (2004) printed

    def expected(self, source: str) -> dict[str, Any]:
        guideline = {"cp": G_CP, "acu": G_ACU, "post": G_POST, "acoem": G_ACOEM, "odg": G_ODG, "other": G_OTHER}[self.g]
        if self.g in ("cp", "post"):
            chapter = self.topic
        elif self.g == "acoem":
            chapter = str(self.ch)
        elif self.g in ("odg", "other"):
            chapter = self.chapter
        else:
            chapter = None
        pages: list[int] = []
        for a, b in self.pages:
            pages.extend(range(a, b + 1))
        return {
            "source": source,
            "guideline": guideline,
            "mtus": self.mtus,
            "edition": EDITION if (self.g == "acoem" and self.edition) else None,
            "chapter": chapter,
            "section": self.section,
            "pages": sorted(set(pages)),
        }


def cp(topic: str | None, pages: str = "", section: str | None = None) -> Cit:
    return Cit("cp", topic=topic, pages=parse_pages(pages), section=section)


def acu(section: str | None = None) -> Cit:
    return Cit("acu", section=section)


def post(topic: str | None, pages: str, section: str | None = None) -> Cit:
    return Cit("post", topic=topic, pages=parse_pages(pages), section=section)


def acoem(ch: int, pages: str, edition: bool | None = None, mtus: bool = True) -> Cit:
    return Cit("acoem", ch=ch, pages=parse_pages(pages), mtus=mtus, edition=True if edition is None else edition)


def odg(chapter: str, topic: str | None) -> Cit:
    return Cit("odg", chapter=chapter, topic=topic, mtus=False)


def other(source: str, topic: str) -> Cit:
    return Cit("other", chapter=source, topic=topic, mtus=False)


def fmt_pages_det(pages: tuple[tuple[int, int], ...]) -> str:
    return ", ".join(f"{a}-{b}" if a != b else str(a) for a, b in pages)


def fmt_pages_prose(pages: tuple[tuple[int, int], ...]) -> str:
    parts = [f"{a}-{b}" if a != b else str(a) for a, b in pages]
    word = "page" if len(parts) == 1 and pages[0][0] == pages[0][1] else "pages"
    if len(parts) == 1:
        return f"{word} {parts[0]}"
    return f"{word} {', '.join(parts[:-1])} and {parts[-1]}"


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------


def wchoice(rng: random.Random, pairs: list[tuple[Any, float]]) -> Any:
    total = sum(w for _, w in pairs)
    x = rng.random() * total
    for item, w in pairs:
        x -= w
        if x < 0:
            return item
    return pairs[-1][0]


def fmt_date(d: date, style: str) -> str:
    if style == "mdY":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if style == "mdy":
        return f"{d.month:02d}/{d.day:02d}/{d.year % 100:02d}"
    if style == "MDy":
        return f"{d.month}/{d.day}/{d.year % 100:02d}"
    if style == "MDY":
        return f"{d.month}/{d.day}/{d.year}"
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def rand_date_style(rng: random.Random) -> str:
    return wchoice(rng, [("mdY", 45), ("mdy", 20), ("MDy", 15), ("MDY", 6), ("month", 14)])


def join_list(items: list[str], oxford: bool = True) -> str:
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return f"{items[0]} and {items[1]}"
    return ", ".join(items[:-1]) + ("," if oxford else "") + " and " + items[-1]


BRANDS = {
    "Norco",
    "Percocet",
    "OxyContin",
    "Nucynta",
    "Lyrica",
    "Celebrex",
    "Flexeril",
    "Soma",
    "Ambien",
    "Lidoderm",
    "Terocin",
    "Synvisc-One",
    "Cymbalta",
    "Neurontin",
    "Ultram",
    "Butrans",
    "Voltaren",
    "Menthoderm",
    "MS",
    "Ultracet",
    "Anaprox",
    "Prilosec",
    "Protonix",
    "Zofran",
    "Xanax",
    "Relafen",
    "Senokot-S",
    "Hysingla",
    "Lunesta",
    "Orthopedic",
    "Neurologist",
}


def lower_first(t: str) -> str:
    first = t.split(" ", 1)[0]
    if first in BRANDS or not first[:1].isupper():
        return t
    if any(c.isupper() for c in first[1:]) or any(c.isdigit() for c in first):
        return t
    return t[0].lower() + t[1:]


# ---------------------------------------------------------------------------
# Items (disputed treatments)
# ---------------------------------------------------------------------------


@dataclass
class Item:
    treatment: str
    category: str
    rkey: str
    ca: list[Cit]  # empty: the claims administrator cited nothing
    rev: list[Cit]
    count: tuple[int, str] | None = None  # (n, unit) when a partial certification can be counted
    qty: int | None = None  # drug quantity
    drug: str | None = None
    med_phrase: str | None = None  # "Norco 10/325mg four times daily"
    outcome: str = "upheld"
    stated: bool = True
    region: Region | None = None  # the body region the request is for, when it has one


FREQ_WORDS = {1: "once", 2: "twice", 3: "three times", 4: "four times", 6: "six times"}


def drug_item(
    rng: random.Random,
    rkey: str,
    table: list[tuple[str, list[str], list[int], float]],
    ca_pool: list[tuple[Cit, float]],
    rev_pool: list[tuple[Cit, float]],
    extra_rev: list[tuple[Cit, float]] | None = None,
) -> Item:
    name, strengths, qtys, _ = wchoice(rng, [(row, row[3]) for row in table])
    strength = rng.choice(strengths)
    qty = rng.choice(qtys)
    base = f"{name} {strength}".strip()
    style = wchoice(rng, [("hash", 70), ("comma", 8), ("count", 6), ("qty", 5), ("rx", 6), ("retro", 3), ("refill", 2)])
    if style == "hash":
        t = f"{base} #{qty}"
    elif style == "comma":
        t = f"{base}, #{qty}"
    elif style == "count":
        t = f"{base}, {qty} count"
    elif style == "qty":
        t = f"{base} quantity {qty}"
    elif style == "rx":
        t = f"1 prescription of {base} #{qty}"
    elif style == "retro":
        t = f"Retrospective {base} #{qty}"
    else:
        t = f"{base} #{qty} with 2 refills"
    ca = [wchoice(rng, ca_pool)] if ca_pool else []
    rev = [wchoice(rng, rev_pool)]
    if extra_rev and rng.random() < 0.25:
        x = wchoice(rng, extra_rev)
        if x not in rev:
            rev.append(x)
    freq = rng.choice([1, 2, 2, 3, 3, 4])
    med = f"{base} {FREQ_WORDS[freq]} daily" if freq > 1 else f"{base} daily"
    return Item(t, "Pharmaceuticals", rkey, ca, rev, qty=qty, drug=name.split(" (")[0], med_phrase=med)


OPIOIDS = [
    ("Norco", ["10/325mg", "7.5/325mg", "5/325mg"], [60, 90, 120, 180], 24),
    ("Hydrocodone/APAP", ["10/325mg", "7.5/325mg"], [60, 90, 120], 10),
    ("Tramadol", ["50mg"], [60, 90, 120], 16),
    ("Tramadol ER", ["150mg", "100mg", "200mg"], [30, 60], 8),
    ("Oxycodone", ["5mg", "10mg", "15mg", "30mg"], [60, 90, 120], 8),
    ("OxyContin", ["10mg", "20mg", "40mg"], [60, 90], 4),
    ("Percocet", ["10/325mg", "5/325mg"], [60, 90, 120], 6),
    ("Oxycodone/APAP", ["10/325mg", "5/325mg"], [60, 90], 3),
    ("Tapentadol (Nucynta)", ["50mg", "75mg"], [60, 90], 3),
    ("Nucynta ER", ["100mg", "150mg"], [60], 2),
    ("Morphine sulfate ER", ["15mg", "30mg"], [60, 90], 2),
    ("MS Contin", ["15mg", "30mg", "60mg"], [60, 90], 2),
    ("Fentanyl patch", ["25mcg/hr", "50mcg/hr"], [10, 15], 2),
    ("Hydromorphone", ["2mg", "4mg"], [60, 90], 2),
    ("Methadone", ["5mg", "10mg"], [90, 120], 1.5),
    ("Butrans patch", ["5mcg/hr", "10mcg/hr"], [4], 1.5),
    ("Ultracet", ["37.5/325mg"], [60, 90], 2),
    ("Acetaminophen with codeine", ["300/30mg"], [60, 90], 1.5),
    ("Hysingla ER", ["20mg", "30mg"], [30], 1),
]
MUSCLE = [
    ("Cyclobenzaprine", ["7.5mg", "10mg", "5mg"], [30, 60, 90], 40),
    ("Flexeril", ["10mg", "7.5mg"], [30, 60], 8),
    ("Tizanidine", ["2mg", "4mg"], [60, 90], 14),
    ("Baclofen", ["10mg", "20mg"], [60, 90], 6),
    ("Carisoprodol (Soma)", ["350mg"], [60, 90], 8),
    ("Soma", ["350mg"], [30, 60], 5),
    ("Methocarbamol", ["500mg", "750mg"], [60, 90], 6),
    ("Orphenadrine ER", ["100mg"], [60], 6),
    ("Metaxalone", ["800mg"], [60], 3),
]
NSAIDS = [
    ("Naproxen", ["550mg", "500mg"], [60, 90], 20),
    ("Naproxen sodium", ["550mg"], [60, 90, 100], 12),
    ("Anaprox DS", ["550mg"], [60], 4),
    ("Ibuprofen", ["800mg", "600mg"], [60, 90], 12),
    ("Meloxicam", ["7.5mg", "15mg"], [30, 60], 10),
    ("Diclofenac sodium ER", ["100mg"], [30, 60], 8),
    ("Celecoxib (Celebrex)", ["200mg", "100mg"], [30, 60], 6),
    ("Nabumetone", ["500mg", "750mg"], [60, 90], 6),
    ("Etodolac ER", ["400mg"], [30, 60], 3),
    ("Relafen", ["750mg"], [60], 2),
]
PPIS = [
    ("Omeprazole", ["20mg", "40mg"], [30, 60, 90], 40),
    ("Prilosec", ["20mg"], [30, 60], 6),
    ("Pantoprazole", ["20mg", "40mg"], [30, 60], 20),
    ("Protonix", ["20mg", "40mg"], [60], 5),
    ("Ranitidine", ["150mg"], [60], 10),
    ("Lansoprazole", ["30mg"], [30], 6),
]
AEDS = [
    ("Gabapentin", ["300mg", "600mg", "800mg"], [60, 90, 120], 40),
    ("Neurontin", ["300mg", "600mg"], [90], 8),
    ("Pregabalin (Lyrica)", ["75mg", "150mg", "50mg"], [60, 90], 15),
    ("Lyrica", ["75mg", "150mg"], [60], 8),
    ("Topiramate", ["25mg", "50mg"], [60], 6),
]
ANTIDEP = [
    ("Duloxetine (Cymbalta)", ["30mg", "60mg"], [30, 60], 15),
    ("Cymbalta", ["60mg", "30mg"], [30], 8),
    ("Amitriptyline", ["10mg", "25mg", "50mg"], [30, 60], 12),
    ("Nortriptyline", ["25mg", "10mg"], [30, 60], 6),
    ("Trazodone", ["50mg", "100mg"], [30, 60], 10),
    ("Sertraline", ["50mg", "100mg"], [30], 6),
    ("Venlafaxine ER", ["75mg", "150mg"], [30], 4),
]
BENZOS = [
    ("Alprazolam", ["0.5mg", "1mg", "0.25mg"], [30, 60, 90], 25),
    ("Xanax", ["0.5mg", "1mg"], [30, 60], 6),
    ("Clonazepam", ["0.5mg", "1mg"], [30, 60], 15),
    ("Lorazepam", ["1mg", "0.5mg"], [30, 60], 10),
    ("Diazepam", ["5mg", "10mg"], [30, 60], 10),
    ("Temazepam", ["15mg", "30mg"], [30], 10),
]
HYPNOTICS = [
    ("Zolpidem", ["10mg", "5mg"], [30], 40),
    ("Ambien", ["10mg", "5mg"], [30], 12),
    ("Zolpidem ER", ["12.5mg", "6.25mg"], [30], 10),
    ("Eszopiclone (Lunesta)", ["2mg", "3mg"], [30], 8),
    ("Lunesta", ["3mg"], [30], 4),
]
ANTIEMETICS = [
    ("Ondansetron", ["8mg ODT", "4mg", "8mg"], [20, 30], 50),
    ("Zofran", ["8mg", "4mg"], [20, 30], 10),
    ("Promethazine", ["25mg", "12.5mg"], [30, 60], 10),
]
LAXATIVES = [
    ("Docusate sodium", ["100mg", "250mg"], [60, 90], 10),
    ("Senokot-S", ["8.6/50mg"], [60, 100], 6),
]
TOPICALS = [
    "Lidoderm 5% patch #{q}",
    "Lidoderm 5% patches #{q}",
    "Lidocaine 5% patch #{q}",
    "Lidocaine 5% ointment, {g}gm",
    "Compounded Ketoprofen 20% cream, {g}gm",
    "Flurbiprofen 20%/Lidocaine 5% cream, {g}gm",
    "Terocin patch #{q}",
    "Terocin lotion {g}ml",
    "Menthoderm gel {g}gm",
    "Voltaren 1% gel {g}gm",
    "Diclofenac sodium 1% gel, {g}gm",
    "Capsaicin 0.075% cream {g}gm",
    "Gabapentin 10%/Ketoprofen 10% cream, {g}gm",
    "Compounded topical cream containing Flurbiprofen 20%, Cyclobenzaprine 4% and Lidocaine 5%, {g}gm",
    "Compound: Flurbiprofen/Cyclobenzaprine/Menthol cream, {g}gm",
    "Compounded Tramadol 8%/Gabapentin 10% cream, {g}gm",
]

OPIOID_CA = [
    (cp("Opioids", "74-96"), 30),
    (cp("Opioids, criteria for use", "76-80"), 30),
    (cp("Criteria for use of opioids", "76-80"), 6),
    (cp("Opioids, specific drug list", "91-94"), 6),
    (cp(None, "74-96"), 5),
    (odg("Pain (Chronic)", "Opioids, criteria for use"), 5),
    (cp("Opioids for chronic pain", "80-82"), 5),
]
OPIOID_REV = [
    (cp("Opioids, criteria for use", "76-80"), 30),
    (cp("Opioids, criteria for use", "76-80, 88-89"), 8),
    (cp("Opioids, long-term assessment", "88-89"), 12),
    (cp("Opioids, dosing", "86"), 8),
    (cp("Opioids, on-going management", "78"), 12),
    (cp("When to Discontinue Opioids", "79-80"), 6),
    (cp("Opioids for chronic pain", "80-82"), 6),
    (cp("Opioids", "74-96"), 8),
]
OPIOID_EXTRA = [
    (cp("Weaning of Medications", "124"), 5),
    (cp("Opioids, dealing with misuse & addiction", "84-85"), 2),
    (cp("Drug testing", "43"), 2),
    (odg("Pain (Chronic)", "Opioids, criteria for use"), 2),
]


def k_opioid(g: LetterGen) -> Item:
    it = drug_item(g.rng, "opioid", OPIOIDS, OPIOID_CA, OPIOID_REV, OPIOID_EXTRA)
    d = it.drug or ""
    if d.startswith(("Tramadol", "Ultracet")) and g.rng.random() < 0.5:
        it.rev.append(cp("Tramadol (Ultram)", "113"))
    elif d == "Methadone" and g.rng.random() < 0.6:
        it.rev = [cp("Methadone", "61-62")]
    elif d == "Butrans patch" and g.rng.random() < 0.6:
        it.rev = [cp("Buprenorphine", "26-27")]
    if g.rng.random() < 0.08:
        it.ca = []
    return it


def k_muscle(g: LetterGen) -> Item:
    return drug_item(
        g.rng,
        "muscle",
        MUSCLE,
        [
            (cp("Muscle relaxants (for pain)", "63-66"), 40),
            (cp(None, "63-66"), 12),
            (cp("Cyclobenzaprine (Flexeril)", "41-42"), 10),
            (cp("Muscle relaxants", "63"), 8),
            (odg("Pain (Chronic)", "Muscle relaxants (for pain)"), 5),
        ],
        [
            (cp("Muscle relaxants (for pain)", "63-66"), 40),
            (cp("Cyclobenzaprine (Flexeril)", "41-42"), 20),
            (cp("Carisoprodol (Soma)", "29"), 8),
            (cp("Antispasmodics", "64-65"), 6),
            (cp("Tizanidine (Zanaflex)", "66"), 6),
        ],
    )


def k_nsaid(g: LetterGen) -> Item:
    return drug_item(
        g.rng,
        "nsaid",
        NSAIDS,
        [
            (cp("NSAIDs", "67-68"), 25),
            (cp("NSAIDs (non-steroidal anti-inflammatory drugs)", "67-73"), 25),
            (cp(None, "67-68"), 8),
            (cp("Anti-inflammatory medications", "22"), 10),
        ],
        [
            (cp("NSAIDs (non-steroidal anti-inflammatory drugs)", "67-73"), 30),
            (cp("NSAIDs, specific drug list & adverse effects", "70-73"), 20),
            (cp("Anti-inflammatory medications", "22"), 10),
            (cp("NSAIDs, hypertension and renal function", "69"), 5),
        ],
        [
            (odg("Pain (Chronic)", "NSAIDs (non-steroidal anti-inflammatory drugs)"), 3),
            (cp("NSAIDs, GI symptoms & cardiovascular risk", "68-69"), 3),
        ],
    )


def k_ppi(g: LetterGen) -> Item:
    return drug_item(
        g.rng,
        "ppi",
        PPIS,
        [
            (cp("NSAIDs, GI symptoms & cardiovascular risk", "68-69"), 50),
            (odg("Pain", "Proton pump inhibitors (PPIs)"), 15),
            (odg("Pain (Chronic)", "Proton pump inhibitors (PPIs)"), 10),
            (cp(None, "68-69"), 6),
        ],
        [
            (cp("NSAIDs, GI symptoms & cardiovascular risk", "68-69"), 60),
            (odg("Pain (Chronic)", "Proton pump inhibitors (PPIs)"), 10),
        ],
    )


def k_aed(g: LetterGen) -> Item:
    return drug_item(
        g.rng,
        "aed",
        AEDS,
        [
            (cp("Anti-epilepsy drugs (AEDs)", "16-18"), 25),
            (cp("Anti-epilepsy drugs (AEDs)", "16-22"), 15),
            (cp("Gabapentin (Neurontin)", "18-19"), 15),
            (cp("Pregabalin (Lyrica)", "19-20"), 8),
            (cp(None, "16-22"), 5),
        ],
        [
            (cp("Anti-epilepsy drugs (AEDs)", "16-20"), 20),
            (cp("Gabapentin (Neurontin)", "18-19"), 25),
            (cp("Pregabalin (Lyrica)", "19-20"), 12),
            (cp("Anti-epilepsy drugs (AEDs)", "16-22"), 15),
            (cp("Topiramate (Topamax)", "21"), 4),
        ],
    )


def k_antidep(g: LetterGen) -> Item:
    return drug_item(
        g.rng,
        "antidep",
        ANTIDEP,
        [
            (cp("Antidepressants for chronic pain", "13-16"), 40),
            (cp(None, "13-16"), 8),
            (odg("Mental Illness & Stress", "Antidepressants for treatment of MDD (major depressive disorder)"), 10),
        ],
        [
            (cp("Antidepressants for chronic pain", "13-16"), 40),
            (cp("Duloxetine (Cymbalta)", "43-44"), 10),
            (odg("Mental Illness & Stress", "Antidepressants for treatment of MDD (major depressive disorder)"), 12),
            (odg("Mental Illness & Stress", "Trazodone (Desyrel)"), 6),
        ],
    )


def k_benzo(g: LetterGen) -> Item:
    return drug_item(
        g.rng,
        "benzo",
        BENZOS,
        [
            (cp("Benzodiazepines", "24"), 60),
            (odg("Pain", "Benzodiazepines"), 10),
            (odg("Mental Illness & Stress", "Benzodiazepines"), 6),
        ],
        [(cp("Benzodiazepines", "24"), 60), (odg("Mental Illness & Stress", "Benzodiazepines"), 8)],
        [(cp("Weaning of Medications", "124"), 5)],
    )


def k_hypnotic(g: LetterGen) -> Item:
    it = drug_item(
        g.rng,
        "hypnotic",
        HYPNOTICS,
        [
            (odg("Pain (Chronic)", "Insomnia treatment"), 40),
            (odg("Pain", "Insomnia treatment"), 15),
            (odg("Mental Illness & Stress", "Zolpidem (Ambien)"), 10),
        ],
        [
            (odg("Pain (Chronic)", "Insomnia treatment"), 40),
            (odg("Mental Illness & Stress", "Zolpidem (Ambien)"), 15),
            (odg("Pain", "Insomnia treatment"), 10),
        ],
        [(other("FDA", "zolpidem tartrate label"), 6), (other("UpToDate", "Treatment of insomnia"), 2)],
    )
    if g.rng.random() < 0.35:
        it.ca = []
    return it


def k_topical(g: LetterGen) -> Item:
    rng = g.rng
    t = rng.choice(TOPICALS).format(q=rng.choice([30, 60, 90]), g=rng.choice([30, 60, 120, 180, 240]))
    ca = [
        wchoice(
            rng,
            [
                (cp("Topical Analgesics", "111-113"), 50),
                (cp("Lidocaine", "112"), 8),
                (cp(None, "111-113"), 8),
                (cp("Lidoderm (lidocaine patch)", "56-57"), 6),
            ],
        )
    ]
    rev = [
        wchoice(
            rng,
            [
                (cp("Topical Analgesics", "111-113"), 55),
                (cp("Lidoderm (lidocaine patch)", "56-57"), 8),
                (cp("Salicylate topicals", "105"), 4),
                (cp("Capsaicin, topical", "28-29"), 3),
            ],
        )
    ]
    if "Lido" in t and rng.random() < 0.3:
        rev.append(
            cp("Lidoderm (lidocaine patch)", "56-57")
            if rev[0].topic != "Lidoderm (lidocaine patch)"
            else cp("Topical Analgesics", "111-113")
        )
    med = "a compounded topical cream" if t.startswith("Compound") else t.split(",")[0].split(" #")[0] + " as needed"
    return Item(t, "Pharmaceuticals", "topical", ca, rev, drug=t.split(" ")[0], med_phrase=med)


def k_antiemetic(g: LetterGen) -> Item:
    return drug_item(
        g.rng,
        "antiemetic",
        ANTIEMETICS,
        [
            (odg("Pain (Chronic)", "Antiemetics (for opioid nausea)"), 50),
            (odg("Pain", "Antiemetics (for opioid nausea)"), 15),
        ],
        [(odg("Pain (Chronic)", "Antiemetics (for opioid nausea)"), 50)],
        [(other("Medline Plus", "Ondansetron"), 5), (other("FDA", "Ondansetron label"), 3)],
    )


def k_laxative(g: LetterGen) -> Item:
    return drug_item(
        g.rng,
        "laxative",
        LAXATIVES,
        [
            (cp("Opioids, initiating therapy", "77"), 40),
            (odg("Pain (Chronic)", "Opioid-induced constipation treatment"), 20),
        ],
        [
            (cp("Opioids, initiating therapy", "77"), 40),
            (odg("Pain (Chronic)", "Opioid-induced constipation treatment"), 20),
        ],
    )


# --- non-drug kinds --------------------------------------------------------


def body_name(g: LetterGen, region: Region) -> str:
    name = g.rng.choice(region.names)
    return name.format(side=g.side_for(region)) if region.sided else name


def k_pt(g: LetterGen) -> Item:
    rng = g.rng
    region = g.pick_region(exclude_psych=True)
    body = body_name(g, region)
    f, w = rng.choice([(2, 4), (2, 6), (3, 4), (1, 6), (2, 3), (3, 2), (2, 4), (3, 4)])
    n = f * w
    postop = rng.random() < 0.18 and region.post is not None
    if postop:
        n = rng.choice([8, 12, 12, 16, 24])
        t = rng.choice(
            [
                f"Post-operative physical therapy, {n} sessions",
                f"Post-operative physical therapy x {n} visits",
                f"Postoperative physical therapy {n} sessions for the {body}",
                f"Post-op physical therapy 2x{n // 2} for the {body}",
            ]
        )
        ptopic, ppages = region.post or ("", "")
        ca = [
            wchoice(rng, [(post(None, ppages), 40), (post(ptopic, ppages), 30), (post(None, "10-11", "9792.24.3"), 10)])
        ]
        rev = [
            wchoice(
                rng,
                [
                    (post(ptopic, ppages), 40),
                    (post(None, ppages), 20),
                    (Cit("post", section="9792.24.3", pages=parse_pages(f"10-11, {ppages}")), 10),
                ],
            )
        ]
        return Item(t, "Physical Therapy", "postop_pt", ca, rev, count=(n, "visits"))
    sp = " " if rng.random() < 0.5 else ""
    forms = [
        (f"Physical therapy {f}{sp}x{sp}{w} for the {body}", 30),
        (f"Physical therapy {f}{sp}x{sp}{w}", 10),
        (f"Physical therapy {n} sessions for the {body}", 12),
        (f"Additional physical therapy, {n} sessions, {body}", 8),
        (f"Physical therapy {f} times per week for {w} weeks, {body}", 8),
        (f"Physical therapy two times a week for four weeks for the {body}", 3),
        (f"Aquatic therapy {f}x{w}", 6),
        (f"Physical therapy evaluation and treatment, {n} visits", 4),
        (f"Physiotherapy {n} visits to the {body}", 4),
    ]
    if region.key in ("wrist", "elbow"):
        forms.append((f"Occupational therapy {f}x{w} for the {body}", 12))
    t = wchoice(rng, forms)
    if "two times a week for four weeks" in t:
        n = 8
    ca = [
        wchoice(
            rng,
            [
                (cp("Physical Medicine", "98-99"), 60),
                (cp(None, "98-99"), 10),
                (odg(region.odg[0], "Physical therapy (PT)"), 8),
            ],
        )
    ]
    rev = [
        wchoice(
            rng,
            [
                (cp("Physical Medicine", "98-99"), 60),
                (odg(region.odg[0], "Physical therapy (PT)"), 8),
            ],
        )
    ]
    if t.startswith("Aquatic"):
        rev = [cp("Aquatic therapy", "22")]
        if rng.random() < 0.5:
            rev.append(cp("Physical Medicine", "98-99"))
    if rng.random() < 0.08 and region.acoem and region.key == "lumbar":
        rev.append(acoem(12, "298-300", rng.random() < 0.7))
    return Item(t, "Physical Therapy", "pt", ca, rev, count=(n, "sessions"))


def k_acupuncture(g: LetterGen) -> Item:
    rng = g.rng
    region = g.pick_region(exclude_psych=True)
    body = body_name(g, region)
    f, w = rng.choice([(2, 6), (2, 4), (1, 6), (2, 3), (3, 4)])
    n = f * w
    t = wchoice(
        rng,
        [
            (f"Acupuncture {f}x{w} for the {body}", 25),
            (f"Acupuncture for the {body.title() if rng.random() < 0.4 else body}, {n} sessions", 15),
            (f"Acupuncture {f} times per week for {w} weeks, {body}", 12),
            (f"Additional acupuncture, {n} sessions", 10),
            (f"Acupuncture with electrical stimulation, {n} sessions", 6),
            (f"Acupuncture x {n} visits", 8),
            (f"Acupuncture {f} x {w}", 8),
        ],
    )
    ca = [wchoice(rng, [(acu(), 80), (acu("9792.24.1"), 15)])]
    rev = [wchoice(rng, [(acu(), 70), (acu("9792.24.1"), 20)])]
    if rng.random() < 0.08:
        rev.append(cp(None, "8", "9792.24.1"))
    return Item(t, "Acupuncture", "acu", ca, rev, count=(n, "sessions"))


def k_chiro(g: LetterGen) -> Item:
    rng = g.rng
    region = g.pick_region(exclude_psych=True, prefer=("lumbar", "cervical"))
    body = body_name(g, region)
    f, w = rng.choice([(2, 4), (2, 3), (1, 6), (3, 4), (2, 6)])
    n = f * w
    t = wchoice(
        rng,
        [
            (f"Chiropractic manipulation {f} x {w} for the {body}", 25),
            (f"Chiropractic treatment {f}x{w}, {body}", 15),
            (f"Chiropractic care, {n} visits", 15),
            (f"Additional chiropractic sessions x {n} for the {body}", 12),
            (f"Chiropractic manipulative therapy, {n} sessions", 10),
        ],
    )
    ca = [
        wchoice(
            rng,
            [
                (cp("Manual therapy & manipulation", "58-59"), 50),
                (cp("Manual therapy & manipulation", "58-60"), 30),
                (odg(region.odg[0], "Manipulation"), 10),
            ],
        )
    ]
    rev = [
        wchoice(
            rng,
            [
                (cp("Manual therapy & manipulation", "58-60"), 60),
                (cp("Manual therapy & manipulation", "58-59"), 20),
                (odg(region.odg[0], "Manipulation"), 8),
            ],
        )
    ]
    return Item(t, "Chiropractic", "chiro", ca, rev, count=(n, "sessions"))


def k_imaging(g: LetterGen) -> Item:
    rng = g.rng
    region = g.pick_region(exclude_psych=True)
    body = body_name(g, region)
    kind = wchoice(rng, [("mri", 60), ("xray", 18), ("ct", 8), ("bone", 4), ("us", 4), ("arthro", 4)])
    if kind == "mri":
        t = wchoice(
            rng,
            [
                (f"MRI of the {body}", 45),
                (f"Repeat MRI of the {body}", 15),
                (f"MRI of the {body} without contrast", 15),
                (f"MRI of the {body} with and without contrast", 6),
                (f"Magnetic resonance imaging of the {body}", 6),
                (f"MRI {body}", 5),
            ],
        )
    elif kind == "xray":
        v = rng.choice([2, 3, 4])
        t = wchoice(
            rng,
            [
                (f"X-rays of the {body}, {v} views", 30),
                (f"Repeat x-rays of the {body}", 15),
                (f"X-ray of the {body}", 25),
            ]
            + ([("Flexion and extension x-rays of the lumbar spine", 10)] if region.key == "lumbar" else []),
        )
    elif kind == "ct":
        t = rng.choice([f"CT scan of the {body}", f"CT of the {body} without contrast"])
    elif kind == "bone":
        t = rng.choice(["Bone scan", f"Bone scan of the {body}", "Triple phase bone scan"])
    elif kind == "us":
        t = f"Ultrasound of the {body}"
    else:
        t = f"MR arthrogram of the {body}"
    ca: list[Cit] = []
    rev: list[Cit] = []
    if region.acoem:
        ca.append(acoem(region.acoem, region.acoem_img, rng.random() < 0.75))
        rev.append(acoem(region.acoem, region.acoem_img, rng.random() < 0.85))
    odg_topic = (
        region.odg_img
        if kind == "mri"
        else {
            "xray": "Radiography",
            "ct": "Computed tomography (CT)",
            "bone": "Bone scan",
            "us": "Ultrasound, diagnostic",
            "arthro": "MR arthrogram",
        }.get(kind, region.odg_img)
    )
    if not ca or rng.random() < 0.25:
        ca = [odg(rng.choice(region.odg), odg_topic)]
    if not rev or rng.random() < 0.35:
        rev.append(odg(rng.choice(region.odg), odg_topic))
    if rng.random() < 0.1 and len(rev) > 1:
        rev = rev[1:]
    return Item(t, "Diagnostic Imaging", "imaging", ca, rev)


def k_injection(g: LetterGen) -> Item:
    rng = g.rng
    region = g.pick_region(exclude_psych=True, prefer=("lumbar", "cervical", "knee", "shoulder"))
    side = g.side_for(region)
    kind = rng.random()
    if region.key == "lumbar" and kind < 0.75:
        sub = wchoice(rng, [("esi", 50), ("facet", 25), ("tpi", 15), ("si", 10)])
    elif region.key == "cervical" and kind < 0.8:
        sub = wchoice(rng, [("cesi", 60), ("tpi", 25), ("cfacet", 15)])
    elif region.key == "knee":
        sub = wchoice(rng, [("knee", 60), ("visco", 40)])
    elif region.key == "shoulder":
        sub = "shoulder"
    elif region.key == "elbow":
        sub = "prp"
    else:
        sub = "tpi"
    if sub == "esi":
        lv = rng.choice(["L4-5", "L5-S1", "L4-L5", "L3-4"])
        t = rng.choice(
            [
                f"Lumbar epidural steroid injection at {lv}",
                f"{side.title()} {lv} transforaminal epidural steroid injection",
                f"Lumbar epidural steroid injection {lv}",
                f"Bilateral {lv} transforaminal epidural steroid injections",
            ]
        )
        ca = [cp("Epidural steroid injections (ESIs)", "46")]
        rev = [cp("Epidural steroid injections (ESIs)", "46")]
        rk = "esi"
    elif sub == "cesi":
        lv = rng.choice(["C5-C6", "C6-C7", "C5-6", "C4-5"])
        t = rng.choice(
            [f"Cervical epidural steroid injection at {lv}", f"Cervical interlaminar epidural steroid injection {lv}"]
        )
        ca = [cp("Epidural steroid injections (ESIs)", "46")]
        rev = [cp("Epidural steroid injections (ESIs)", "46")]
        rk = "esi"
    elif sub == "facet":
        t = rng.choice(
            [
                "Bilateral L4-L5 and L5-S1 facet joint injections",
                "Lumbar medial branch blocks at L3, L4 and L5, bilaterally",
                f"{side.title()} L4-5 facet joint injection",
                "Bilateral L5-S1 medial branch blocks",
            ]
        )
        ca = [
            wchoice(
                rng,
                [
                    (acoem(12, "300", rng.random() < 0.7), 50),
                    (odg("Low Back", "Facet joint diagnostic blocks (injections)"), 50),
                ],
            )
        ]
        rev = [odg("Low Back", "Facet joint diagnostic blocks (injections)")]
        if rng.random() < 0.5:
            rev.insert(0, acoem(12, "300", rng.random() < 0.8))
        rk = "facet"
    elif sub == "cfacet":
        t = "Cervical facet injections at C5-6 and C6-7"
        ca = [odg("Neck and Upper Back", "Facet joint diagnostic blocks")]
        rev = [acoem(8, "174-175", True), odg("Neck and Upper Back", "Facet joint diagnostic blocks")]
        rk = "facet"
    elif sub == "si":
        t = f"{side.title()} sacroiliac joint injection"
        ca = [odg("Hip & Pelvis", "Sacroiliac joint blocks")]
        rev = [odg("Hip & Pelvis", "Sacroiliac joint blocks")]
        rk = "joint_inj"
    elif sub == "tpi":
        n = rng.choice([2, 3, 4, 6])
        t = rng.choice(
            [
                f"Trigger point injections x {n}",
                "Trigger point injections to the cervical paraspinal muscles",
                f"Trigger point injections, {n} muscle groups",
                "Trigger point injection",
            ]
        )
        ca = [cp("Trigger point injections", "122")]
        rev = [cp("Trigger point injections", "122")]
        rk = "tpi"
    elif sub == "knee":
        t = f"{side.title()} knee corticosteroid injection"
        ca = [wchoice(rng, [(acoem(13, "346", True), 50), (odg("Knee & Leg", "Corticosteroid injections"), 50)])]
        rev = [odg("Knee & Leg", "Corticosteroid injections")]
        rk = "joint_inj"
    elif sub == "visco":
        t = rng.choice(
            [
                f"Synvisc-One injection to the {side} knee",
                f"Hyaluronic acid injections x 3 for the {side} knee",
                f"Series of 3 Orthovisc injections, {side} knee",
            ]
        )
        ca = [odg("Knee & Leg", "Hyaluronic acid injections")]
        rev = [odg("Knee & Leg", "Hyaluronic acid injections")]
        rk = "joint_inj"
    elif sub == "shoulder":
        t = f"{side.title()} shoulder subacromial corticosteroid injection"
        ca = [acoem(9, "213", rng.random() < 0.7)]
        rev = [acoem(9, "213", True)]
        if rng.random() < 0.4:
            rev.append(odg("Shoulder", "Steroid injections"))
        rk = "joint_inj"
    else:
        t = f"Platelet rich plasma injection to the {side} elbow"
        ca = [odg("Elbow", "Platelet-rich plasma (PRP)")]
        rev = [odg("Elbow", "Platelet-rich plasma (PRP)")]
        rk = "joint_inj"
    if rng.random() < 0.06:
        ca = []
    return Item(t, "Injections", rk, ca, rev)


def k_dme(g: LetterGen) -> Item:
    rng = g.rng
    region = g.pick_region(exclude_psych=True)
    side = g.side_for(region)
    sub = wchoice(
        rng,
        [
            ("tens", 30),
            ("if", 8),
            ("brace", 22),
            ("cold", 10),
            ("walker", 5),
            ("traction", 4),
            ("orthotics", 4),
            ("cpm", 4),
            ("misc", 8),
        ],
    )
    if sub == "tens":
        t = rng.choice(
            [
                "TENS unit for home use, 30 day trial",
                "TENS unit purchase",
                "TENS unit",
                "TENS unit rental x 30 days",
                "Electrodes and batteries for TENS unit",
                "Replacement TENS pads, 8 pairs",
            ]
        )
        top = wchoice(
            rng,
            [
                (cp("TENS, chronic pain (transcutaneous electrical nerve stimulation)", "114-116"), 60),
                (cp("Transcutaneous electrotherapy", "114-121"), 20),
                (cp(None, "114-116"), 10),
            ],
        )
        ca = [top]
        rev = [cp("TENS, chronic pain (transcutaneous electrical nerve stimulation)", "114-116")]
        rk = "tens"
    elif sub == "if":
        t = rng.choice(
            ["Interferential unit rental x 1 month", "Interferential current stimulator, purchase", "IF unit"]
        )
        ca = [cp("Interferential Current Stimulation (ICS)", "118-120")]
        rev = [cp("Interferential Current Stimulation (ICS)", "118-120")]
        rk = "tens"
    elif sub == "brace":
        if region.key == "lumbar":
            t = rng.choice(["Lumbar support brace", "Lumbar brace", "LSO back brace", "Purchase of a lumbar support"])
            ca = [acoem(12, "301", rng.random() < 0.7)]
            rev = [acoem(12, "301", True)]
            if rng.random() < 0.5:
                rev.append(odg("Low Back", "Lumbar supports"))
        elif region.key == "knee":
            t = rng.choice(
                [f"Hinged knee brace for the {side} knee", "Hinged knee brace", f"{side.title()} knee unloader brace"]
            )
            ca = [acoem(13, "340", True)]
            rev = [wchoice(rng, [(acoem(13, "340", True), 60), (odg("Knee & Leg", "Knee brace"), 40)])]
        elif region.key == "wrist":
            t = rng.choice(
                [
                    f"{side.title()} wrist splint",
                    f"Night splint for the {side} wrist",
                    f"{side.title()} thumb spica splint",
                ]
            )
            ca = [acoem(11, "264-265", True)]
            rev = [acoem(11, "264-265", rng.random() < 0.8)]
        elif region.key == "cervical":
            t = rng.choice(["Soft cervical collar", "Cervical pillow"])
            ca = [acoem(8, "175", True)]
            rev = [odg("Neck and Upper Back", "Pillow" if "pillow" in t else "Collars (cervical)")]
        else:
            # shoulder, ankle or elbow
            t = {
                "shoulder": f"{side.title()} shoulder sling",
                "ankle": rng.choice([f"{side.title()} ankle brace", f"{side.title()} ankle stirrup brace"]),
                "elbow": rng.choice([f"{side.title()} elbow strap", f"{side.title()} tennis elbow brace"]),
            }[region.key]
            ca = [odg(region.odg[0], "Durable medical equipment (DME)")]
            rev = [odg(region.odg[0], "Durable medical equipment (DME)")]
            if region.acoem and region.acoem_brace and rng.random() < 0.5:
                ca = [acoem(region.acoem, region.acoem_brace, rng.random() < 0.8)]
                rev.insert(0, acoem(region.acoem, region.acoem_brace, True))
        rk = "brace"
    elif sub == "cold":
        t = rng.choice(
            [
                "Cold therapy unit, 7 day rental",
                "Cold therapy unit purchase",
                "Hot/cold therapy unit",
                "Vascutherm cold compression unit, 14 day rental",
            ]
        )
        ch = region.odg[0] if region.key in ("knee", "shoulder") else "Knee & Leg"
        ca = [odg(ch, "Continuous-flow cryotherapy")]
        rev = [odg(ch, "Continuous-flow cryotherapy")]
        rk = "dme"
    elif sub == "walker":
        t = rng.choice(["Front wheeled walker", "Four-wheeled walker with seat", "Single-point cane"])
        ca = [odg("Knee & Leg", "Walking aids (canes, crutches, braces, orthoses, & walkers)")]
        rev = [odg("Knee & Leg", "Walking aids (canes, crutches, braces, orthoses, & walkers)")]
        rk = "dme"
    elif sub == "traction":
        t = "Cervical traction unit for home use"
        ca = [acoem(8, "173", True)]
        rev = [acoem(8, "173", True), odg("Neck and Upper Back", "Traction")]
        rk = "dme"
    elif sub == "orthotics":
        t = rng.choice(["Custom orthotics", "Custom-molded foot orthotics, bilateral"])
        ca = [acoem(14, "371", True)]
        rev = [acoem(14, "371-372", True)]
        rk = "dme"
    elif sub == "cpm":
        t = "Continuous passive motion (CPM) machine, 21 day rental"
        ca = [odg("Knee & Leg", "Continuous passive motion (CPM)")]
        rev = [odg("Knee & Leg", "Continuous passive motion (CPM)")]
        rk = "dme"
    else:
        t = rng.choice(
            [
                "Shower chair",
                "Orthopedic mattress",
                "Raised toilet seat",
                "Home exercise kit",
                "Lumbar traction device",
                "Motorized scooter",
            ]
        )
        ca = [odg(rng.choice(["Knee & Leg", "Low Back"]), "Durable medical equipment (DME)")]
        rev = [odg(ca[0].chapter or "Knee & Leg", "Durable medical equipment (DME)")]
        rk = "dme"
    if rng.random() < 0.07:
        ca = []
    return Item(t, "DMEPOS", rk, ca, rev)


ACOEM7_NON = Cit("acoem", ch=7, pages=((127, 127),), mtus=False, edition=False)
ACOEM7_NON_ED = Cit("acoem", ch=7, pages=((127, 127),), mtus=False, edition=True)


def k_em(g: LetterGen) -> Item:
    rng = g.rng
    region = g.pick_region(exclude_psych=True)
    body = body_name(g, region)
    sub = wchoice(rng, [("consult", 55), ("followup", 20), ("preop", 15), ("surg_consult", 10)])
    if sub == "consult":
        t = rng.choice(
            [
                "Consult w/ Neurologist",
                "Pain management consultation",
                "Internal medicine consultation",
                "Neurology consultation",
                f"Orthopedic consultation for the {body}",
                "Referral to a pain management specialist",
                "Podiatry consultation",
                "Sleep medicine consultation",
                "Rheumatology consultation",
                "Spine surgery consultation",
            ]
        )
        ca = [wchoice(rng, [(ACOEM7_NON, 60), (ACOEM7_NON_ED, 15), (odg("Pain", "Office visits"), 15)])]
        rev = [wchoice(rng, [(ACOEM7_NON_ED, 40), (ACOEM7_NON, 30), (odg("Pain (Chronic)", "Office visits"), 10)])]
        rk = "consult"
    elif sub == "followup":
        t = rng.choice(
            [
                "Follow-up visit with the primary treating physician",
                "Office visit follow-up in 4 weeks",
                "Follow-up visits x 6",
                "Monthly follow-up visits for medication management",
            ]
        )
        ca = [odg("Pain", "Office visits")]
        rev = [odg(rng.choice(["Pain", "Pain (Chronic)"]), "Office visits")]
        rk = "consult"
    elif sub == "preop":
        t = rng.choice(
            [
                "Pre-operative medical clearance",
                "Preoperative clearance with internist",
                "Pre-operative history and physical",
            ]
        )
        ca = [odg("Low Back", "Preoperative testing, general")]
        rev = [odg("Low Back", "Preoperative testing, general")]
        rk = "preop"
    else:
        if region.acoem and region.key in ("shoulder", "lumbar", "knee", "cervical"):
            t = (
                rng.choice(
                    [
                        f"Orthopedic surgical consultation for the {body}",
                        "Referral to a spine surgeon",
                        f"Surgical consultation, {body}",
                    ]
                )
                if region.key != "lumbar"
                else "Referral to a spine surgeon"
            )
            ca = [ACOEM7_NON]
            rev = [acoem(region.acoem, region.acoem_surg, True)]
        else:
            t = "Hand surgery consultation"
            ca = [ACOEM7_NON]
            rev = [acoem(11, "270", True)]
        rk = "consult"
    if rng.random() < 0.12:
        ca = []
    return Item(t, "Evaluation & Management", rk, ca, rev)


def k_surgery(g: LetterGen) -> Item:
    rng = g.rng
    region = g.pick_region(exclude_psych=True, prefer=("lumbar", "shoulder", "knee", "wrist", "cervical"))
    side = g.side_for(region)
    S = side.title()
    table: dict[str, list[tuple[str, str]]] = {
        "lumbar": [
            ("L4-5 and L5-S1 posterior lumbar interbody fusion", "Fusion (spinal)"),
            ("Right L5-S1 microdiscectomy", "Discectomy/laminectomy"),
            ("Lumbar laminectomy at L4-5", "Discectomy/laminectomy"),
            ("L5-S1 anterior lumbar interbody fusion", "Fusion (spinal)"),
        ],
        "cervical": [
            ("Anterior cervical discectomy and fusion at C5-6", "Fusion, anterior cervical"),
            ("C5-C6 and C6-C7 anterior cervical discectomy and fusion", "Fusion, anterior cervical"),
        ],
        "shoulder": [
            (f"{S} shoulder arthroscopy with subacromial decompression", "Surgery for impingement syndrome"),
            (f"{S} shoulder arthroscopic rotator cuff repair", "Surgery for rotator cuff repair"),
            (f"{S} shoulder arthroscopy, distal clavicle excision", "Partial claviculectomy"),
        ],
        "knee": [
            (f"{S} knee arthroscopy with partial medial meniscectomy", "Meniscectomy"),
            (f"{S} total knee arthroplasty", "Knee joint replacement"),
            (f"{S} knee arthroscopy with chondroplasty", "Chondroplasty"),
        ],
        "wrist": [
            (f"{S} carpal tunnel release", "Carpal tunnel release surgery (CTR)"),
            (f"{S} trigger thumb release", "Percutaneous release (of the trigger finger and/or trigger thumb)"),
            (f"{S} de Quervain's release", "Surgery for de Quervain's tenosynovitis"),
        ],
        "elbow": [
            (f"{S} cubital tunnel release", "Surgery for cubital tunnel syndrome (ulnar nerve entrapment)"),
            (f"{S} lateral epicondylar release", "Surgery for epicondylitis"),
        ],
        "ankle": [
            (f"{S} ankle arthroscopy with debridement", "Arthroscopy"),
            (f"Removal of hardware, {side} ankle", "Hardware implant removal (fracture fixation)"),
        ],
    }
    t, topic = rng.choice(table.get(region.key, table["knee"]))
    odg_ch = "Carpal Tunnel Syndrome" if region.key == "wrist" and "carpal" in t else region.odg[0]
    ca: list[Cit] = []
    rev: list[Cit] = []
    if region.acoem and region.key != "ankle":
        ca.append(acoem(region.acoem, region.acoem_surg, rng.random() < 0.75))
        rev.append(acoem(region.acoem, region.acoem_surg, rng.random() < 0.9))
    if not ca or rng.random() < 0.2:
        ca = [odg(odg_ch, topic)]
    if rng.random() < 0.6 or not rev:
        rev.append(odg(odg_ch, topic))
    return Item(t, "Surgery", "surgery", ca, rev)


def k_odt(g: LetterGen) -> Item:
    rng = g.rng
    sub = wchoice(rng, [("uds", 45), ("emg", 30), ("preop", 10), ("sleep", 5), ("labs", 7), ("genetic", 3)])
    if sub == "uds":
        t = rng.choice(
            [
                "Urine drug screen",
                "Urine drug screen",
                "Urine toxicology screen",
                "Urine drug testing",
                f"Retrospective request for urine drug screen, date of service {fmt_date(g.report_date(), 'mdY')}",
                "Random urine drug screen x 4",
            ]
        )
        ca = [wchoice(rng, [(cp("Drug testing", "43"), 50), (odg("Pain", "Urine drug testing (UDT)"), 30)])]
        rev = [cp("Drug testing", "43")]
        if rng.random() < 0.4:
            rev.append(odg(rng.choice(["Pain", "Pain (Chronic)"]), "Urine drug testing (UDT)"))
        rk = "uds"
    elif sub == "emg":
        region = g.pick_region(exclude_psych=True, prefer=("lumbar", "cervical", "wrist"))
        ext = "upper" if region.key in ("cervical", "wrist", "elbow", "shoulder") else "lower"
        t = rng.choice(
            [
                f"EMG/NCV of bilateral {ext} extremities",
                f"Repeat EMG/NCS of the bilateral {ext} extremities",
                f"EMG of the {g.side_for(region)} {ext} extremity",
                f"Nerve conduction study of the bilateral {ext} extremities",
                f"Electrodiagnostic studies of the {ext} extremities",
            ]
        )
        ch = 8 if ext == "upper" else 12
        pages = "177-178" if ch == 8 else "303"
        ca = [acoem(ch, pages, rng.random() < 0.7)]
        rev = [acoem(ch, pages, True)]
        if ext == "upper" and region.key == "wrist" and rng.random() < 0.5:
            rev.append(acoem(11, "260-262", True))
        if ext == "lower" and rng.random() < 0.4:
            rev.append(odg("Low Back", "EMGs (electromyography)"))
        rk = "emg"
    elif sub == "preop":
        t = rng.choice(["Pre-operative EKG and labs (CBC, BMP)", "Preoperative EKG", "Pre-operative labs"])
        ca = [odg("Low Back", "Preoperative lab testing")]
        if "EKG" in t and rng.random() < 0.6:
            # one ODG chapter named once with two topics is one citation (dev-014)
            rev = [odg("Low Back", "Preoperative electrocardiogram (ECG) and Preoperative lab testing")]
        else:
            rev = [odg("Low Back", "Preoperative lab testing")]
        rk = "labs"
    elif sub == "sleep":
        t = rng.choice(["Sleep study", "Polysomnogram"])
        ca = [odg("Pain (Chronic)", "Polysomnography")]
        rev = [odg(rng.choice(["Pain (Chronic)", "Mental Illness & Stress"]), "Polysomnography")]
        rk = "labs"
    elif sub == "labs":
        t = rng.choice(
            [
                "Complete blood count and comprehensive metabolic panel",
                "Liver and kidney function tests",
                "Laboratory testing: CBC, CMP",
                "Hepatic function panel",
            ]
        )
        if ":" in t:
            t = "Laboratory testing (CBC, CMP)"
        ca = [cp("NSAIDs, specific drug list & adverse effects", "70")]
        rev = [cp("NSAIDs, specific drug list & adverse effects", "70")]
        rk = "labs"
    else:
        t = "Genetic testing for narcotic risk"
        ca = [odg("Pain", "Genetic testing for potential opioid abuse")]
        rev = [odg("Pain (Chronic)", "Genetic testing for potential opioid abuse")]
        rk = "labs"
    if rng.random() < 0.1:
        ca = []
    return Item(t, "Other Diagnostic Testing", rk, ca, rev)


def k_psych(g: LetterGen) -> Item:
    rng = g.rng
    n = rng.choice([6, 8, 10, 12])
    sub = wchoice(rng, [("eval", 35), ("cbt", 30), ("hypno", 7), ("bio", 10), ("psychotherapy", 13), ("testing", 5)])
    if sub == "eval":
        t = rng.choice(
            ["Psychological evaluation", "Psychological consultation and evaluation", "Psychiatric evaluation"]
        )
        ca = [cp("Psychological evaluations", "100-101")]
        rev = [cp("Psychological evaluations", "100-101")]
        if rng.random() < 0.3:
            rev.append(odg("Mental Illness & Stress", "Psychological evaluations"))
        return Item(t, "Psychological Services", "psych_eval", ca, rev)
    if sub == "cbt":
        t = rng.choice(
            [f"Cognitive behavioral therapy, {n} sessions", f"Cognitive behavioral therapy x {n}", f"CBT {n} sessions"]
        )
        ca = [
            wchoice(
                rng, [(cp("Behavioral interventions", "23"), 60), (cp("Cognitive behavioral therapy (CBT)", "23"), 20)]
            )
        ]
        rev = [
            wchoice(
                rng,
                [
                    (cp("Behavioral interventions", "23"), 50),
                    (odg("Mental Illness & Stress", "Cognitive therapy for depression"), 30),
                ],
            )
        ]
    elif sub == "hypno":
        n = 6
        t = rng.choice(["Hypnotherapy, 6 sessions", "Hypnotherapy x 6"])
        ca = [odg("Mental Illness & Stress", "Hypnosis")]
        rev = [odg("Mental Illness & Stress", "Hypnosis")]
    elif sub == "bio":
        t = rng.choice([f"Biofeedback {n} sessions", f"Biofeedback therapy x {n}"])
        ca = [cp("Biofeedback", "24-25")]
        rev = [cp("Biofeedback", "24-25")]
    elif sub == "psychotherapy":
        t = rng.choice(
            [f"Individual psychotherapy, {n} sessions", f"Psychotherapy 1x{n}", f"Group psychotherapy x {n}"]
        )
        ca = [cp("Psychological treatment", "101-102")]
        rev = [odg("Mental Illness & Stress", "Psychotherapy guidelines")]
    else:
        t = "Psychological testing"
        ca = [cp("Psychological evaluations", "100-101")]
        rev = [cp("Psychological evaluations", "100-101")]
        return Item(t, "Psychological Services", "psych_eval", ca, rev)
    return Item(t, "Psychological Services", "psychotherapy", ca, rev, count=(n, "sessions"))


def k_programs(g: LetterGen) -> Item:
    rng = g.rng
    sub = wchoice(rng, [("frp", 60), ("wh", 25), ("wl", 15)])
    if sub == "frp":
        n, unit = rng.choice([(160, "hours"), (80, "hours"), (10, "days"), (20, "days"), (6, "weeks")])
        t = rng.choice(
            [
                f"Functional restoration program, {n} {unit}",
                f"Functional restoration program x {n} {unit}",
                f"{n} {unit} of a functional restoration program",
            ]
        )
        ca = [cp("Functional restoration programs (FRPs)", "49")]
        rev = [
            wchoice(
                rng,
                [
                    (cp("Chronic pain programs (functional restoration programs)", "30-34"), 60),
                    (cp("Chronic pain programs (functional restoration programs)", "30-32"), 30),
                ],
            )
        ]
        return Item(t, "Programs", "frp", ca, rev, count=(n, unit))
    if sub == "wh":
        n = rng.choice([10, 12])
        t = rng.choice([f"Work hardening program, {n} sessions", f"Work conditioning {n} visits"])
        ca = [cp("Work conditioning, work hardening", "125-126")]
        rev = [cp("Work conditioning, work hardening", "125-126")]
        return Item(t, "Programs", "frp", ca, rev, count=(n, "sessions"))
    t = rng.choice(
        ["Weight loss program", "Medically supervised weight loss program, 10 weeks", "Lindora weight loss program"]
    )
    ca = [odg("Diabetes", "Lifestyle (diet & exercise) modifications")]
    rev = [odg("Diabetes", "Lifestyle (diet & exercise) modifications")]
    if rng.random() < 0.3:
        ca = []
    return Item(t, "Programs", "weight", ca, rev)


def k_home(g: LetterGen) -> Item:
    rng = g.rng
    t = rng.choice(
        [
            "Home health aide 4 hours per day, 5 days per week for 6 weeks",
            "Post-operative home health nursing visits x 6",
            "Home health care, 8 hours a day",
            "Home care assistance 4 hours/day x 7 days/week",
            "Home health services, 2 hours per day for 4 weeks",
        ]
    )
    ca = [cp("Home health services", "51")]
    rev = [cp("Home health services", "51")]
    return Item(t, "Home Health", "home_health", ca, rev)


def k_other(g: LetterGen) -> Item:
    rng = g.rng
    sub = wchoice(rng, [("gym", 50), ("transport", 30), ("pool", 20)])
    if sub == "gym":
        t = rng.choice(["Gym membership for 6 months", "Gym membership x 1 year", "12 month gym membership"])
        ca = [odg("Low Back", "Gym memberships")]
        rev = [odg(rng.choice(["Low Back", "Knee & Leg", "Shoulder"]), "Gym memberships")]
        rk = "gym"
    elif sub == "pool":
        t = "Pool membership for 3 months"
        ca = [odg("Low Back", "Gym memberships")]
        rev = [cp("Aquatic therapy", "22"), odg("Low Back", "Gym memberships")]
        rk = "gym"
    else:
        t = rng.choice(
            ["Transportation to and from medical appointments", "Transportation to medical appointments x 12"]
        )
        ca = [odg("Knee & Leg", "Transportation (to & from appointments)")]
        rev = [odg("Knee & Leg", "Transportation (to & from appointments)")]
        rk = "transport"
    if rng.random() < 0.15:
        ca = []
    return Item(t, "Other", rk, ca, rev)


PSYCH_DRUGS = {"antidep", "benzo", "hypnotic"}
PHARMA_KINDS = [
    (k_opioid, 30),
    (k_muscle, 14),
    (k_nsaid, 12),
    (k_ppi, 9),
    (k_aed, 9),
    (k_antidep, 4),
    (k_benzo, 4),
    (k_hypnotic, 5),
    (k_topical, 9),
    (k_antiemetic, 2),
    (k_laxative, 2),
]
CATEGORY_KINDS = [
    ("pharma", 42),
    (k_pt, 8),
    (k_imaging, 8),
    (k_injection, 7),
    (k_dme, 8),
    (k_em, 6),
    (k_acupuncture, 3),
    (k_chiro, 2),
    (k_surgery, 5),
    (k_odt, 4.5),
    (k_psych, 3),
    (k_programs, 1.5),
    (k_home, 1),
    (k_other, 2),
]

# ---------------------------------------------------------------------------
# Rationale sentence pools. Placeholders: {t} treatment, {pt}/{Pt} the
# patient, {S}/{Sc} he/she, {P}/{Pc} his/her, {O} him/her, {rep} a report
# date, {drug} the drug, {n} a number of months.
# ---------------------------------------------------------------------------


def _pools(text: str) -> dict[str, list[str]]:
    """Parse "[key]" sections of sentences; a line indented by two spaces continues the sentence above."""
    pools: dict[str, list[str]] = {}
    cur: list[str] = []
    for raw in text.strip("\n").split("\n"):
        if raw.startswith("[") and raw.endswith("]"):
            cur = pools.setdefault(raw[1:-1], [])
        elif raw.startswith("  "):
            cur[-1] += " " + raw.strip()
        elif raw.strip():
            cur.append(raw.strip())
    return pools


STATEMENTS = _pools(
    """
[opioid]
MTUS Guidelines pages 76 to 80 require that ongoing opioid therapy be supported by documentation of the 4
  A's: analgesia, activities of daily living, adverse side effects, and aberrant drug-taking behavior.
Pages 88 and 89 further state that pain and function should be measured at least once every 6 months using a
  numerical scale or a validated instrument.
MTUS page 80 indicates that opioids should be continued if the patient has returned to work or has improved
  functioning and pain.
The guidelines recommend on-going review and documentation of pain relief, functional status, appropriate
  medication use and side effects for patients on opioid therapy.
MTUS page 86 recommends that dosing not exceed 120mg oral morphine equivalents per day, and that patients
  receiving more than this amount be managed in consultation with a pain medicine specialist.
The guidelines state that opioids should be discontinued if there is no overall improvement in function,
  unless there are extenuating circumstances.
A satisfactory response to treatment may be indicated by decreased pain, an increased level of function or
  improved quality of life.
MTUS page 124 recommends a slow taper rather than abrupt discontinuation when opioids are no longer
  supported.
[muscle]
MTUS Guidelines pages 41 and 42 recommend cyclobenzaprine as an option for a short course of therapy, noting
  that the effect is greatest in the first 4 days of treatment.
Muscle relaxants are recommended with caution as a second-line option for short-term treatment of acute
  exacerbations in patients with chronic low back pain.
The guidelines note that muscle relaxants show no benefit beyond NSAIDs in pain and overall improvement, and
  that efficacy appears to diminish over time.
Prolonged use of some medications in this class may lead to dependence.
MTUS page 29 states that carisoprodol is not recommended and is not indicated for long-term use.
[nsaid]
MTUS recommends NSAIDs at the lowest dose for the shortest period in patients with moderate to severe
  osteoarthritis pain.
The guidelines state that acetaminophen may be considered as initial therapy for mild to moderate pain,
  particularly in patients with gastrointestinal, cardiovascular or renovascular risk factors.
MTUS recommends NSAIDs as an option for short-term symptomatic relief of acute exacerbations of chronic back
  pain.
The guidelines caution that NSAIDs may compromise renal function and can raise blood pressure.
There is inconsistent evidence for the use of these medications to treat long-term neuropathic pain.
[ppi]
The guidelines support the use of a proton pump inhibitor for patients taking NSAIDs who are at intermediate
  or high risk for gastrointestinal events.
Risk factors include age over 65 years, a history of peptic ulcer, gastrointestinal bleeding or perforation,
  concurrent use of aspirin, corticosteroids or an anticoagulant, and high-dose or multiple NSAID use.
Long-term proton pump inhibitor use of more than one year has been shown to increase the risk of hip
  fracture.
Patients with no risk factors and no cardiovascular disease do not require a proton pump inhibitor with a
  non-selective NSAID.
[aed]
MTUS recommends gabapentin for neuropathic pain and considers it a first-line treatment for that condition.
After initiation, the guidelines call for documentation of pain relief and improvement in function, and they
  describe a good response as a 50% reduction in pain and a moderate response as a 30% reduction.
The guidelines note that anti-epilepsy drugs are recommended for neuropathic pain but that there are few
  trials in central or radicular pain.
Pregabalin has been documented to be effective in the treatment of diabetic neuropathy and postherpetic
  neuralgia and has FDA approval for both indications.
Continued use depends on documentation of improvement in pain and function and of side effects.
Gabapentin and pregabalin share the same mechanism of action.
[antidep]
MTUS recommends antidepressants as a first-line option for neuropathic pain and as a possibility for
  non-neuropathic pain.
Tricyclics are generally considered a first-line agent unless they are ineffective, poorly tolerated or
  contraindicated.
Assessment of treatment efficacy should include not only pain outcomes but also an evaluation of function,
  changes in use of other analgesic medication, sleep quality and duration, and psychological assessment.
The guidelines state that the optimal duration of treatment is not known.
[benzo]
MTUS page 24 states that benzodiazepines are not recommended for long-term use because long-term efficacy is
  unproven and there is a risk of dependence.
Most guidelines limit use to 4 weeks.
Chronic benzodiazepines are the treatment of choice in very few conditions, and tolerance to the anxiolytic
  effect occurs within months.
The guidelines suggest that an antidepressant is the more appropriate treatment for anxiety disorders.
Tolerance to the hypnotic effect develops rapidly.
[hypnotic]
The MTUS does not address this medication, so the Official Disability Guidelines were consulted.
ODG states that zolpidem is a short-acting nonbenzodiazepine hypnotic approved for the short-term treatment
  of insomnia, generally 2 to 6 weeks.
ODG notes that these medications are rarely recommended for long-term use and can be habit-forming.
The guidelines recommend that the specific component of insomnia be addressed and that sleep hygiene be
  reviewed before pharmacologic treatment.
The FDA has lowered the recommended starting dose for some patients because of next-morning impairment.
[topical]
The guidelines state that topical analgesics are largely experimental in use, with few randomized controlled
  trials to determine efficacy or safety.
Topical analgesics are primarily recommended for neuropathic pain when trials of antidepressants and
  anticonvulsants have failed.
Any compounded product that contains at least one drug or drug class that is not recommended is not
  recommended.
Lidocaine is recommended only in the form of the Lidoderm patch for localized peripheral neuropathic pain
  after a trial of first-line therapy.
There is no evidence for the use of any muscle relaxant as a topical product.
Topical NSAIDs have shown benefit mainly for osteoarthritis of joints amenable to topical treatment and are
  not recommended for the spine, hip or shoulder.
[antiemetic]
ODG does not recommend antiemetics for nausea and vomiting secondary to chronic opioid use.
Nausea tends to diminish over days to weeks of continued opioid exposure, and when it persists other causes
  should be evaluated.
Ondansetron is FDA approved for nausea and vomiting associated with cancer chemotherapy, radiation therapy
  and surgery.
[laxative]
MTUS page 77 states that prophylactic treatment of constipation should be initiated when opioid therapy is
  started.
Opioid-induced constipation is a common adverse effect of long-term opioid use.
The need for a stool softener depends on whether continued opioid therapy is supported.
[pt]
MTUS pages 98 and 99 recommend 9 to 10 visits over 8 weeks for myalgia and myositis, and 8 to 10 visits over
  4 weeks for neuralgia, neuritis and radiculitis.
The guidelines allow for fading of treatment frequency, from up to 3 visits per week to 1 or less, plus
  active self-directed home physical medicine.
Physical medicine is recommended as indicated, with an emphasis on active therapies that restore
  flexibility, strength, endurance, function and range of motion.
Additional treatment requires documentation of objective functional improvement from the prior course of
  therapy.
MTUS page 22 recommends aquatic therapy as an optional form of exercise therapy where reduced weight bearing
  is desirable, for example in extreme obesity.
[postop_pt]
The MTUS Postsurgical Treatment Guidelines allow a general course of therapy following this type of surgery,
  within a postsurgical physical medicine treatment period of several months.
Section 9792.24.3 states that an initial course of therapy means one half of the number of visits specified
  in the general course of therapy for the specific surgery.
Additional visits may be provided if functional improvement is documented during the initial course of
  therapy.
Post-operative therapy is only appropriate when the underlying surgery has been found to be medically
  necessary.
[acu]
The MTUS Acupuncture Medical Treatment Guidelines state that acupuncture may be used when pain medication is
  reduced or not tolerated, and as an adjunct to physical rehabilitation to hasten functional recovery.
The time to produce functional improvement is 3 to 6 treatments, at a frequency of 1 to 3 times per week,
  with an optimum duration of 1 to 2 months.
Acupuncture treatments may be extended if functional improvement is documented as defined in section
  9792.20(e).
For additional treatment, the guidelines require functional improvement as defined by a clinically
  significant improvement in activities of daily living or a reduction in work restrictions.
[chiro]
MTUS pages 58 to 60 recommend manual therapy and manipulation for chronic pain caused by musculoskeletal
  conditions.
The guidelines recommend a trial of 6 visits over 2 weeks and, with evidence of objective functional
  improvement, a total of up to 18 visits over 6 to 8 weeks.
Elective or maintenance care is not medically necessary, and for recurrences or flare-ups the need to
  re-evaluate treatment success is emphasized.
Manipulation is not recommended for the ankle and foot, the forearm, wrist and hand, or the knee.
[imaging]
ACOEM states that the criteria for ordering imaging studies include the emergence of a red flag, physiologic
  evidence of tissue insult or neurologic dysfunction, failure to progress in a strengthening program intended
  to avoid surgery, and clarification of the anatomy prior to an invasive procedure.
Unequivocal objective findings that identify specific nerve compromise on the neurologic examination are
  sufficient evidence to warrant imaging in patients who do not respond to treatment.
The guidelines indicate that special studies are not needed unless a four- to six-week period of
  conservative care and observation fails to improve symptoms.
ODG states that repeat imaging is not routinely recommended and should be reserved for a significant change
  in symptoms or findings suggestive of significant pathology.
Plain radiographs should not be recommended in the absence of red flags for serious pathology, even if the
  pain has persisted for at least six weeks.
[esi]
MTUS page 46 recommends epidural steroid injections as an option for the treatment of radicular pain,
  defined as pain in a dermatomal distribution with corroborative findings of radiculopathy.
The criteria for use state that radiculopathy must be documented by physical examination and corroborated by
  imaging studies and/or electrodiagnostic testing.
The patient must have been initially unresponsive to conservative treatment, including exercises, physical
  methods, NSAIDs and muscle relaxants.
Repeat blocks should be based on continued objective documented pain and functional improvement, including
  at least 50% pain relief with an associated reduction of medication use for six to eight weeks.
[facet]
ACOEM states that invasive techniques such as facet joint injections are of questionable merit.
ODG limits diagnostic facet blocks to patients with low back pain that is non-radicular and at no more than
  two levels bilaterally.
There should be documentation of failure of conservative treatment, including home exercise, physical
  therapy and NSAIDs, for at least 4 to 6 weeks prior to the procedure.
Diagnostic facet blocks should not be performed in patients in whom a surgical procedure is anticipated.
[tpi]
MTUS page 122 recommends trigger point injections only for myofascial pain syndrome with limited lasting
  value.
The criteria include documentation of circumscribed trigger points with evidence upon palpation of a twitch
  response as well as referred pain.
Symptoms must have persisted for more than three months, and medical management therapies such as ongoing
  stretching exercises, physical therapy, NSAIDs and muscle relaxants must have failed to control pain.
Radiculopathy should not be present by examination, imaging or neuro-testing.
[joint_inj]
The guidelines recommend injections as an option for patients with documented symptomatic arthritis or
  inflammation that has not responded adequately to conservative treatment.
ODG requires documented symptomatic severe osteoarthritis that has not responded adequately to recommended
  conservative treatments after at least 3 months.
Repeat injections require documentation of significant improvement in symptoms for 6 months or more after
  the prior series.
ACOEM states that invasive techniques have limited proven value but that a corticosteroid injection may be
  indicated after conservative therapy for two to three weeks.
[tens]
MTUS does not recommend TENS as a primary treatment modality, but states that a one-month home-based TENS
  trial may be considered as a noninvasive conservative option.
A TENS trial should be used as an adjunct to a program of evidence-based functional restoration.
The criteria include documentation of pain of at least three months duration and evidence that other
  appropriate pain modalities, including medication, have been tried and failed.
A treatment plan including the specific short- and long-term goals of treatment with the TENS unit should be
  submitted.
[brace]
ACOEM states that lumbar supports have not been shown to have any lasting benefit beyond the acute phase of
  symptom relief.
ACOEM notes that a brace can be used for patellar instability, anterior cruciate ligament tear or medial
  collateral ligament instability, although its benefits may be more emotional than medical.
Usually a brace is necessary only if the patient is going to be stressing the joint under load, such as
  climbing ladders or carrying boxes.
The guidelines recommend splinting as a first-line conservative treatment for carpal tunnel syndrome and de
  Quervain's tenosynovitis.
ODG recommends supports as an option only for compression fractures, spondylolisthesis and documented
  instability.
[dme]
ODG defines durable medical equipment as equipment that can withstand repeated use, is primarily and
  customarily used to serve a medical purpose, and is generally not useful to a person in the absence of
  illness or injury.
The guidelines recommend durable medical equipment generally if there is a medical need and if the device or
  system meets Medicare's definition of durable medical equipment.
Continuous-flow cryotherapy is recommended as an option after surgery for up to 7 days, including home use,
  but not for nonsurgical treatment.
Walking aids are recommended for patients with conditions causing impaired ambulation when there is a
  potential for ambulation with these devices.
[consult]
ACOEM Practice Guidelines, Second Edition (2004), page 127 states that the occupational health practitioner
  may refer to other specialists if the diagnosis is uncertain or extremely complex, when psychosocial factors
  are present, or when the plan or course of care may benefit from additional expertise.
A consultation is intended to aid in the diagnosis, prognosis and therapeutic management of a patient.
ODG states that the need for a clinical office visit with a health care provider is individualized based
  upon a review of the patient's concerns, signs and symptoms, clinical stability and reasonable physician
  judgment.
Referral for surgical consultation may be indicated for patients who have activity limitation for more than
  four months plus clear clinical and imaging evidence of a lesion that has been shown to benefit from
  surgical repair.
[preop]
ODG states that preoperative testing and evaluation should be guided by the patient's clinical history,
  comorbidities and physical examination findings.
The decision to order preoperative tests or a medical consultation depends on the planned procedure and the
  patient's risk factors.
Patients undergoing low-risk surgery generally do not require a separate preoperative medical evaluation.
[surgery]
The guidelines indicate that surgical consultation and intervention may be considered when there are
  activity limitations for more than four months and a failure to improve with exercise programs.
ACOEM notes that conservative care, including cortisone injections, can be carried out for at least three to
  six months before considering surgery.
ODG requires clear clinical and imaging evidence of a lesion that has been shown to benefit in both the
  short and long term from surgical repair.
There is no scientific evidence about the long-term effectiveness of some surgical procedures compared with
  natural history, placebo or conservative treatment.
ODG pre-operative requirements include identification and treatment of all pain generators and completion of
  a psychosocial screen with confounding issues addressed.
[uds]
MTUS page 43 recommends drug testing as an option to assess for the use or the presence of illegal drugs.
ODG recommends that patients at low risk of addiction or aberrant behavior be tested within six months of
  initiating therapy and on a yearly basis thereafter.
Patients at moderate risk may be tested two to three times a year, and patients at high risk may require
  testing as often as once a month.
The opioid management section of the guidelines lists urine screening among the steps to take before and
  during opioid therapy.
[emg]
ACOEM states that electromyography and nerve conduction velocities, including H-reflex tests, may help
  identify subtle focal neurologic dysfunction in patients with symptoms lasting more than three or four
  weeks.
Appropriate electrodiagnostic studies may help differentiate between carpal tunnel syndrome and other
  conditions, such as cervical radiculopathy.
ODG adds that EMGs are not necessary if radiculopathy is already clinically obvious.
Repeat studies are not indicated unless there is a significant change in symptoms or findings.
[labs]
The guidelines recommend periodic laboratory monitoring, including a complete blood count and chemistry
  profile with liver and renal function tests, for patients on long-term NSAID therapy.
Routine testing in healthy patients rarely changes management.
ODG recommends polysomnography after at least six months of an insomnia complaint that is unresponsive to
  behavior intervention and sedative medications, once psychiatric etiology has been excluded.
Testing should be guided by the patient's clinical history, comorbidities and physical examination findings.
[psych_eval]
MTUS pages 100 and 101 recommend psychological evaluations as a generally accepted, well-established
  diagnostic procedure, not only with selected use in pain problems but also with more widespread use in
  chronic pain populations.
The evaluation should determine whether further psychosocial interventions are indicated.
Psychological evaluations should distinguish between conditions that are preexisting, aggravated by the
  current injury or work related.
[psychotherapy]
The guidelines recommend an initial trial of 3 to 4 psychotherapy visits over 2 weeks and, with evidence of
  objective functional improvement, a total of up to 6 to 10 visits over 5 to 6 weeks.
ODG recommends cognitive therapy for depression and for posttraumatic stress disorder, and states that
  standard cognitive therapy has been proven to be effective.
The ODG psychotherapy guidelines call for an initial trial of 6 visits over 6 weeks.
Biofeedback is not recommended as a stand-alone treatment but may be recommended as an option within a
  cognitive behavioral therapy program.
[frp]
MTUS pages 30 to 34 list the criteria for participation in a functional restoration program.
These include an adequate and thorough evaluation, including baseline functional testing so that follow-up
  with the same test can note functional improvement.
Previous methods of treating chronic pain must have been unsuccessful, the patient must have a significant
  loss of the ability to function independently, and the patient must not be a candidate for surgery.
The guidelines state that treatment is not suggested for longer than 2 weeks without evidence of
  demonstrated efficacy.
Work hardening requires a functional capacity evaluation showing consistent results with maximal effort and
  a defined return to work goal agreed to by the employer and the employee.
[weight]
The guidelines recommend lifestyle modification, including diet and exercise, as the first step in the
  management of obesity.
Physician-supervised weight loss programs are recommended only when a patient has failed to lose weight with
  caloric restriction and increased physical activity.
The MTUS does not specifically address commercial weight loss programs.
[home_health]
The guidelines recommend home health services only for otherwise recommended medical treatment for patients
  who are homebound, on a part-time or intermittent basis, generally up to no more than 35 hours per week.
Medical treatment does not include homemaker services such as shopping, cleaning and laundry, or personal
  care given by home health aides, such as bathing, dressing and using the bathroom, when this is the only
  care needed.
[gym]
ODG does not recommend gym memberships as a medical prescription unless a home exercise program has not been
  effective and there is a need for equipment.
Treatment needs to be monitored and administered by medical professionals.
With unsupervised programs there is no information flow back to the provider, so the program can be neither
  adjusted nor its results evaluated.
[transport]
ODG recommends transportation to and from appointments for medically necessary visits in the same community
  for patients with disabilities preventing them from self-transport.
Transportation is not intended to replace the patient's usual means of travel when the patient is able to
  drive or use public transportation.
"""
)

FACTS_UP = _pools(
    """
[opioid]
In this case, {pt} has used this medication for close to two years.
The {rep} report documents pain levels, but it does not describe any specific activity {pt} is able to
  perform because of the medication.
There is no pain contract on file, no urine drug screen result and no discussion of side effects or aberrant
  behaviors.
{Pc} pain has remained at 8/10 for at least a year on the current dose.
The records do not compare pain scores with and without medication.
{Pc} work status has not changed during the period of treatment.
Weaning should be considered as outlined in MTUS.
[muscle]
Review of the records shows that {pt} has taken this medication on a daily basis for more than {n} months.
The {rep} report does not describe an acute flare-up, and there is no documentation of reduced spasm or
  improved function attributable to this medication.
Long-term use is not supported by the guidelines.
[nsaid]
The records do not show a trial of acetaminophen or topical therapy.
There is no discussion from the treating physician about the risks of continued use or a plan for laboratory
  monitoring.
{Sc} has taken this medication for more than {n} months without documented improvement in pain or function.
[ppi]
The records indicate that {pt} is not currently taking an NSAID.
There is no history of ulcer disease or bleeding, and none of the progress notes describe dyspepsia, reflux
  or other gastrointestinal complaints.
The reason for prescribing this medication is not explained.
{Sc} does not meet any of the risk criteria described in the guidelines.
[aed]
The records do not document the degree of pain relief or any functional improvement obtained with this
  medication.
{Pc} symptoms are primarily axial and the examination does not show a neuropathic component.
{Sc} previously tried a medication of the same class for three months without benefit.
[antidep]
There is no documentation of improvement in pain, sleep or function with this medication.
The records do not describe a psychological assessment or the target symptoms of treatment.
[benzo]
{Sc} has taken this medication for about a year and a half.
The records do not document improvement in anxiety symptoms or in function with this medication.
There is no plan to taper, and the treating physician is encouraged to reduce the dose gradually to avoid
  withdrawal.
[hypnotic]
{Sc} has been using this medication nightly for more than {n} months.
The records do not describe a sleep assessment, sleep hygiene measures or any reduction in sleep latency or
  night awakenings with the medication.
Continued use is not consistent with the guidelines.
[topical]
{Pc} pain is not a localized peripheral neuropathic condition.
The records do not document a trial of first-line oral agents for neuropathic pain.
Because this product contains at least one agent that is not recommended, the compound as a whole is not
  recommended.
[antiemetic]
{Sc} has taken this medication for several years for chronic opioid-related nausea, which is not an approved
  or guideline-supported indication.
Continued opioid therapy has not been found medically necessary in this review, and the nausea would be
  expected to improve with tapering.
[laxative]
Continued opioid therapy has not been supported in this review.
The records do not describe constipation or bowel habits.
[pt]
In this case, it appears that {pt} has already completed at least 12 sessions of therapy.
There are no discussions provided regarding the impact physical therapy had on {pt}'s pain and function.
{Sc} has been instructed in a home exercise program, and there is no explanation of why the remaining goals
  cannot be achieved through the home program.
The requested number of visits would exceed the number recommended by the guidelines.
[postop_pt]
As the underlying surgery has not been certified in this review, there is no surgical procedure to which the
  therapy would apply.
The request exceeds the initial course of therapy recommended by the guidelines.
[acu]
After an unknown number of prior acupuncture sessions, no evidence of any sustained, significant, objective
  functional improvement was provided.
There are no discussions provided on the impact acupuncture had on {pt}.
The request exceeds the 3 to 6 treatments needed to demonstrate functional improvement.
[chiro]
{Sc} has completed 12 chiropractic sessions.
The treatment notes show no meaningful change in pain scores and no improvement in {P} work restrictions or
  daily activities over the course of care.
Without objective functional improvement from the prior sessions, additional manipulation is not supported
  by the guidelines.
[imaging]
The neurologic examination is normal, and no red flags are documented.
There is no indication that {pt} has completed a trial of conservative care or that surgery is being
  considered.
There has been no new injury, and the records do not describe any change in symptoms since the prior study.
A repeat study would not be expected to change the treatment plan.
[esi]
In this case, {pt}'s pain is primarily axial rather than in a dermatomal pattern.
The examination documents normal strength, sensation and reflexes, and the MRI shows no nerve root
  compression.
Radiculopathy has not been established.
The prior injection did not provide at least 50% relief for six weeks.
[facet]
{Sc} has radicular symptoms into the leg.
The request exceeds the number of levels supported by the guidelines.
There is no documentation of a recent course of conservative care.
[tpi]
The records do not document circumscribed trigger points with a twitch response and referred pain.
{Sc} has radicular findings on examination.
[joint_inj]
The imaging does not show severe osteoarthritis.
The response to the prior injection was not documented.
There is no documentation of a failed course of conservative care.
[tens]
There is no documentation of a successful one-month trial.
The request does not include a treatment plan with specific short- and long-term goals.
{Sc} is not participating in a program of evidence-based functional restoration.
[brace]
The injury occurred more than three years ago, and there is no documentation of fracture, spondylolisthesis
  or instability.
The examination shows a stable joint and no documented instability.
{Pc} job duties do not involve climbing or heavy load bearing.
[dme]
The records do not describe a medical need for this equipment.
This item is primarily for comfort or convenience rather than for a medical purpose.
No surgical procedure has been certified in this review.
[consult]
The treating physician does not explain what question the consultation is intended to answer or how it would
  alter the current plan of care.
The diagnosis is not uncertain or complex, and no red flags are documented.
Only one report was provided for this review and it did not contain any information indicating a need for
  such a referral.
[preop]
Because the associated surgery has not been found medically necessary in this review, there is no planned
  procedure for which clearance would be required.
The records do not describe any cardiac, pulmonary or metabolic condition that would call for a separate
  evaluation.
[surgery]
In this case, there is no documentation of a recent structured rehabilitation program.
The imaging does not show a lesion that would be expected to benefit from surgical repair.
No psychological evaluation has been performed, and {pt} continues to smoke.
The criteria for surgical intervention have not been met at this time.
[uds]
{Sc} had a urine drug screen less than two months before the request that was consistent with {P} prescribed
  medication.
There is no history of substance misuse, no inconsistent result and no documentation of aberrant behavior
  that would justify more frequent testing.
The treating physician did not document a risk assessment.
[emg]
Electrodiagnostic studies performed last year confirmed the diagnosis, and {pt}'s symptoms and neurologic
  findings have not changed since that study.
Radiculopathy is already clinically obvious, and testing would not change the treatment.
[labs]
{Sc} is otherwise healthy and takes no regular medications.
No specific indication for the tests is given in the records.
[psych_eval]
The records do not describe psychological symptoms or a reason for the evaluation.
A psychological evaluation was completed earlier this year.
[psychotherapy]
{Sc} has already completed 12 sessions without documented objective functional improvement.
The request exceeds the initial trial recommended by the guidelines.
[frp]
No baseline functional testing has been documented.
Negative predictors of success, such as the duration of disability, have not been addressed.
{Sc} is currently being considered for surgery.
[weight]
There is no documentation of a failed attempt at weight loss with diet and exercise.
The records do not describe the components or the supervision of the program.
[home_health]
In this case, {pt} is not homebound; {S} drives to {P} medical appointments.
The request is for help with housekeeping and errands rather than for skilled medical care.
[gym]
There is no documentation that a home exercise program has been ineffective.
The program would not be monitored by a medical professional.
[transport]
{Sc} drives and has no disability preventing self-transport.
"""
)

FACTS_OV = _pools(
    """
[any]
The utilization review denial cited a lack of documentation that is in fact present in the {rep} report.
All of the guideline criteria are met.
[drug]
The {rep} progress report documents that {pt}'s pain decreased from 8/10 to 4/10 with this medication.
The treating physician documents specific functional benefits, including walking for about 20 minutes and
  preparing {P} own meals.
No adverse effects were reported.
The current dose is modest and within the range the guidelines support.
{Sc} has tried first-line alternatives without adequate relief.
[monitor]
Appropriate monitoring is in place, with a consistent urine drug screen and a CURES report showing a single
  prescriber.
An opioid agreement is on file and no aberrant behaviors are documented.
[therapy]
{Sc} has not previously received this treatment for the current condition.
The requested number of sessions falls within the guideline recommendations.
{Sc} remains engaged in a home exercise program.
The records document measurable functional gains from the prior course, including improved lifting tolerance
  and a return to modified work.
The treating physician has set out specific, measurable functional goals for the requested treatment.
[procedure]
{Sc} has failed an adequate course of conservative care, including medications and physical therapy.
The examination findings are consistent with the requested service.
The {rep} progress report documents a progressive neurologic deficit.
The imaging findings correlate with the examination.
[test]
There is no record of a prior study of this kind.
The results would be expected to change the treatment plan.
The examination findings are consistent with the requested service.
[equipment]
{Sc} has documented benefit from a trial of this device during supervised therapy.
The request is for a limited rental period with defined goals.
The device is intended as an adjunct to an active program of functional restoration.
"""
)
OV_GROUPS: dict[str, tuple[str, ...]] = {
    "opioid": ("drug", "monitor"),
    "benzo": ("drug", "monitor"),
    "pt": ("therapy",),
    "postop_pt": ("therapy",),
    "acu": ("therapy",),
    "chiro": ("therapy",),
    "psychotherapy": ("therapy",),
    "psych_eval": ("test",),
    "frp": ("therapy",),
    "home_health": ("therapy",),
    "weight": ("therapy",),
    "gym": ("therapy",),
    "transport": ("therapy",),
    "imaging": ("test", "procedure"),
    "emg": ("test", "procedure"),
    "uds": ("test", "monitor"),
    "labs": ("test",),
    "esi": ("procedure",),
    "facet": ("procedure",),
    "tpi": ("procedure",),
    "joint_inj": ("procedure",),
    "surgery": ("procedure",),
    "consult": ("procedure",),
    "preop": ("test",),
    "tens": ("equipment",),
    "brace": ("equipment",),
    "dme": ("equipment",),
}

_LISTS = _pools(
    """
[GENERIC_UP]
There is no documentation of objective functional improvement with prior treatment.
The records provided for review do not establish the medical necessity of the request.
The treating physician does not explain the rationale for this request.
The submitted reports do not describe specific functional goals for this treatment.
The records do not address the criteria set out in the guidelines.
[OPENERS]
The patient presents with {comp}. The request is for {t}.
According to the {rep} report, {pt} presents with {comp}. The request is for {t}.
{Pt} has {comp}. The request is for {t}.
{Pt} presents with {comp}.
-
-
[CLOSE_UP]
The requested {t} is not medically necessary.
The request for {t} is not medically necessary.
Therefore, the request for {t} is not medically necessary.
{T} is not medically necessary.
Accordingly, the {t} is not medically necessary.
Therefore, the requested {t} is not medically necessary.
The request for {t} is not medically necessary at this time.
[CLOSE_OV]
The request for {t} is medically necessary and appropriate.
{T} is medically necessary and appropriate.
The requested {t} is medically necessary.
Therefore, the {t} is medically necessary.
The request for {t} is medically necessary.
"""
)
GENERIC_UP = _LISTS["GENERIC_UP"]
OPENERS = ["" if x == "-" else x for x in _LISTS["OPENERS"]]
CLOSE_UP = _LISTS["CLOSE_UP"]
CLOSE_OV = _LISTS["CLOSE_OV"]

# ---------------------------------------------------------------------------
# Citation wording, one renderer per layout
# ---------------------------------------------------------------------------


def _det_section_pages(rng: random.Random, c: Cit, glue_p: float) -> str:
    """What follows the topic on a Chronic Pain or Postsurgical determination line: section, then pages."""
    s = ""
    if c.section:
        s += " " + c.section
    if c.pages:
        glued = not c.topic and not c.section and rng.random() < glue_p
        s += ("" if glued else " ") + "Page(s): " + fmt_pages_det(c.pages)
    return s


def render_det_one(rng: random.Random, c: Cit, glue_p: float, comma_p: float, drop_mtus: bool = False) -> str:
    """A citation as the determination layout's guideline lines write it."""
    mtus = "" if drop_mtus else "MTUS "
    if c.g == "cp":
        name = mtus + (
            "Chronic Pain Medical Treatment Guidelines" if rng.random() < 0.85 else "Chronic Pain Treatment Guidelines"
        )
        s = name
        if c.topic:
            s += wchoice(rng, [(" ", 85), (",", comma_p * 100), (", ", 5)]) + c.topic
        return s + _det_section_pages(rng, c, glue_p)
    if c.g == "acu":
        s = mtus + (
            "Acupuncture Treatment Guidelines" if rng.random() < 0.5 else "Acupuncture Medical Treatment Guidelines"
        )
        if c.section:
            s += " " + c.section
        return s
    if c.g == "post":
        s = mtus + "Postsurgical Treatment Guidelines"
        if c.topic:
            s += " " + c.topic
        return s + _det_section_pages(rng, c, glue_p)
    if c.g == "acoem":
        ch = c.ch or 0
        name = ACOEM_CHAPTERS.get(ch, "")
        pages = c.pages
        pword = "page" if len(pages) == 1 and pages[0][0] == pages[0][1] else "pages"
        ptxt = fmt_pages_det(pages)
        if not c.mtus:
            if c.edition:
                return (
                    f"Non-MTUS Citation American College of Occupational and Environmental Medicine (ACOEM), "
                    f"2nd Edition, (2004) Chapter {ch}, {pword} {ptxt}" + (", Consult" if rng.random() < 0.5 else "")
                )
            return f"Non-MTUS Citation ACOEM Guidelines, {name}, Chapter {ch}, {pword} {ptxt}"
        s = "MTUS ACOEM Practice Guidelines"
        if c.edition:
            s += ", 2nd Edition (2004), " if rng.random() < 0.8 else ", 2nd Edition, (2004) "
        else:
            s += " "
        s += f"Chapter {ch}"
        if name and rng.random() < 0.9:
            s += " " + name
        pstyle = wchoice(rng, [("comma", 70), ("space", 20), ("pps", 10)])
        if pstyle == "comma":
            s += f", {pword} {ptxt}"
        elif pstyle == "space":
            s += f" {pword} {ptxt}"
        else:
            s += f" Page(s): {ptxt}"
        return s
    if c.g == "odg":
        name = wchoice(
            rng, [("Official Disability Guidelines (ODG), ", 85), ("Official Disability Guidelines, ", 10), ("ODG ", 5)]
        )
        s = f"Non-MTUS Citation {name}{c.chapter} Chapter"
        if c.topic:
            s += ", " + c.topic
        return s
    return f"Non-MTUS Citation {c.chapter}, {c.topic}"


def render_det_line(rng: random.Random, cits: list[Cit], who: str, glue_p: float, comma_p: float) -> str:
    if not cits:
        return f"{who} guideline: The Claims Administrator did not cite any medical evidence for its decision."
    parts: list[str] = []
    prev: Cit | None = None
    for c in cits:
        drop = (
            prev is not None
            and prev.mtus
            and c.mtus
            and c.g in ("cp", "acu", "post")
            and prev.g in ("cp", "acu", "post")
            and rng.random() < 0.15
        )
        txt = render_det_one(rng, c, glue_p, comma_p, drop)
        if parts:
            if drop:
                sep = "," if rng.random() < 0.6 else ", "
            elif not c.mtus:
                sep = wchoice(rng, [(", ", 45), ("; ", 30), (",", comma_p * 100), (". ", 10)])
            else:
                sep = wchoice(rng, [("; ", 60), (", ", 40)])
            parts.append(sep)
        parts.append(txt)
        prev = c
    body = "".join(parts)
    end = wchoice(rng, [(".", 85), ("", 10), (". ", 5)])
    lead = "Decision based on "
    if all(not c.mtus for c in cits) and rng.random() < 0.6:
        subj = "The Claims Administrator" if who.startswith("Claims") else "The Expert Reviewer"
        lead = f"{subj} did not base their decision on the MTUS.  Decision based on "
    return f"{who} guideline: {lead}{body}{end}"


def _prose_topic_section_pages(c: Cit) -> str:
    """What follows a Chronic Pain or Postsurgical guideline's name in prose: topic, section, pages."""
    s = ""
    if c.topic:
        s += ", " + c.topic
    if c.section:
        s += ", section " + c.section
    if c.pages:
        s += ", " + fmt_pages_prose(c.pages)
    return s


def render_prose_one(rng: random.Random, c: Cit, layout: str) -> str:
    """A citation as the documents-reviewed / professional-review layouts word it."""
    docs = layout == FORMAT_DOCS
    art = "the " if docs else ""
    if c.g == "cp":
        s = art + ("MTUS " if (not docs or rng.random() < 0.15) else "") + "Chronic Pain Medical Treatment Guidelines"
        return s + _prose_topic_section_pages(c)
    if c.g == "acu":
        s = art + ("" if docs else "MTUS ") + "Acupuncture Medical Treatment Guidelines"
        if c.section:
            s += ", section " + c.section
        return s
    if c.g == "post":
        s = art + ("" if docs else "MTUS ") + "Postsurgical Treatment Guidelines"
        return s + _prose_topic_section_pages(c)
    if c.g == "acoem":
        ch = c.ch or 0
        name = ACOEM_CHAPTERS.get(ch, "")
        if docs:
            s = art + wchoice(
                rng,
                [
                    ("ACOEM Practice Guidelines", 60),
                    ("American College of Occupational and Environmental Medicine (ACOEM) Practice Guidelines", 40),
                ],
            )
            if c.edition:
                s += ", 2nd Edition (2004)"
            s += f", Chapter {ch}"
            if name:
                s += f", {name}"
        else:
            s = ("MTUS " if c.mtus else "") + "ACOEM Practice Guidelines"
            if c.edition:
                s += ", 2nd Edition (2004)"
            s += f", Chapter {ch} {name}" if name else f", Chapter {ch}"
        return s + ", " + fmt_pages_prose(c.pages)
    if c.g == "odg":
        s = art + f"Official Disability Guidelines (ODG), {c.chapter} Chapter"
        if c.topic:
            s += ", " + c.topic
        return s
    return art + f"{c.chapter}, {c.topic}"


def group_prose(rng: random.Random, cits: list[Cit], layout: str) -> str:
    """Join citations; consecutive Chronic Pain topics may share one guideline name."""
    docs = layout == FORMAT_DOCS
    chunks: list[str] = []
    i = 0
    while i < len(cits):
        c = cits[i]
        j = i + 1
        if c.g == "cp" and c.topic and c.pages and not c.section and rng.random() < 0.7:
            while j < len(cits) and cits[j].g == "cp" and cits[j].topic and cits[j].pages and not cits[j].section:
                j += 1
        if j - i > 1:
            first = render_prose_one(rng, c, layout)
            rest = [f"{x.topic}, {fmt_pages_prose(x.pages)}" for x in cits[i + 1 : j]]
            txt = first + ", " + ", ".join(rest[:-1]) + (", " if len(rest) > 1 else "") + "and " + rest[-1]
            plural = True
        else:
            txt = render_prose_one(rng, c, layout)
            plural = rng.random() < 0.4
        if docs or c.g == "odg" or not c.mtus:
            if c.mtus:
                txt += ", which are part of the MTUS" if plural else ", which is part of the MTUS"
            else:
                txt += ", which is not part of the MTUS"
        chunks.append(txt)
        i = j
    if len(chunks) == 1:
        return chunks[0]
    return ", ".join(chunks[:-1]) + ", and " + chunks[-1]


# ---------------------------------------------------------------------------
# Text layout: wrapping, pages, debris
# ---------------------------------------------------------------------------

NO_HYPH = {
    "medically",
    "necessary",
    "appropriate",
    "certified",
    "partially",
    "overturned",
    "upheld",
    "guidelines",
    "treatment",
}
VOWELS = set("aeiouy")


class Doc:
    """The letter as physical lines, each followed by a joiner (newlines)."""

    def __init__(self, rng: random.Random, hyph_p: float, trail: str) -> None:
        self.rng = rng
        self.items: list[list[str]] = []  # [text, joiner]
        self.hyph_p = hyph_p
        self.trail = trail

    def width(self) -> int:
        return self.rng.randint(84, 99)

    def line(self, text: str, trail: str | None = None, joiner: str = "\n\n") -> None:
        self.items.append([text + (self.trail if trail is None else trail), joiner])

    def sep(self) -> None:
        self.items.append([" ", "\n\n"])

    def para(self, segments: list[tuple[str, bool]], extra_trail: str = "") -> None:
        rng = self.rng
        lines: list[str] = []
        cur = ""
        width = self.width()
        for text, hyph in segments:
            for word in text.split(" "):
                if cur == "" and word == "":
                    continue
                if cur == "":
                    cur = word
                    continue
                cand = cur + " " + word
                if len(cand) <= width:
                    cur = cand
                    continue
                if (
                    hyph
                    and self.hyph_p
                    and len(word) >= 8
                    and word.isalpha()
                    and word.islower()
                    and word not in NO_HYPH
                    and rng.random() < self.hyph_p
                ):
                    room = width - len(cur) - 2
                    k = min(room, len(word) - 3)
                    # break at a syllable-like boundary: V|CV ("medi-cation") or VC|CV ("recom-mended")
                    while k >= 3 and not (
                        word[k] not in VOWELS
                        and word[k + 1] in VOWELS
                        and (word[k - 1] in VOWELS or (word[k - 2] in VOWELS and word[k - 1] != word[k - 2]))
                    ):
                        k -= 1
                    if k >= 3:
                        lines.append(cur + " " + word[:k] + "-")
                        cur = word[k:]
                        width = self.width()
                        continue
                lines.append(cur)
                cur = word
                width = self.width()
        if cur:
            lines.append(cur)
        for n, ln in enumerate(lines):
            self.line(ln, (self.trail + extra_trail) if n == len(lines) - 1 else None)

    def render(self, footer: str | None, page_len: int, formfeed: bool, single: bool, crlf: bool) -> str:
        rng = self.rng
        items = self.items
        out: list[list[str]] = []
        count = 0
        page = 1
        limit = page_len + rng.randint(-3, 3)
        for k, it in enumerate(items):
            out.append(it)
            count += 1
            if count >= limit and k < len(items) - 2:
                if footer is None:
                    out.append(["\x0c" if formfeed else "", "\n\n"])
                else:
                    text = footer if footer != "PAGE" else f"Page {page} of @@"
                    out.append(["", "\n\n"])
                    out.append([text + self.trail, "\n\n"])
                    out.append(["\x0c" if formfeed else "", "\n\n"])
                page += 1
                count = 0
                limit = page_len + rng.randint(-3, 3)
        if footer is not None:
            text = footer if footer != "PAGE" else f"Page {page} of @@"
            out.append(["", "\n\n"])
            out.append([text + self.trail, "\n"])
        else:
            out.append(["", "\n\n"])
            out.append(["", "\n"])
        parts: list[str] = []
        for text, joiner in out:
            parts.append(text)
            parts.append("\n" if single else joiner)
        s = "".join(parts)
        if footer == "PAGE":
            s = s.replace(" of @@", f" of {page}")
        if crlf:
            s = s.replace("\n", "\r\n")
        return s


# ---------------------------------------------------------------------------
# One letter
# ---------------------------------------------------------------------------

HOW = "HOW THE IMR FINAL DETERMINATION WAS MADE"
NO_EVIDENCE_DOCS = "The Claims Administrator did not cite any evidence-based guidelines for its decision."
BOILER_DET_1 = (
    "MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no "
    "affiliation with the employer, employee, providers or the claims administrator."
)
BOILER_DET_2 = (
    "He/she has been in active clinical practice for more than five years and is currently working at "
    "least 24 hours a week in active practice. The expert reviewer was selected based on his/her "
    "clinical experience, education, background, and expertise in the same or similar specialties that "
    "evaluate and/or treat the medical condition and disputed items/services. He/she is familiar with "
    "governing laws and regulations, including the strength of evidence hierarchy that applies to "
    "Independent Medical Review determinations."
)
BOILER_DOCS_1 = (
    "MAXIMUS Federal Services sent the complete case file to a physician Expert Reviewer who has no "
    "affiliation with the employer, the employee, the providers or the claims administrator."
)
BOILER_DOCS_2 = (
    "The Expert Reviewer has been in active clinical practice for more than five years, currently sees "
    "patients at least 24 hours a week, and is familiar with the laws, regulations and evidence standards "
    "that govern Independent Medical Review. The Expert Reviewer was chosen for clinical experience, "
    "training and expertise relevant to the medical condition and the disputed items/services."
)
DOCS_INTRO = (
    "MAXIMUS Federal Services has completed the Independent Medical Review (IMR) of the workers' "
    "compensation case identified above. This letter sets out the IMR Final Determination for each "
    "disputed item or service and explains how the determination was reached."
)
SUMMARY_INTRO = (
    "The expert reviewer developed the following clinical case summary based on a review of the case "
    "file, including all medical records:"
)
ISSUES_INTRO = "The Final Determination was based on decisions for the disputed items/services set forth below:"
TREATMENT_HISTORY = [
    "physical therapy",
    "chiropractic care",
    "acupuncture",
    "medications",
    "a home exercise program",
    "two epidural steroid injections",
    "activity modification",
    "modified duty",
    "a course of physical therapy",
    "anti-inflammatory medication",
    "a trigger point injection",
    "a TENS unit",
]
PROF_WHY_MTUS = [
    "The MTUS is the primary standard for the treatment of injured workers in California.",
    "These guidelines apply to the requested treatment and are part of the MTUS.",
    "This section of the MTUS sets out the criteria that apply to the request.",
    "The reviewer found these guidelines to be the most relevant to the requested service.",
]
PROF_WHY_ODG = [
    "The MTUS does not address this request, so the reviewer relied on this nationally recognized, "
    "evidence-based guideline.",
    "This guideline specifically addresses the requested service.",
]
PROF_WHY_MIXED = [
    "The MTUS addresses this request only briefly, so the reviewer also consulted this nationally "
    "recognized guideline.",
]


class LetterGen:
    def __init__(self, seed: int, index: int, name: str) -> None:
        self.rng = random.Random(f"imr-archive-bench:{seed}:{index}")
        self.name = name
        self.sides: dict[str, str] = {}

    # -- helpers used by the item kinds ------------------------------------
    def side_for(self, region: Region) -> str:
        if region.key not in self.sides:
            self.sides[region.key] = "right" if self.rng.random() < 0.58 else "left"
        return self.sides[region.key]

    def pick_region(self, exclude_psych: bool = False, prefer: tuple[str, ...] = ()) -> Region:
        rng = self.rng
        r = self.region
        if exclude_psych and r.key == "psych":
            r = REGION_BY_KEY["lumbar"]
        if prefer and r.key not in prefer and rng.random() < 0.6:
            r = REGION_BY_KEY[rng.choice(prefer)]
        elif rng.random() >= 0.75:
            pool = [x for x in REGIONS if not (exclude_psych and x.key == "psych")]
            r = wchoice(rng, [(x, x.weight) for x in pool])
        self.last_region = r
        return r

    def _complaint(self, it: Item) -> str:
        """The complaint a rationale opens with: the one of the request's own body region."""
        if it.region is None or it.region.key == self.region.key:
            return getattr(self, "comp", "chronic pain")
        return self.rng.choice(it.region.complaints).format(side=self.side_for(it.region))

    def report_date(self) -> date:
        lo = max(self.injury + timedelta(days=20), self.ur - timedelta(days=150))
        span = max(1, (self.ur - timedelta(days=4) - lo).days)
        return lo + timedelta(days=self.rng.randint(0, span))

    def fill(self, s: str, **extra: Any) -> str:
        ctx = dict(self.pron)
        ctx.update(extra)
        return s.format_map(ctx)

    # -- the letter ---------------------------------------------------------
    def build(self) -> tuple[str, dict[str, Any]]:
        rng = self.rng
        self.layout = wchoice(rng, [(FORMAT_DET, 75), (FORMAT_DOCS, 17), (FORMAT_PROF, 8)])
        self._dates()
        self._patient()
        # the injury's body region; a psychiatric claim is set below when every request is psychiatric
        self.region = wchoice(rng, [(r, r.weight) for r in REGIONS if r.key != "psych"])
        self._items()
        self._reviewer()
        self._diagnoses()
        # debris settings
        self.hyph_p = 0.12 if rng.random() < 0.3 else 0.0
        self.trail = " " if rng.random() < 0.85 else ""
        self.glue_p = 0.4 if rng.random() < 0.4 else 0.0  # "GuidelinesPage(s):"
        self.comma_p = 0.12 if rng.random() < 0.5 else 0.0  # "Guidelines,Chronic Pain"
        doc = Doc(rng, self.hyph_p, self.trail)
        self.doc = doc
        self.case_shown = False
        if self.layout == FORMAT_DET:
            self._det(doc)
        elif self.layout == FORMAT_DOCS:
            self._docs(doc)
        else:
            self._prof(doc)
        footer_kind = wchoice(rng, [(None, 35), ("PAGE", 40), ("CASE", 25)])
        if footer_kind == "CASE" and self.layout == FORMAT_DET:
            footer: str | None = self.case_number
            self.case_shown = True
        elif footer_kind is None:
            footer = None
        else:
            footer = "PAGE"
        text = doc.render(footer, rng.randint(46, 60), rng.random() < 0.08, rng.random() < 0.1, rng.random() < 0.08)
        return text, self._expected()

    # -- pieces ------------------------------------------------------------
    def _dates(self) -> None:
        rng = self.rng
        if self.layout == FORMAT_PROF:
            lo, hi = date(2012, 11, 15), date(2013, 5, 31)
        elif self.layout == FORMAT_DOCS:
            lo, hi = date(2013, 5, 1), date(2014, 7, 31)
        else:
            lo, hi = date(2014, 1, 1), date(2024, 10, 31)
        self.ur = lo + timedelta(days=rng.randint(0, (hi - lo).days))
        self.app = self.ur + timedelta(days=rng.randint(3, 25))
        self.assigned = self.app + timedelta(days=rng.randint(2, 12))
        self.decision = self.assigned + timedelta(days=rng.randint(14, 45))
        years_back = min(rng.expovariate(1 / 4.0), 20.0)
        self.injury = self.ur - timedelta(days=int(120 + years_back * 365))
        yy = self.app.year % 100
        seq = self.app.timetuple().tm_yday * 540 + rng.randint(0, 539)
        if self.layout == FORMAT_PROF:
            seq = self.app.timetuple().tm_yday * 60 + rng.randint(0, 59)
        self.case_number = f"CM{yy:02d}-{seq:07d}"
        self.dated = self.decision

    def _patient(self) -> None:
        rng = self.rng
        self.age = rng.randint(20, 75)
        inj_age = self.age - (self.ur.year - self.injury.year)
        if inj_age < 18:
            self.injury = self.ur - timedelta(days=rng.randint(120, 700))
        r = rng.random()
        if self.layout == FORMAT_PROF and r < 0.3:
            self.sex = None
        else:
            self.sex = "female" if rng.random() < 0.45 else "male"
        if self.layout == FORMAT_PROF:
            who = "the applicant"
        elif self.layout == FORMAT_DOCS:
            who = "the patient"
        else:
            who = rng.choice(["the patient", "the injured worker", "the patient"])
        self.who = who
        if self.sex == "female":
            p = {"S": "she", "Sc": "She", "P": "her", "Pc": "Her", "O": "her"}
        elif self.sex == "male":
            p = {"S": "he", "Sc": "He", "P": "his", "Pc": "His", "O": "him"}
        else:
            p = {"S": who, "Sc": who.capitalize(), "P": who + "'s", "Pc": who.capitalize() + "'s", "O": who}
        p["pt"] = who
        p["Pt"] = who.capitalize()
        self.pron = p

    def _items(self) -> None:
        rng = self.rng
        n = wchoice(rng, [(1, 38), (2, 32), (3, 20), (4, 10)])
        items: list[Item] = []
        seen: set[str] = set()
        tries = 0
        while len(items) < n and tries < 30:
            tries += 1
            kind = wchoice(rng, CATEGORY_KINDS)
            if kind == "pharma":
                kind = wchoice(rng, PHARMA_KINDS)
            self.last_region: Region | None = None
            it = kind(self)
            it.region = REGION_BY_KEY["psych"] if it.category == "Psychological Services" else self.last_region
            key = it.treatment.lower()
            if key in seen or (it.drug and any(x.drug == it.drug for x in items)):
                continue
            seen.add(key)
            if self.layout != FORMAT_DET:
                it.ca = [c for c in it.ca if c.g != "other"]
                it.rev = [c for c in it.rev if c.g != "other"] or it.rev
            items.append(it)
        psych = [it.category == "Psychological Services" or it.rkey in PSYCH_DRUGS for it in items]
        if all(psych) and any(it.category == "Psychological Services" for it in items) and rng.random() < 0.8:
            self.region = REGION_BY_KEY["psych"]
        self.psych_dx_p = (
            0.7 if any(it.category == "Psychological Services" for it in items) else (0.35 if any(psych) else 0.0)
        )
        for it in items:
            # about 3% partial overall: only requests with a count or a quantity can be partly
            # certified, and the documents-reviewed layout has no wording for it
            can_split = bool(it.count or (it.qty and it.qty >= 30)) and self.layout != FORMAT_DOCS
            if can_split and rng.random() < 0.068:
                it.outcome = "partial"
            else:
                it.outcome = "upheld" if rng.random() < 88 / 97 else "overturned"
            if self.layout == FORMAT_DOCS:
                it.stated = True
            elif self.layout == FORMAT_PROF:
                it.stated = rng.random() < 0.75
            else:
                it.stated = rng.random() < 0.8
        self.items = items

    def _reviewer(self) -> None:
        rng = self.rng
        cat = self.items[0].category
        spec = None
        r = rng.random()
        if cat == "Acupuncture" and r < 0.7:
            spec = "Acupuncture & Oriental Medicine"
        elif cat == "Chiropractic" and r < 0.65:
            spec = "Chiropractic"
        elif cat == "Psychological Services" and r < 0.6:
            spec = rng.choice(["Psychology", "Psychology", "Psychiatry"])
        elif cat == "Surgery" and r < 0.6:
            spec = {
                "wrist": rng.choice(["Orthopedic Surgery", "Plastic Surgery"]),
                "lumbar": rng.choice(["Orthopedic Surgery", "Neurological Surgery"]),
                "cervical": rng.choice(["Orthopedic Surgery", "Neurological Surgery"]),
                "ankle": rng.choice(["Orthopedic Surgery", "Podiatry"]),
            }.get(self.region.key, "Orthopedic Surgery")
        while True:
            if spec is None:
                spec = wchoice(rng, [(k, v[0]) for k, v in SPECIALTIES.items()])
            if spec in NON_PHYSICIAN and self.layout == FORMAT_DOCS:
                spec = None
                continue
            if spec in NON_PHYSICIAN and self.layout == FORMAT_PROF and spec != "Acupuncture & Oriental Medicine":
                spec = None
                continue
            break
        self.spec = spec
        self.spec_written = rng.choice(SPECIALTIES[spec][1])
        subs = SUBSPECIALTIES.get(spec, [])
        self.sub = rng.choice(subs) if subs and rng.random() < 0.3 else None
        k = wchoice(rng, [(1, 72), (2, 20), (3, 6), (0, 2)])
        others = rng.sample(OTHER_STATES, 2)
        if k == 0:
            states = [others[0]]
        else:
            states = ["California"] + others[: k - 1]
            if k > 1 and rng.random() < 0.1:
                rng.shuffle(states)
        self.states = states
        if self.layout == FORMAT_DET:
            if spec in NON_PHYSICIAN:
                self.cred_mode = "block"
            else:
                self.cred_mode = wchoice(rng, [("prose", 58), ("block", 40), ("none", 2)])
        elif self.layout == FORMAT_PROF and spec == "Acupuncture & Oriental Medicine":
            self.cred_mode = "om"
        else:
            self.cred_mode = "prose"

    def _diagnoses(self) -> None:
        rng = self.rng
        n = wchoice(rng, [(1, 12), (2, 35), (3, 38), (4, 15)])
        pool = list(self.region.diagnoses)
        dx: list[str] = []
        while len(dx) < n:
            if rng.random() < 0.18 or not pool:
                d = rng.choice(GENERAL_DIAGNOSES)
                if any(d.split(" ")[0] in x for x in dx):
                    continue
            else:
                d = pool.pop(rng.randrange(len(pool)))
                if " and " in d and rng.random() < 0.7:
                    continue
            if " and " in d and n < 3:
                continue
            d = d.format(side=self.side_for(self.region)) if "{side}" in d else d
            if d not in dx:
                dx.append(d)
        if self.region.key != "psych" and rng.random() < self.psych_dx_p:
            d = rng.choice(REGION_BY_KEY["psych"].diagnoses)
            if d not in dx:
                dx.insert(rng.randint(1, len(dx)), d)
                if len(dx) > 4:
                    dx.pop(0)
        self.dx = dx

    # -- sentences -----------------------------------------------------------
    def _age_words(self) -> str:
        a = self.age
        form = wchoice(
            self.rng, [("{a}-year-old", 60), ("{a} year old", 20), ("{a}-year old", 8), ("{a} year-old", 12)]
        )
        s = form.format(a=a)
        if self.sex == "female":
            s += " " + ("female" if self.rng.random() < 0.75 else "woman")
        elif self.sex == "male":
            s += " " + ("male" if self.rng.random() < 0.75 else "man")
        return s

    def _mech(self) -> str:
        m = self.rng.choice(self.region.mechanisms)
        if m.split(" ")[0].endswith("ing"):
            return " while " + m
        return f" when {self.pron['S']} " + m

    def _body(self) -> str:
        r = self.region
        if r.key == "psych":
            return "back"
        name = self.rng.choice(r.names)
        return name.format(side=self.side_for(r)) if r.sided else name

    def _demo(self) -> str:
        rng = self.rng
        di = fmt_date(self.injury, rand_date_style(rng))
        age = self._age_words()
        who = self.pron["Pt"]
        occ = rng.choice(OCCUPATIONS)
        if self.layout == FORMAT_PROF:
            if self.sex is None or rng.random() < 0.5:
                return f"The applicant is a {age} {occ} with a date of injury of {di}.{self._mech_sentence()}"
            return f"The applicant is a {age} {occ} who injured {self.pron['P']} {self._body()} on {di}{self._mech()}."
        if self.layout == FORMAT_DOCS:
            return wchoice(
                rng,
                [
                    (f"The patient is a {age} who was injured on {di}{self._mech()}.", 40),
                    (f"The patient is a {age} with a date of injury of {di}.{self._mech_sentence()}", 30),
                    (f"The patient is a {age} who injured {self.pron['P']} {self._body()} on {di}{self._mech()}.", 30),
                ],
            )
        return wchoice(
            rng,
            [
                (f"{who} is a {age} with a date of injury of {di}.{self._mech_sentence()}", 25),
                (f"{who} is a {age} who sustained an industrial injury on {di}{self._mech()}.", 25),
                (f"{who} is a {age} with an injury date of {di}.", 15),
                (f"This {age} sustained a work-related injury on {di}{self._mech()}.", 10),
                (f"{who} is a {age} who reported an industrial injury on {di}.", 12),
                (f"{who} is a {age} {occ} with an injury date of {di}.", 8),
                (f"{who} is a {age}, who sustained an industrial injury on {di}.", 5),
            ],
        )

    def _mech_sentence(self) -> str:
        if self.rng.random() < 0.4:
            return ""
        return f" {self.pron['Sc']} reports that {self.pron['S']} was injured{self._mech()}."

    def _dx_sentence(self) -> str:
        rng = self.rng
        dx = self.dx
        self.dx_list_form = len(dx) >= 2 and rng.random() < 0.12
        if self.dx_list_form:
            # the list form capitalises each diagnosis, and the expected parse keeps them as written
            self.dx = [d[0].upper() + d[1:] for d in dx]
            items = "  ".join(d + "." for d in self.dx)
            owner = "The patient's" if self.who == "the patient" else self.pron["Pc"]
            return f"{owner} diagnoses include the following:  {items}"
        # a diagnosis that itself contains " and " is only unambiguous inside an Oxford-comma list
        has_and = any(" and " in d for d in dx)
        lst = join_list(dx, oxford=has_and or rng.random() < 0.85)
        if len(dx) == 1:
            form = wchoice(
                rng,
                [
                    ("The diagnosis is {L}.", 30),
                    ("{Sc} was diagnosed with {L}.", 40),
                    ("Diagnoses include {L}.", 15),
                    ("The working diagnosis is {L}.", 15),
                ],
            )
        else:
            form = wchoice(
                rng,
                [
                    ("The diagnoses are {L}.", 20),
                    ("Diagnoses include {L}.", 15),
                    ("{Pc} diagnoses include {L}.", 15),
                    ("{Sc} was diagnosed with {L}.", 15),
                    ("The diagnoses have included {L}.", 6),
                    ("The report lists the diagnoses as {L}.", 6),
                    ("{Pc} diagnoses are {L}.", 10),
                    ("The treating physician diagnosed {L}.", 5),
                    (
                        "The injured worker was diagnosed as having {L}."
                        if self.who == "the injured worker"
                        else "{Sc} was diagnosed as having {L}.",
                        8,
                    ),
                ],
            )
        return self.fill(form, L=lst)

    def _ur_sentence(self, style: str | None = None) -> str:
        rng = self.rng
        d = fmt_date(self.ur, style or wchoice(rng, [("mdY", 50), ("mdy", 30), ("MDy", 15), ("month", 5)]))
        reqs = "request" if len(self.items) == 1 else "requests"
        return wchoice(
            rng,
            [
                (f"The utilization review determination being challenged is dated {d}.", 40),
                (f"Utilization review dated {d} non-certified the {reqs}.", 25),
                (f"On {d}, utilization review non-certified the {reqs}.", 12),
                (f"A utilization review dated {d} denied the {reqs}.", 12),
                (
                    f"The {reqs} were non-certified by utilization review on {d}."
                    if reqs == "requests"
                    else f"The request was non-certified by utilization review on {d}.",
                    11,
                ),
            ],
        )

    def _summary(self, ur_needed: bool, ur_p: float) -> list[tuple[str, bool]]:
        rng = self.rng
        f = self.fill
        segs: list[tuple[str, bool]] = [(self._demo(), False)]
        middle: list[tuple[str, bool]] = []
        hist = rng.sample(TREATMENT_HISTORY, rng.randint(2, 4))
        middle.append(
            (
                f(
                    rng.choice(
                        [
                            "{Sc} has been treated with {H}.",
                            "Treatment to date has included {H}.",
                            "{Sc} was treated with {H}.",
                        ]
                    ),
                    H=join_list(hist),
                ),
                True,
            )
        )
        if self.region.key != "psych" and rng.random() < 0.55:
            d = fmt_date(self.report_date(), rng.choice(["mdY", "mdY", "mdy"]))
            what = rng.choice(["An MRI", "An MRI", "A CT scan", "Radiographs"])
            middle.append((f"{what} of the {self._body()} dated {d} showed {rng.choice(self.region.findings)}.", True))
        comp = rng.choice(self.region.complaints).format(side=self.side_for(self.region))
        self.comp = comp
        rd = fmt_date(self.report_date(), rng.choice(["mdY", "mdy", "mdY"]))
        score = rng.randint(4, 9)
        middle.append(
            (
                f(
                    rng.choice(
                        [
                            "Per the progress report dated {d}, {S} complains of {c}, rated {r}/10.",
                            "According to the {d} progress report, {S} has {c}, rated {r}/10.",
                            "The {d} report notes {c} rated {r}/10.",
                            "{Sc} currently complains of {c}.",
                        ]
                    ),
                    d=rd,
                    c=comp,
                    r=score,
                ),
                True,
            )
        )
        if self.region.key != "psych" or rng.random() < 0.5:
            ex = rng.sample(self.region.exams, min(2, len(self.region.exams)))
            ex = [e.format(side=self.side_for(self.region)) for e in ex]
            middle.append(
                (
                    rng.choice(
                        [
                            f"Examination revealed {join_list(ex)}.",
                            f"On examination on {rd}, there was {ex[0]}.",
                            f"Examination showed {join_list(ex)}.",
                        ]
                    ),
                    True,
                )
            )
        meds = [it.med_phrase for it in self.items if it.med_phrase]
        if meds:
            meds = [lower_first(m) for m in meds[:3]]
            middle.append(
                (
                    f(
                        rng.choice(
                            ["Current medications include {M}.", "{Pc} current medications are {M}.", "{Sc} takes {M}."]
                        ),
                        M=join_list(meds),
                    ),
                    True,
                )
            )
        if rng.random() < 0.15:
            cm = rng.sample(COMORBIDITIES, 2)
            middle.append((f("{Pc} medical history is notable for {a} and {b}.", a=cm[0], b=cm[1]), True))
        dx_sentence = self._dx_sentence()
        if self.dx_list_form:
            # as in the real letters, the list of capitalised diagnoses ends the paragraph's middle and
            # is followed by a sentence starting "The ..."
            middle.append((dx_sentence, False))
        else:
            middle.insert(rng.randint(max(0, len(middle) - 2), len(middle)), (dx_sentence, False))
        segs.extend(middle)
        ur_wanted = ur_needed or rng.random() < ur_p
        if self.dx_list_form and ur_wanted:
            self.ur_in_summary = True
            d = fmt_date(self.ur, rng.choice(["mdY", "mdy", "MDy"]))
            segs.append((f"The utilization review determination being challenged is dated {d}.", False))
            ur_wanted = False
        reqs = [lower_first(it.treatment) for it in self.items]
        if (len(reqs) <= 3 and rng.random() < 0.8) or (self.dx_list_form and not self.ur_in_summary):
            segs.append(
                (
                    f(
                        rng.choice(
                            [
                                "The treating physician requested {R}.",
                                "The treating physician has requested {R}.",
                                "The treating physician requested {R}."
                                if self.dx_list_form
                                else "The provider requested {R}.",
                            ]
                        ),
                        R=join_list(reqs),
                    ),
                    False,
                )
            )
        if rng.random() < 0.5:
            segs.append(
                (
                    f(
                        rng.choice(
                            [
                                "{Sc} remains off work.",
                                "{Sc} is working with restrictions.",
                                "{Sc} is working modified duty.",
                                "{Sc} has not returned to work.",
                            ]
                        )
                    ),
                    True,
                )
            )
        if ur_wanted:
            self.ur_in_summary = True
            segs.append((self._ur_sentence(), False))
        # a double space between some sentences, as in the real letters
        return [(s + (" " if rng.random() < 0.2 else ""), h) for s, h in segs]

    def _rationale(self, it: Item, numbered_prefix: str = "") -> list[tuple[str, bool]]:
        rng = self.rng
        t = lower_first(it.treatment)
        ctx = {
            "t": t,
            "T": it.treatment,
            "rep": fmt_date(self.report_date(), rng.choice(["mdY", "mdy", "MDy"])),
            "comp": self._complaint(it),
            "n": rng.choice([3, 6, 8, 12, 18]),
        }
        segs: list[tuple[str, bool]] = []
        if self.layout == FORMAT_DET:
            op = rng.choice(OPENERS)
            if op:
                segs.append((self.fill(op, **ctx), True))
        stm = STATEMENTS.get(it.rkey, [])
        k = min(len(stm), rng.randint(3, 5))
        picks = sorted(rng.sample(range(len(stm)), k))
        segs.extend((self.fill(stm[i], **ctx), True) for i in picks)
        if it.outcome == "upheld":
            facts = FACTS_UP.get(it.rkey, []) + GENERIC_UP[:2]
            k = min(len(facts), rng.randint(3, 5))
            segs.extend((self.fill(x, **ctx), True) for x in rng.sample(facts, k))
            close = rng.choice(CLOSE_UP)
        else:
            facts = list(FACTS_OV["any"])
            for grp in OV_GROUPS.get(it.rkey, ("drug",)):
                facts += FACTS_OV[grp]
            facts = list(dict.fromkeys(facts))
            segs.extend((self.fill(x, **ctx), True) for x in rng.sample(facts, min(len(facts), rng.randint(3, 5))))
            close = rng.choice(CLOSE_OV)
        if it.outcome == "partial":
            if it.count:
                n, unit = it.count
                m = max(1, n // 2)
                rest = n - m
                segs.append(
                    (
                        f"However, the request for {n} {unit} exceeds what the guidelines support "
                        f"before a reassessment of functional improvement.",
                        True,
                    )
                )
                close = rng.choice(
                    [
                        f"The request is therefore partially certified: {m} {unit} are medically necessary, and the "
                        f"remaining {rest} {unit} are not medically necessary at this time.",
                        f"Therefore, the request is modified: {m} {unit} are medically necessary, and the remaining "
                        f"{rest} {unit} are not medically necessary.",
                    ]
                )
            else:
                q = it.qty or 60
                m = q // 2
                segs.append(("Abrupt discontinuation is not recommended, and a taper is appropriate.", True))
                close = rng.choice(
                    [
                        f"A modified quantity of #{m} is medically necessary to allow for weaning, and the remaining "
                        f"#{q - m} are not medically necessary.",
                        f"The request is therefore partially certified: #{m} is medically necessary for the purpose of "
                        f"weaning, and the remainder of the request is not medically necessary.",
                    ]
                )
        else:
            close = self.fill(close, **ctx)
            if rng.random() < 0.06:
                close = close.replace(" is not medically", "  is not medically").replace(
                    " is medically", "  is medically"
                )
            if self.layout == FORMAT_DOCS and "appropriate" not in close and rng.random() < 0.7:
                close = close.rstrip(".") + " and appropriate."
        segs.append((close, False))
        if numbered_prefix:
            segs[0] = (numbered_prefix + segs[0][0], False)
        return segs

    # -- layouts -----------------------------------------------------------
    def _cred_sentence(self) -> str:
        sub = self.sub
        st = join_list(self.states, oxford=False)
        if self.layout == FORMAT_DET:
            subc = f", has a subspecialty in {sub}" if sub else ""
            return (
                f"The expert reviewer is Board Certified in {self.spec_written}{subc} "
                f"and is licensed to practice in {st}."
            )
        if self.layout == FORMAT_DOCS:
            subc = f", has a subspecialty in {sub}," if sub else ""
            return (
                f"The Expert Reviewer is Board Certified in {self.spec_written}{subc} "
                f"and is licensed to practice in {st}."
            )
        if self.cred_mode == "om":
            return (
                f"The reviewer is Certified in Oriental Medicine and is licensed to practice acupuncture in {st}, "
                f"with more than ten years of clinical practice treating musculoskeletal pain."
            )
        subc = f" with a subspecialty in {sub}" if sub else ""
        lic = self.rng.choice(
            [f"is licensed to practice in {st}", f"is licensed in {st}", f"holds an active license to practice in {st}"]
        )
        return f"The physician reviewer is Board Certified in {self.spec_written}{subc} and {lic}."

    def _det(self, doc: Doc) -> None:
        rng = self.rng
        self.header_shown = rng.random() < 0.55
        self.ur_in_summary = False
        if self.header_shown:
            self.case_shown = True
            d = lambda x: fmt_date(x, "mdY")  # noqa: E731
            pri = "Standard" if rng.random() < 0.97 else "Expedited"
            fields = [
                f"Case Number: {self.case_number}",
                f"Date Assigned: {d(self.assigned)}",
                f"Date of Injury: {d(self.injury)}",
                f"Decision Date: {d(self.decision)}",
                f"UR Denial Date: {d(self.ur)}",
                f"Priority: {pri}",
                f"Application Received: {d(self.app)}",
            ]
            if rng.random() < 0.6:
                for x in fields:
                    doc.line(x)
            else:
                for i in range(0, len(fields), 2):
                    doc.line("  ".join(fields[i : i + 2]))
            doc.sep()
            doc.line(HOW)
        else:
            doc.line((" " if rng.random() < 0.8 else "") + HOW)
        if self.cred_mode == "prose":
            doc.para([(BOILER_DET_1 + " " + self._cred_sentence() + " " + BOILER_DET_2, False)])
        else:
            doc.para([(BOILER_DET_1 + " " + BOILER_DET_2, False)])
        if self.cred_mode == "block":
            doc.sep()
            doc.line("The Expert Reviewer has the following credentials:")
            doc.line("State(s) of Licensure: " + ", ".join(self.states))
            doc.line("Certification(s)/Specialty: " + self.spec_written + (", " + self.sub if self.sub else ""))
        doc.sep()
        doc.line("CLINICAL CASE SUMMARY")
        doc.para([(SUMMARY_INTRO, False)])
        doc.sep()
        doc.para(self._summary(False, 0.45 if self.header_shown else 0.8))
        doc.sep()
        doc.line("IMR ISSUES, DECISIONS AND RATIONALES")
        doc.para([(ISSUES_INTRO, False)])
        doc.sep()
        words = {"upheld": "Upheld", "overturned": "Overturned", "partial": "Partially Overturned"}
        for it in self.items:
            colon = " :" if rng.random() < 0.05 else ":"
            if it.stated:
                gap = "  " if rng.random() < 0.8 else " "
                doc.para([(f"{it.treatment}{colon}{gap}{words[it.outcome]}", False)])
                doc.sep()
            else:
                doc.para([(f"{it.treatment}{colon}", False)], extra_trail="  ")
                doc.items[-1][1] = "\n"
                doc.sep()
            ca = render_det_line(rng, it.ca, "Claims Administrator", self.glue_p, self.comma_p)
            doc.para([(ca, False)], extra_trail="  " if rng.random() < 0.2 else "")
            doc.sep()
            rv = render_det_line(rng, it.rev, "MAXIMUS", self.glue_p, self.comma_p)
            doc.para([(rv, False)], extra_trail="  " if rng.random() < 0.2 else "")
            doc.sep()
            segs = self._rationale(it)
            segs[0] = ("Decision rationale: " + segs[0][0], segs[0][1])
            doc.para(segs)
            doc.sep()

    def _docs(self, doc: Doc) -> None:
        rng = self.rng
        self.ur_in_summary = False
        doc.line("MAXIMUS FEDERAL SERVICES, INC.")
        doc.line("Independent Medical Review")
        doc.line("Final Determination Letter")
        doc.sep()
        d = lambda x: fmt_date(x, "mdY")  # noqa: E731
        self.dated_shown = rng.random() < 0.35
        if self.dated_shown:
            doc.line(f"Dated: {d(self.dated)}")
        style = rng.random()
        pri = "Standard" if rng.random() < 0.97 else "Expedited"
        if style < 0.4:
            for x in [
                f"IMR Case Number: {self.case_number}",
                f"Date of Injury: {d(self.injury)}",
                f"UR Denial Date: {d(self.ur)}",
                f"Priority: {pri}",
                f"Application Received: {d(self.app)}",
            ]:
                doc.line(x)
        elif style < 0.75:
            doc.line(
                f"IMR Case Number: {self.case_number}   Date of Injury: {d(self.injury)}   UR Denial Date: {d(self.ur)}"
            )
            doc.line(f"Priority: {pri}   Application Received: {d(self.app)}")
        else:
            doc.line(f"IMR Case Number:  {self.case_number}  Date of Injury:  {d(self.injury)}")
            doc.line(f"UR Denial Date:  {d(self.ur)}  Priority:  {pri}")
            doc.line(f"Application Received:  {d(self.app)}")
        self.case_shown = True
        doc.sep()
        doc.para([(DOCS_INTRO, False)])
        doc.sep()
        doc.line(HOW)
        doc.para([(BOILER_DOCS_1 + " " + self._cred_sentence() + " " + BOILER_DOCS_2, False)])
        doc.sep()
        doc.line("DOCUMENTS REVIEWED")
        self._doc_list(doc, full=True)
        doc.sep()
        doc.line("CLINICAL CASE SUMMARY")
        doc.para(self._summary(False, 0.2))
        doc.sep()
        doc.line("IMR DECISION(S) AND RATIONALE(S)")
        doc.sep()
        for i, it in enumerate(self.items, 1):
            neg = "" if it.outcome == "overturned" else "not "
            doc.para([(f"{i}. {it.treatment} is {neg}medically necessary and appropriate.", False)])
            doc.sep()
            if it.ca:
                doc.para(
                    [(f"The Claims Administrator based its decision on {group_prose(rng, it.ca, FORMAT_DOCS)}.", False)]
                )
            else:
                doc.para(
                    [
                        (
                            rng.choice(
                                [
                                    NO_EVIDENCE_DOCS,
                                    "The Claims Administrator did not cite any medical evidence for its decision.",
                                ]
                            ),
                            False,
                        )
                    ]
                )
            doc.sep()
            lead = wchoice(
                rng,
                [
                    ("The Expert Reviewer based his/her decision on ", 75),
                    (
                        "The Expert Reviewer found that the guideline used by the Claims Administrator did not "
                        "specifically address this request, and based his/her decision on ",
                        15,
                    ),
                    (
                        "The Expert Reviewer found that the guideline used by the Claims Administrator was "
                        "relevant and appropriate, and based his/her decision on ",
                        10,
                    ),
                ],
            )
            doc.para([(lead + group_prose(rng, it.rev, FORMAT_DOCS) + ".", False)])
            doc.sep()
            doc.line("The Expert Reviewer's decision rationale:")
            doc.para(self._rationale(it))
            doc.sep()

    def _doc_list(self, doc: Doc, full: bool) -> None:
        rng = self.rng
        d = lambda x: fmt_date(x, "mdY")  # noqa: E731
        a, b = sorted([self.report_date(), self.report_date()])
        if full:
            doc.line(f"- Application for Independent Medical Review, received {d(self.app)}")
            doc.line(f"- Utilization Review Determination dated {d(self.ur)}")
            doc.line(f"- Primary treating physician progress reports dated {d(a)} through {d(b)}")
        else:
            doc.line("- Application for Independent Medical Review")
            doc.line(f"- Utilization review determination dated {d(self.ur)}")
            doc.line(f"- Primary treating physician report dated {d(b)}")
        extra = [
            "Physical therapy daily notes dated {x}",
            "Urine drug screen report dated {x}",
            "Operative report dated {x}",
            "CURES report dated {x}",
            "Pharmacy dispensing records dated {x}",
        ]
        if self.region.key != "psych":
            extra.append(f"MRI report of the {self._body()} dated {{x}}")
        for e in rng.sample(extra, rng.randint(0, 2)):
            doc.line("- " + e.format(x=d(self.report_date())))

    def _prof(self, doc: Doc) -> None:
        rng = self.rng
        self.ur_in_summary = False
        doc.line("MEDICAL PROFESSIONAL REVIEW")
        doc.sep()
        d = lambda x: fmt_date(x, "mdY")  # noqa: E731
        self.prof_case = rng.random() < 0.85
        self.prof_injury = rng.random() < 0.6
        self.prof_ur = rng.random() < 0.6
        any_hdr = False
        if self.prof_case:
            doc.line(f"IMR Case Number: {self.case_number}")
            self.case_shown = True
            any_hdr = True
        if self.prof_injury:
            doc.line(f"Date of Injury: {d(self.injury)}")
            any_hdr = True
        if self.prof_ur:
            doc.line(f"UR Denial Date: {d(self.ur)}")
            any_hdr = True
        if any_hdr:
            doc.sep()
        doc.line("ISSUE AT DISPUTE:")
        words = {"upheld": "Upheld", "overturned": "Overturned", "partial": "Modified"}
        for i, it in enumerate(self.items, 1):
            if it.stated:
                doc.para([(f"{i}. {it.treatment}: {words[it.outcome]}", False)])
            else:
                doc.para([(f"{i}. {it.treatment}", False)])
        doc.sep()
        doc.line("CASE SUMMARY:")
        doc.para(self._summary(True, 1.0))
        doc.sep()
        doc.line("DOCUMENTS REVIEWED FOR DETERMINATION:")
        self._doc_list(doc, full=False)
        doc.sep()
        doc.line("MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:")
        for i, it in enumerate(self.items, 1):
            cits = group_prose(rng, it.rev, FORMAT_PROF)
            if all(not c.mtus for c in it.rev):
                why = rng.choice(PROF_WHY_ODG)
            elif any(not c.mtus for c in it.rev):
                why = rng.choice(PROF_WHY_MIXED)
            else:
                why = rng.choice(PROF_WHY_MTUS)
            doc.para([(f"{i}. {it.treatment}: {cits}. {why}", False)])
            doc.sep()
        doc.line("RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:")
        for i, it in enumerate(self.items, 1):
            doc.para(self._rationale(it, numbered_prefix=f"{i}. {it.treatment}: "))
            doc.sep()
        doc.line("MEDICAL REVIEWER QUALIFICATIONS:")
        tail = rng.choice(
            [
                " The reviewer has been in active practice for more than ten years, treats patients with "
                "work-related musculoskeletal injuries on a regular basis, and has no affiliation with any "
                "party to this dispute.",
                " The reviewer is in active practice and has no affiliation with any party to this dispute.",
            ]
        )
        if self.cred_mode == "om":
            tail = " The reviewer has no affiliation with any party to this dispute."
        doc.para([(self._cred_sentence() + tail, False)])
        doc.sep()

    # -- expected parse ------------------------------------------------------
    def _expected(self) -> dict[str, Any]:
        iso = date.isoformat
        lay = self.layout
        if lay == FORMAT_DET:
            hdr = self.header_shown
            dates = {
                "assigned": iso(self.assigned) if hdr else None,
                "injury": iso(self.injury),
                "decision": iso(self.decision) if hdr else None,
                "ur_denial": iso(self.ur) if (hdr or self.ur_in_summary) else None,
            }
        elif lay == FORMAT_DOCS:
            dates = {
                "assigned": None,
                "injury": iso(self.injury),
                "decision": iso(self.dated) if self.dated_shown else None,
                "ur_denial": iso(self.ur),
            }
        else:
            dates = {"assigned": None, "injury": iso(self.injury), "decision": None, "ur_denial": iso(self.ur)}
        if getattr(self, "cred_mode", "") == "none":
            reviewer: dict[str, Any] = {
                "specialty": None,
                "subspecialty": None,
                "licensure": [],
                "board_certified": None,
            }
        else:
            bc = True if self.cred_mode == "prose" else None
            reviewer = {
                "specialty": self.spec,
                "subspecialty": self.sub,
                "licensure": list(self.states),
                "board_certified": bc,
            }
        issues = []
        for it in self.items:
            cits = [c.expected("claims_administrator") for c in it.ca] if lay != FORMAT_PROF else []
            cits += [c.expected("reviewer") for c in it.rev]
            issues.append(
                {
                    "treatment": it.treatment,
                    "category": it.category,
                    "outcome": it.outcome,
                    "outcome_stated": it.stated,
                    "citations": cits,
                }
            )
        return {
            "file": self.name + ".txt",
            "format": lay,
            "case_number": self.case_number if self.case_shown else None,
            "dates": dates,
            "reviewer": reviewer,
            "patient": {"age": self.age, "sex": self.sex},
            "diagnoses": list(self.dx),
            "issues": issues,
        }


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------


def generate(out_dir: Path, count: int, seed: int) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    width = max(6, len(str(count)))
    for i in range(1, count + 1):
        name = f"gen-{i:0{width}d}"
        text, expected = LetterGen(seed, i, name).build()
        (out_dir / f"{name}.txt").write_bytes(text.encode("utf-8"))
        (out_dir / f"{name}.json").write_text(json.dumps(expected, indent=2) + "\n", encoding="utf-8")
    return count


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Generate synthetic IMR letters with their expected parses.")
    ap.add_argument("out_dir", type=Path, help="directory to write gen-NNNNNN.txt/.json into")
    ap.add_argument("--count", type=int, default=10000, help="number of letters (default 10000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    a = ap.parse_args(argv)
    if a.count < 1:
        ap.error("--count must be at least 1")
    t0 = time.perf_counter()
    n = generate(a.out_dir, a.count, a.seed)
    dt = time.perf_counter() - t0
    print(f"wrote {n} letters to {a.out_dir} in {dt:.1f} seconds")
    return 0


if __name__ == "__main__":
    sys.exit(main())

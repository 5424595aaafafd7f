"""The patient and the expert reviewer: who they are and how the letter describes them."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from .helpers import join_list, wchoice
from .names import FORMAT_DET, FORMAT_DOCS, FORMAT_NOTICE, FORMAT_PROF
from .regions import REGION_BY_KEY

if TYPE_CHECKING:
    from .letter import LetterGen

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


def draw_patient(g: LetterGen) -> None:
    """Age, sex (not always given in a professional review) and how the letter refers to the patient."""
    rng = g.rng
    g.age = rng.randint(20, 75)
    inj_age = g.age - (g.ur.year - g.injury.year)
    if inj_age < 18:
        g.injury = g.ur - timedelta(days=rng.randint(120, 700))
    r = rng.random()
    if g.layout == FORMAT_PROF and r < 0.3:
        g.sex = None
    else:
        g.sex = "female" if rng.random() < 0.45 else "male"
    if g.layout == FORMAT_PROF:
        who = "the applicant"
    elif g.layout == FORMAT_DOCS:
        who = "the patient"
    else:
        who = rng.choice(["the patient", "the injured worker", "the patient"])
    g.who = who
    if g.sex == "female":
        p = {"S": "she", "Sc": "She", "P": "her", "Pc": "Her", "O": "her"}
    elif g.sex == "male":
        p = {"S": "he", "Sc": "He", "P": "his", "Pc": "His", "O": "him"}
    else:
        p = {"S": who, "Sc": who.capitalize(), "P": who + "'s", "Pc": who.capitalize() + "'s", "O": who}
    p["pt"] = who
    p["Pt"] = who.capitalize()
    g.pron = p


def draw_reviewer(g: LetterGen) -> None:
    """Specialty (often matched to the first request), subspecialty, licensure states and credentials wording."""
    rng = g.rng
    cat = g.items[0].category
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
        }.get(g.region.key, "Orthopedic Surgery")
    while True:
        if spec is None:
            spec = wchoice(rng, [(k, v[0]) for k, v in SPECIALTIES.items()])
        if spec in NON_PHYSICIAN and g.layout in (FORMAT_DOCS, FORMAT_NOTICE):
            spec = None
            continue
        if spec in NON_PHYSICIAN and g.layout == FORMAT_PROF and spec != "Acupuncture & Oriental Medicine":
            spec = None
            continue
        break
    g.spec = spec
    g.spec_written = rng.choice(SPECIALTIES[spec][1])
    subs = SUBSPECIALTIES.get(spec, [])
    g.sub = rng.choice(subs) if subs and rng.random() < 0.3 else None
    k = wchoice(rng, [(1, 72), (2, 20), (3, 6), (0, 2)])
    others = rng.sample(OTHER_STATES, 2)
    if k == 0:
        states = [others[0]]
    else:
        states = ["California"] + others[: k - 1]
        if k > 1 and rng.random() < 0.1:
            rng.shuffle(states)
    g.states = states
    if g.layout == FORMAT_DET:
        if spec in NON_PHYSICIAN:
            g.cred_mode = "block"
        else:
            g.cred_mode = wchoice(rng, [("prose", 58), ("block", 40), ("none", 2)])
    elif g.layout == FORMAT_PROF and spec == "Acupuncture & Oriental Medicine":
        g.cred_mode = "om"
    else:
        g.cred_mode = "prose"


def draw_diagnoses(g: LetterGen) -> None:
    """One to four diagnoses, mostly of the injury's region, sometimes a psychiatric one."""
    rng = g.rng
    n = wchoice(rng, [(1, 12), (2, 35), (3, 38), (4, 15)])
    pool = list(g.region.diagnoses)
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
        d = d.format(side=g.side_for(g.region)) if "{side}" in d else d
        if d not in dx:
            dx.append(d)
    if g.region.key != "psych" and rng.random() < g.psych_dx_p:
        d = rng.choice(REGION_BY_KEY["psych"].diagnoses)
        if d not in dx:
            dx.insert(rng.randint(1, len(dx)), d)
            if len(dx) > 4:
                dx.pop(0)
    g.dx = dx


def credentials_sentence(g: LetterGen) -> str:
    """The reviewer's board certification and licensure, as each layout words it."""
    sub = g.sub
    st = join_list(g.states, oxford=False)
    if g.layout == FORMAT_DET:
        subc = f", has a subspecialty in {sub}" if sub else ""
        return f"The expert reviewer is Board Certified in {g.spec_written}{subc} and is licensed to practice in {st}."
    if g.layout == FORMAT_DOCS:
        subc = f", has a subspecialty in {sub}," if sub else ""
        return f"The Expert Reviewer is Board Certified in {g.spec_written}{subc} and is licensed to practice in {st}."
    if g.cred_mode == "om":
        return (
            f"The reviewer is Certified in Oriental Medicine and is licensed to practice acupuncture in {st}, "
            f"with more than ten years of clinical practice treating musculoskeletal pain."
        )
    subc = f" with a subspecialty in {sub}" if sub else ""
    lic = g.rng.choice(
        [f"is licensed to practice in {st}", f"is licensed in {st}", f"holds an active license to practice in {st}"]
    )
    return f"The physician reviewer is Board Certified in {g.spec_written}{subc} and {lic}."

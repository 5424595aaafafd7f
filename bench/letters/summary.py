"""The clinical case summary: demographics, injury, history, findings, diagnoses, requests, UR date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .dates import fmt_date, rand_date_style
from .helpers import join_list, lower_first, wchoice
from .names import FORMAT_DOCS, FORMAT_PROF
from .people import COMORBIDITIES, OCCUPATIONS

if TYPE_CHECKING:
    from .letter import LetterGen

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


def age_words(g: LetterGen) -> str:
    a = g.age
    form = wchoice(g.rng, [("{a}-year-old", 60), ("{a} year old", 20), ("{a}-year old", 8), ("{a} year-old", 12)])
    s = form.format(a=a)
    if g.sex == "female":
        s += " " + ("female" if g.rng.random() < 0.75 else "woman")
    elif g.sex == "male":
        s += " " + ("male" if g.rng.random() < 0.75 else "man")
    return s


def mechanism(g: LetterGen) -> str:
    m = g.rng.choice(g.region.mechanisms)
    if m.split(" ")[0].endswith("ing"):
        return " while " + m
    return f" when {g.pron['S']} " + m


def body_words(g: LetterGen) -> str:
    r = g.region
    if r.key == "psych":
        return "back"
    name = g.rng.choice(r.names)
    return name.format(side=g.side_for(r)) if r.sided else name


def demographics(g: LetterGen) -> str:
    rng = g.rng
    di = fmt_date(g.injury, rand_date_style(rng))
    age = age_words(g)
    who = g.pron["Pt"]
    occ = rng.choice(OCCUPATIONS)
    if g.layout == FORMAT_PROF:
        if g.sex is None or rng.random() < 0.5:
            return f"The applicant is a {age} {occ} with a date of injury of {di}.{mechanism_sentence(g)}"
        return f"The applicant is a {age} {occ} who injured {g.pron['P']} {body_words(g)} on {di}{mechanism(g)}."
    if g.layout == FORMAT_DOCS:
        return wchoice(
            rng,
            [
                (f"The patient is a {age} who was injured on {di}{mechanism(g)}.", 40),
                (f"The patient is a {age} with a date of injury of {di}.{mechanism_sentence(g)}", 30),
                (f"The patient is a {age} who injured {g.pron['P']} {body_words(g)} on {di}{mechanism(g)}.", 30),
            ],
        )
    return wchoice(
        rng,
        [
            (f"{who} is a {age} with a date of injury of {di}.{mechanism_sentence(g)}", 25),
            (f"{who} is a {age} who sustained an industrial injury on {di}{mechanism(g)}.", 25),
            (f"{who} is a {age} with an injury date of {di}.", 15),
            (f"This {age} sustained a work-related injury on {di}{mechanism(g)}.", 10),
            (f"{who} is a {age} who reported an industrial injury on {di}.", 12),
            (f"{who} is a {age} {occ} with an injury date of {di}.", 8),
            (f"{who} is a {age}, who sustained an industrial injury on {di}.", 5),
        ],
    )


def mechanism_sentence(g: LetterGen) -> str:
    if g.rng.random() < 0.4:
        return ""
    return f" {g.pron['Sc']} reports that {g.pron['S']} was injured{mechanism(g)}."


def diagnoses_sentence(g: LetterGen) -> str:
    rng = g.rng
    dx = g.dx
    g.dx_list_form = len(dx) >= 2 and rng.random() < 0.12
    if g.dx_list_form:
        # the list form capitalises each diagnosis, and the expected parse keeps them as written
        g.dx = [d[0].upper() + d[1:] for d in dx]
        items = "  ".join(d + "." for d in g.dx)
        owner = "The patient's" if g.who == "the patient" else g.pron["Pc"]
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
                    if g.who == "the injured worker"
                    else "{Sc} was diagnosed as having {L}.",
                    8,
                ),
            ],
        )
    return g.fill(form, L=lst)


def ur_sentence(g: LetterGen, style: str | None = None) -> str:
    rng = g.rng
    d = fmt_date(g.ur, style or wchoice(rng, [("mdY", 50), ("mdy", 30), ("MDy", 15), ("month", 5)]))
    reqs = "request" if len(g.items) == 1 else "requests"
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


def case_summary(g: LetterGen, ur_needed: bool, ur_p: float) -> list[tuple[str, bool]]:
    """The summary paragraph as (sentence, may be hyphenated) segments; the UR date is given when ur_needed, else
    with probability ur_p."""
    rng = g.rng
    f = g.fill
    segs: list[tuple[str, bool]] = [(demographics(g), False)]
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
    if g.region.key != "psych" and rng.random() < 0.55:
        d = fmt_date(g.report_date(), rng.choice(["mdY", "mdY", "mdy"]))
        what = rng.choice(["An MRI", "An MRI", "A CT scan", "Radiographs"])
        middle.append((f"{what} of the {body_words(g)} dated {d} showed {rng.choice(g.region.findings)}.", True))
    comp = rng.choice(g.region.complaints).format(side=g.side_for(g.region))
    g.comp = comp
    rd = fmt_date(g.report_date(), rng.choice(["mdY", "mdy", "mdY"]))
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
    if g.region.key != "psych" or rng.random() < 0.5:
        ex = rng.sample(g.region.exams, min(2, len(g.region.exams)))
        ex = [e.format(side=g.side_for(g.region)) for e in ex]
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
    meds = [it.med_phrase for it in g.items if it.med_phrase]
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
    dx_sentence = diagnoses_sentence(g)
    if g.dx_list_form:
        # as in the real letters, the list of capitalised diagnoses ends the paragraph's middle and
        # is followed by a sentence starting "The ..."
        middle.append((dx_sentence, False))
    else:
        middle.insert(rng.randint(max(0, len(middle) - 2), len(middle)), (dx_sentence, False))
    segs.extend(middle)
    ur_wanted = ur_needed or rng.random() < ur_p
    if g.dx_list_form and ur_wanted:
        g.ur_in_summary = True
        d = fmt_date(g.ur, rng.choice(["mdY", "mdy", "MDy"]))
        segs.append((f"The utilization review determination being challenged is dated {d}.", False))
        ur_wanted = False
    reqs = [lower_first(it.treatment) for it in g.items]
    if (len(reqs) <= 3 and rng.random() < 0.8) or (g.dx_list_form and not g.ur_in_summary):
        segs.append(
            (
                f(
                    rng.choice(
                        [
                            "The treating physician requested {R}.",
                            "The treating physician has requested {R}.",
                            "The treating physician requested {R}."
                            if g.dx_list_form
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
        g.ur_in_summary = True
        segs.append((ur_sentence(g), False))
    # a double space between some sentences, as in the real letters
    return [(s + (" " if rng.random() < 0.2 else ""), h) for s, h in segs]

"""Therapy and service requests: physical therapy, acupuncture, chiropractic, psychological services,
programs, home health and the rest."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..citations import Cit, acoem, acu, cp, odg, parse_pages, post
from ..helpers import wchoice
from ..item import Item, body_name

if TYPE_CHECKING:
    from ..letter import LetterGen


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
        # SCHEMA.md: a consultation is Evaluation & Management whatever the specialty.
        category = "Evaluation & Management" if "consultation" in t else "Psychological Services"
        return Item(t, category, "psych_eval", ca, rev)
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
        # SCHEMA.md: a consultation is Evaluation & Management whatever the specialty.
        category = "Evaluation & Management" if "consultation" in t else "Psychological Services"
        return Item(t, category, "psych_eval", ca, rev)
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
            "Home health aide to help with bathing and dressing",
        ]
    )
    ca = [cp("Home health services", "51")]
    rev = [cp("Home health services", "51")]
    return Item(t, "Home Health", "home_health", ca, rev)


def k_other(g: LetterGen) -> Item:
    rng = g.rng
    sub = wchoice(rng, [("gym", 50), ("transport", 30), ("pool", 20)])
    if sub == "gym":
        t = rng.choice(["Gym membership for 6 months", "Gym membership x 1 year", "12 month gym membership",
                        "Gym membership with pool access"])
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
    # SCHEMA.md: gym, pool and weight-loss programs are Programs; rides are Other.
    return Item(t, "Other" if rk == "transport" else "Programs", rk, ca, rev)

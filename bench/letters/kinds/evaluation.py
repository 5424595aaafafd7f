"""Office visits and consultations (Evaluation & Management), and other diagnostic tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..citations import Cit, acoem, cp, odg
from ..dates import fmt_date
from ..helpers import wchoice
from ..item import Item, body_name

if TYPE_CHECKING:
    from ..letter import LetterGen

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
                "Psychiatric consultation",  # consultations are E&M whatever the specialty (SCHEMA.md)
                "Psychiatry consultation",
                "Referral to a hand surgeon",
                "Neurosurgical consult",
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
                "Orthopedic follow-up",
                "Follow up with the treating physician in 6 weeks",
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
        t = rng.choice(["Pre-operative EKG and labs (CBC, BMP)", "Preoperative EKG", "Pre-operative labs",
                        "Pre-operative labs: CBC, CMP, PT/PTT"])
        ca = [odg("Low Back", "Preoperative lab testing")]
        if "EKG" in t and rng.random() < 0.6:
            # one ODG chapter named once with two topics is one citation (dev-014)
            rev = [odg("Low Back", "Preoperative electrocardiogram (ECG) and Preoperative lab testing")]
        else:
            rev = [odg("Low Back", "Preoperative lab testing")]
        rk = "labs"
    elif sub == "sleep":
        t = rng.choice(["Sleep study", "Polysomnogram", "Sleep study to help diagnose apnea"])
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

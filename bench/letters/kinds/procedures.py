"""Imaging, injection and surgery requests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..citations import Cit, acoem, cp, odg
from ..helpers import wchoice
from ..item import Item, body_name

if TYPE_CHECKING:
    from ..letter import LetterGen


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

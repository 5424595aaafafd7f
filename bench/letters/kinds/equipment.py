"""Durable medical equipment requests (DMEPOS)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..citations import acoem, cp, odg
from ..helpers import wchoice
from ..item import Item

if TYPE_CHECKING:
    from ..letter import LetterGen


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

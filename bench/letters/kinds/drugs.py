"""Pharmaceutical requests: one kind per drug class, drawn from the drug tables."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from ..citations import Cit, cp, odg, other
from ..helpers import wchoice
from ..item import Item
from .drug_tables import (
    AEDS,
    ANTIDEP,
    ANTIEMETICS,
    BENZOS,
    HYPNOTICS,
    LAXATIVES,
    MUSCLE,
    NSAIDS,
    OPIOID_CA,
    OPIOID_EXTRA,
    OPIOID_REV,
    OPIOIDS,
    PPIS,
    TOPICALS,
)

if TYPE_CHECKING:
    from ..letter import LetterGen

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

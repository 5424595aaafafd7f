"""Request kinds: the functions that draw one disputed item each, their weights, and the letter's list of items."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..helpers import wchoice
from ..item import Item
from ..names import FORMAT_DET, FORMAT_DOCS, FORMAT_NOTICE, FORMAT_PROF
from ..regions import REGION_BY_KEY
from .drugs import (
    k_aed,
    k_antidep,
    k_antiemetic,
    k_benzo,
    k_hypnotic,
    k_laxative,
    k_muscle,
    k_nsaid,
    k_opioid,
    k_ppi,
    k_topical,
)
from .equipment import k_dme
from .evaluation import k_em, k_odt
from .procedures import k_imaging, k_injection, k_surgery
from .therapy import k_acupuncture, k_chiro, k_home, k_other, k_programs, k_psych, k_pt

if TYPE_CHECKING:
    from ..letter import LetterGen


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


def _is_psych(it: Item) -> bool:
    """A psychological request (a psychological consultation is filed under E&M, but is one)."""
    return it.category == "Psychological Services" or it.rkey == "psych_eval"


def draw_items(g: LetterGen) -> None:
    """One to four distinct requests, each with its outcome and whether the letter states it."""
    rng = g.rng
    n = wchoice(rng, [(1, 38), (2, 32), (3, 20), (4, 10)])
    items: list[Item] = []
    seen: set[str] = set()
    tries = 0
    while len(items) < n and tries < 30:
        tries += 1
        kind = wchoice(rng, CATEGORY_KINDS)
        if kind == "pharma":
            kind = wchoice(rng, PHARMA_KINDS)
        g.last_region = None
        it = kind(g)
        it.region = REGION_BY_KEY["psych"] if _is_psych(it) else g.last_region
        key = it.treatment.lower()
        if key in seen or (it.drug and any(x.drug == it.drug for x in items)):
            continue
        seen.add(key)
        if g.layout != FORMAT_DET:
            it.ca = [c for c in it.ca if c.g != "other"]
            it.rev = [c for c in it.rev if c.g != "other"] or it.rev
        items.append(it)
    psych = [_is_psych(it) or it.rkey in PSYCH_DRUGS for it in items]
    if all(psych) and any(_is_psych(it) for it in items) and rng.random() < 0.8:
        g.region = REGION_BY_KEY["psych"]
    g.psych_dx_p = (
        0.7 if any(_is_psych(it) for it in items) else (0.35 if any(psych) else 0.0)
    )
    for it in items:
        # about 3% partial overall: only requests with a count or a quantity can be partly
        # certified, and the documents-reviewed layout has no wording for it
        can_split = bool(it.count or (it.qty and it.qty >= 30)) and g.layout != FORMAT_DOCS
        if can_split and rng.random() < 0.068:
            it.outcome = "partial"
        else:
            it.outcome = "upheld" if rng.random() < 88 / 97 else "overturned"
        if g.layout in (FORMAT_DOCS, FORMAT_NOTICE):  # the decision line states it (SCHEMA.md)
            it.stated = True
        elif g.layout == FORMAT_PROF:
            it.stated = rng.random() < 0.75
        else:
            it.stated = rng.random() < 0.8
    g.items = items

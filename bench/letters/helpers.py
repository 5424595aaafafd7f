"""Small shared helpers: weighted choice, list joining, sentence-initial case, sentence-pool parsing."""

from __future__ import annotations

import random
from typing import Any


def wchoice(rng: random.Random, pairs: list[tuple[Any, float]]) -> Any:
    total = sum(w for _, w in pairs)
    x = rng.random() * total
    for item, w in pairs:
        x -= w
        if x < 0:
            return item
    return pairs[-1][0]


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


def parse_pools(text: str) -> dict[str, list[str]]:
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

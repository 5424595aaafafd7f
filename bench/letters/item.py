"""A disputed item (treatment request) with its citations and outcome."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .citations import Cit
from .regions import Region

if TYPE_CHECKING:
    from .letter import LetterGen


@dataclass
class Item:
    """One disputed item; rkey is the request kind that selects its sentence pools."""

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


def body_name(g: LetterGen, region: Region) -> str:
    """How a request names a body region, with the letter's side for it."""
    name = g.rng.choice(region.names)
    return name.format(side=g.side_for(region)) if region.sided else name

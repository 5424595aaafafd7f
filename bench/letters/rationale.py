"""A decision rationale: opener, what the guidelines say, what the records show, and the closing decision."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .dates import fmt_date
from .facts import FACTS_OV, FACTS_UP, OV_GROUPS
from .helpers import lower_first
from .item import Item
from .names import FORMAT_DET, FORMAT_DOCS
from .phrases import CLOSE_OV, CLOSE_UP, GENERIC_UP, OPENERS
from .statements import STATEMENTS

if TYPE_CHECKING:
    from .letter import LetterGen


def complaint(g: LetterGen, it: Item) -> str:
    """The complaint a rationale opens with: the one of the request's own body region."""
    if it.region is None or it.region.key == g.region.key:
        return g.comp
    return g.rng.choice(it.region.complaints).format(side=g.side_for(it.region))


def rationale(g: LetterGen, it: Item, numbered_prefix: str = "") -> list[tuple[str, bool]]:
    """The decision rationale for one item as (sentence, may be hyphenated) segments."""
    rng = g.rng
    t = lower_first(it.treatment)
    ctx = {
        "t": t,
        "T": it.treatment,
        "rep": fmt_date(g.report_date(), rng.choice(["mdY", "mdy", "MDy"])),
        "comp": complaint(g, it),
        "n": rng.choice([3, 6, 8, 12, 18]),
    }
    segs: list[tuple[str, bool]] = []
    if g.layout == FORMAT_DET:
        op = rng.choice(OPENERS)
        if op:
            segs.append((g.fill(op, **ctx), True))
    stm = STATEMENTS.get(it.rkey, [])
    k = min(len(stm), rng.randint(3, 5))
    picks = sorted(rng.sample(range(len(stm)), k))
    segs.extend((g.fill(stm[i], **ctx), True) for i in picks)
    if it.outcome == "upheld":
        facts = FACTS_UP.get(it.rkey, []) + GENERIC_UP[:2]
        k = min(len(facts), rng.randint(3, 5))
        segs.extend((g.fill(x, **ctx), True) for x in rng.sample(facts, k))
        close = rng.choice(CLOSE_UP)
    else:
        facts = list(FACTS_OV["any"])
        for grp in OV_GROUPS.get(it.rkey, ("drug",)):
            facts += FACTS_OV[grp]
        facts = list(dict.fromkeys(facts))
        segs.extend((g.fill(x, **ctx), True) for x in rng.sample(facts, min(len(facts), rng.randint(3, 5))))
        close = rng.choice(CLOSE_OV)
    if it.outcome == "partial":
        if it.count:
            n, unit = it.count
            m = max(1, n // 2)
            rest = n - m
            segs.append(
                (
                    f"However, the request for {n} {unit} exceeds what the guidelines support "
                    f"before a reassessment of functional improvement.",
                    True,
                )
            )
            close = rng.choice(
                [
                    f"The request is therefore partially certified: {m} {unit} are medically necessary, and the "
                    f"remaining {rest} {unit} are not medically necessary at this time.",
                    f"Therefore, the request is modified: {m} {unit} are medically necessary, and the remaining "
                    f"{rest} {unit} are not medically necessary.",
                ]
            )
        else:
            q = it.qty or 60
            m = q // 2
            segs.append(("Abrupt discontinuation is not recommended, and a taper is appropriate.", True))
            close = rng.choice(
                [
                    f"A modified quantity of #{m} is medically necessary to allow for weaning, and the remaining "
                    f"#{q - m} are not medically necessary.",
                    f"The request is therefore partially certified: #{m} is medically necessary for the purpose of "
                    f"weaning, and the remainder of the request is not medically necessary.",
                ]
            )
    else:
        close = g.fill(close, **ctx)
        if rng.random() < 0.06:
            close = close.replace(" is not medically", "  is not medically").replace(" is medically", "  is medically")
        if g.layout == FORMAT_DOCS and "appropriate" not in close and rng.random() < 0.7:
            close = close.rstrip(".") + " and appropriate."
    segs.append((close, False))
    if numbered_prefix:
        segs[0] = (numbered_prefix + segs[0][0], False)
    return segs

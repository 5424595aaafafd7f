#!/usr/bin/env python3
"""Parse time of letters of any shape: adversarial inputs at growing sizes (issue 15: under 2 s at 1 MB).

    PYTHONPATH=. .venv/bin/python bench/parse_adversarial.py [--sizes 100000,1000000] [--rounds 3]

Each shape is a pattern a rule might scan again and again: a heading followed
by one letter repeated, a run of item headings, decision lines without a
verdict, citation words, dates, bullets, blank lines... For each shape and
size the script prints the median of the rounds (the machine is shared) and
the ratio to the previous size: a linear parser keeps the ratio near the size
ratio (10 for 100 KB -> 1 MB). A shape whose median exceeds the limit is
marked SLOW and the exit status is 1.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from imr_archive.parsing import parse_text

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
LIMIT_SECONDS = 2.0
HOW = "HOW THE IMR FINAL DETERMINATION WAS MADE\n"
ISSUES = "IMR ISSUES, DECISIONS AND RATIONALES\n"


def _repeat(unit: str, size: int, prefix: str = "") -> str:
    return (prefix + unit * (size // max(1, len(unit)) + 1))[:size]


def _seeds(size: int) -> str:
    letters = "\n".join(p.read_text() for p in sorted(SEEDS.glob("*.txt")))
    return _repeat(letters + "\n", size)


SHAPES: dict[str, Callable[[int], str]] = {
    "seed letters one after another": _seeds,
    "a heading, then one letter": lambda n: _repeat("a", n, HOW),
    "an item heading, then one letter": lambda n: _repeat("a", n, ISSUES + "X:\n") + "\nDecision rationale: y",
    "an item heading, then words": lambda n: _repeat("lumbar ", n, ISSUES + "X:\n") + "\nDecision rationale: y",
    "item headings": lambda n: _repeat("Norco 10/325mg #120: Upheld\n\n", n, ISSUES),
    "labelled lines": lambda n: _repeat("Claims Administrator guideline: Decision based on MTUS\n", n, ISSUES),
    "one guideline line of anchors": lambda n: _repeat("MTUS Chronic Pain ODG ACOEM, ", n,
                                                       ISSUES + "X: Upheld\nMAXIMUS guideline: Decision based on "),
    "pages and commas": lambda n: _repeat("Page(s): 1-2, ", n, ISSUES + "X: Upheld\nMAXIMUS guideline: "),
    "notice decisions without a verdict": lambda n: _repeat(
        "1) MAXIMUS Federal Services, Inc. has determined the request for x ", n,
        "Notice of Independent Medical Review Determination\n"),
    "notice numbered verdicts": lambda n: _repeat("1. x is not medically necessary\n", n,
                                                  "Notice of Independent Medical Review Determination\n"),
    "notice item blocks": lambda n: _repeat(
        "1) Regarding the request for x:\nRationale for the Decision: y\n", n,
        "Notice of Independent Medical Review Determination\nCase Summary:\nz\n"),
    "documents-reviewed decisions": lambda n: _repeat("1. x is not medically necessary and appropriate.\n", n,
                                                      "IMR DECISION(S) AND RATIONALE(S)\n"),
    "professional-review issue list": lambda n: _repeat("1. x\n", n,
                                                        "MEDICAL PROFESSIONAL REVIEW\nISSUE AT DISPUTE:\n"),
    "professional-review numbered issues": lambda n: "MEDICAL PROFESSIONAL REVIEW\nISSUE AT DISPUTE:\n" + "".join(
        f"{k % 99 + 1}. item {k}: Upheld\n" for k in range(n // 20))[:n] + "\nRATIONALE FOR WHY THE REQUESTED "
        "TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:\nitem 1: no",
    "dates": lambda n: _repeat("1/2/3/4/5/", n, HOW + "Date of Injury: "),
    "bullets": lambda n: _repeat("- a dated 1/2/2013 through\n", n, HOW + "DOCUMENTS REVIEWED\n"),
    "summary phrases": lambda n: _repeat("injury of the diagnoses include a, ", n, HOW + "CLINICAL CASE SUMMARY\n"),
    "reviewer phrases": lambda n: _repeat("Board Certified in licensed in ", n, HOW),
    "rationale necessity": lambda n: _repeat("not medically necessary ", n,
                                             ISSUES + "X:\nDecision rationale: "),
    "blank lines": lambda n: _repeat("\n", n, HOW),
    "spaces": lambda n: _repeat(" ", n, HOW),
    "page footers": lambda n: _repeat("Page 1 of 2\n\nCM14-0000001\n\n", n, HOW),
    "hyphenated line ends": lambda n: _repeat("medi-\n", n, HOW),
    "numbered lines": lambda n: _repeat("1. x\n", n, HOW),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100000,1000000", help="input sizes in characters, comma-separated")
    ap.add_argument("--rounds", type=int, default=3, help="parses per shape and size (the median is shown)")
    ap.add_argument("--shape", action="append", help="only these shapes (repeatable)")
    a = ap.parse_args(argv)
    sizes = [int(s) for s in a.sizes.split(",")]
    slow = 0
    print(f"{'shape':40s} " + " ".join(f"{s:>12,d}" for s in sizes) + "   (median seconds; ratio to the previous size)")
    for name, make in SHAPES.items():
        if a.shape and name not in a.shape:
            continue
        cells, previous, too_slow = [], None, False
        for size in sizes:
            text = make(size)
            times = []
            for _ in range(a.rounds):
                start = time.perf_counter()
                parse_text(text)
                times.append(time.perf_counter() - start)
            median = statistics.median(times)
            ratio = f" x{median / previous:.1f}" if previous else ""
            cells.append(f"{median:8.3f}{ratio}")
            previous = median
            too_slow = too_slow or (median > LIMIT_SECONDS and size <= 1_000_000)
        slow += too_slow
        print(f"{name:40s} " + " ".join(f"{c:>12s}" for c in cells) + ("   SLOW" if too_slow else ""), flush=True)
    print(f"limit {LIMIT_SECONDS} s at 1 MB: " + ("exceeded" if slow else "met by every shape"))
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())

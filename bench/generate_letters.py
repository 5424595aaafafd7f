#!/usr/bin/env python3
"""Generate synthetic IMR final determination letters and their expected parses.

    python bench/generate_letters.py OUT_DIR --count 10000 [--seed 1]

Writes OUT_DIR/gen-000001.txt with OUT_DIR/gen-000001.json beside it, and so
on: letters in the three layouts of /work/shared/corpus/FORMATS.md
(determination, documents-reviewed, professional-review) carrying the PDF
extraction debris the real letters carry, and for each the parse a correct
parser should produce, in the shape of SCHEMA.md version 1 and following its
conventions (treatment as written without the decision word, canonical
guideline and specialty names, chapter conventions, sorted pages...).

Standard library only, no Django. Deterministic for a given seed: letter i
is drawn from its own random generator seeded with (seed, i), so any letter
can be regenerated alone and the output does not depend on --count. The one
exception: case numbers are unique in a run, so a letter whose drawn case
number an earlier letter already has takes the next free number. Letters are
written one at a time (only the case numbers given are kept between letters).

The letters are built by the package bench/letters/. Python puts this
script's folder first on sys.path when it runs the script, so the package
imports from any working directory.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from letters.expected import write_expected
from letters.letter import LetterGen


def generate(out_dir: Path, count: int, seed: int) -> int:
    out_dir.mkdir(parents=True, exist_ok=True)
    width = max(6, len(str(count)))
    used_case_numbers: set[str] = set()
    for i in range(1, count + 1):
        name = f"gen-{i:0{width}d}"
        text, expected = LetterGen(seed, i, name, used_case_numbers).build()
        (out_dir / f"{name}.txt").write_bytes(text.encode("utf-8"))
        write_expected(out_dir / f"{name}.json", expected)
    return count


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Generate synthetic IMR letters with their expected parses.")
    ap.add_argument("out_dir", type=Path, help="directory to write gen-NNNNNN.txt/.json into")
    ap.add_argument("--count", type=int, default=10000, help="number of letters (default 10000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    a = ap.parse_args(argv)
    if a.count < 1:
        ap.error("--count must be at least 1")
    t0 = time.perf_counter()
    n = generate(a.out_dir, a.count, a.seed)
    dt = time.perf_counter() - t0
    print(f"wrote {n} letters to {a.out_dir} in {dt:.1f} seconds")
    return 0


if __name__ == "__main__":
    sys.exit(main())

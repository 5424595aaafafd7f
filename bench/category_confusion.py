#!/usr/bin/env python3
"""Treatment categories: expected against parsed, over every annotated letter of some folders.

    PYTHONPATH=. .venv/bin/python bench/category_confusion.py [DIR ...] [--misses N]

DIR holds NAME.txt letters with their expected parse NAME.json beside them
(SCHEMA.md); by default seeds/ and tests/parsing/notice/. Items are matched by
their position in the letter. Prints the confusion table (rows: the category
the annotation gives, columns: the one parsed, by the categories' first
letters), the accuracy, and the first N misses with their treatments.
Exit status 1 when any item is miscategorised.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from imr_archive.parsing import extract_text, parse_text
from imr_archive.parsing.vocabulary import CATEGORIES

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIRS = (ROOT / "seeds", ROOT / "tests" / "parsing" / "notice")
MISSING = "(no item)"
SHORT = dict(zip((*CATEGORIES, MISSING), ("Drug", "PT", "Acu", "Chiro", "Inj", "Surg", "Img", "Test", "E&M", "DME",
                                          "Psych", "Home", "Prog", "Other", "None"), strict=True))


def pairs(folders: list[Path]) -> list[tuple[str, str, str]]:
    """(expected category, parsed category, treatment) of every annotated item."""
    out = []
    for folder in folders:
        for expected_path in sorted(folder.glob("*.json")):
            letter = expected_path.with_suffix(".txt")
            if not letter.exists():
                continue
            expected = json.loads(expected_path.read_text())
            parsed = parse_text(extract_text(letter.read_bytes(), letter.name), file=letter.name)
            for n, item in enumerate(expected.get("issues") or []):
                got = parsed.issues[n].category if n < len(parsed.issues) else MISSING
                out.append((item["category"], got, item["treatment"]))
    return out


def table(counts: Counter[tuple[str, str]]) -> str:
    columns = [c for c in (*CATEGORIES, MISSING) if any(k[1] == c for k in counts)]
    rows = [c for c in CATEGORIES if any(k[0] == c for k in counts)]
    short = SHORT
    lines = [f"{'expected / parsed':26s}" + "".join(f"{short[c]:>6s}" for c in columns)]
    for row in rows:
        lines.append(f"{row:26s}" + "".join(f"{counts[(row, c)] or '.':>6}" for c in columns))
    lines.append("columns: " + ", ".join(f"{short[c]} = {c}" for c in columns))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path, help="folders of NAME.txt + NAME.json (default: seeds/ and the "
                                                       "notice letters of tests/parsing/notice/)")
    ap.add_argument("--misses", type=int, default=20, help="misses to list (default 20)")
    a = ap.parse_args(argv)
    found = pairs(a.dirs or list(DEFAULT_DIRS))
    counts = Counter((want, got) for want, got, _ in found)
    print(table(counts))
    misses = [(want, got, t) for want, got, t in found if want != got]
    print(f"\n{len(found) - len(misses)} of {len(found)} items in their annotated category "
          f"({(len(found) - len(misses)) / max(1, len(found)):.1%})")
    for want, got, treatment in misses[:a.misses]:
        print(f"MISS {treatment!r}: expected {want}, parsed {got}")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())

"""Parse speed over the seed letters, best of 5 runs (the machine may be shared):

    PYTHONPATH=. .venv/bin/python tests/parsing/bench_parse.py [ROUNDS]
"""

import sys
import time
from pathlib import Path

from imr_archive.parsing import parse_text

texts = [p.read_text() for p in sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))]
rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
parse_text(texts[0])  # warm up
best = float("inf")
for _ in range(5):
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            parse_text(text)
    best = min(best, time.perf_counter() - start)
n = rounds * len(texts)
print(f"{n} letters in {best:.2f}s (best of 5): {n / best:.0f} letters/s, {1000 * best / n:.2f} ms/letter")

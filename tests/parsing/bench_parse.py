"""Parse speed over the seed letters: .venv/bin/python tests/parsing/bench_parse.py [ROUNDS]"""

import sys
import time
from pathlib import Path

from imr_archive.parsing import parse_text

texts = [p.read_text() for p in sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))]
rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
parse_text(texts[0])  # warm up
start = time.perf_counter()
for _ in range(rounds):
    for text in texts:
        parse_text(text)
elapsed = time.perf_counter() - start
n = rounds * len(texts)
print(f"{n} letters in {elapsed:.2f}s: {n / elapsed:.0f} letters/s, {1000 * elapsed / n:.2f} ms/letter")

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
best = best_cpu = float("inf")
for _ in range(5):
    start, start_cpu = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for text in texts:
            parse_text(text)
    best = min(best, time.perf_counter() - start)
    best_cpu = min(best_cpu, time.process_time() - start_cpu)
n = rounds * len(texts)
print(f"{n} letters, best of 5 runs: wall {best:.2f}s = {n / best:.0f} letters/s ({1000 * best / n:.2f} ms/letter); "
      f"CPU {best_cpu:.2f}s = {n / best_cpu:.0f} letters/s ({1000 * best_cpu / n:.2f} ms/letter)")

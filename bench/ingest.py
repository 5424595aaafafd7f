#!/usr/bin/env python
"""Ingest throughput: letters per second for parse only, and for parse + store (+ index).

    python bench/ingest.py [--count 10000] [--corpus DIR] [--runs 3]

Generates a corpus with bench/generate_letters.py (unless --corpus is given),
then, in a throwaway SQLite database and index under a temporary folder:
  parse            extract_text + parse_text of every letter, nothing stored
  parse + store    what ingest_letters does, without the index: read and parse in
                   two other processes (which also save the originals), store here,
                   new letters a hundred per transaction
  index            rebuilding the Whoosh index from the stored letters (rebuild_index)
Prints the median of --runs runs for parse only (the other two run once: a
second run would find every letter already stored). Not run by CI.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def generate(count: int, folder: Path) -> None:
    subprocess.run([sys.executable, str(REPO / "bench" / "generate_letters.py"), str(folder), "--count", str(count)],
                   check=True, stdout=subprocess.DEVNULL)


def setup_django(var_dir: Path) -> None:
    os.environ["IMR_VAR_DIR"] = str(var_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "imr_archive.settings")
    sys.path.insert(0, str(REPO))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="letters to generate")
    parser.add_argument("--corpus", type=Path, help="use this folder of letters instead of generating one")
    parser.add_argument("--runs", type=int, default=3, help="runs of the parse-only pass")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="imr-bench-") as tmp:
        tmp_path = Path(tmp)
        corpus = args.corpus or tmp_path / "corpus"
        if not args.corpus:
            started = time.perf_counter()
            generate(args.count, corpus)
            print(f"generated {args.count} letters in {time.perf_counter() - started:.1f} s")
        files = sorted(corpus.glob("*.txt"))
        blobs = [(f.read_bytes(), f.name) for f in files]
        setup_django(tmp_path / "var")

        from imr_archive.letters.ingest import ingest_paths
        from imr_archive.parsing import extract_text, parse_text
        from imr_archive.search.sync import plan_rebuild, rebuild_index

        timings = []
        for _ in range(args.runs):
            started = time.perf_counter()
            for data, name in blobs:
                parse_text(extract_text(data, name), file=name)
            timings.append(time.perf_counter() - started)
        parse_s = statistics.median(timings)

        started = time.perf_counter()
        failed = sum(result.failed for result in ingest_paths(files))
        store_s = time.perf_counter() - started

        started = time.perf_counter()
        rebuild_index(plan_rebuild())
        index_s = time.perf_counter() - started

        n = len(blobs)
        print(f"letters            {n}  ({failed} failed)")
        print(f"parse only         {n / parse_s:8.0f} letters/s  (median of {args.runs} runs, {parse_s:.1f} s)")
        print(f"parse + store      {n / store_s:8.0f} letters/s  ({store_s:.1f} s, SQLite, 100 letters a transaction)")
        print(f"index (Whoosh)     {n / index_s:8.0f} letters/s  ({index_s:.1f} s, rebuild_index)")
        print(f"end to end         {n / (store_s + index_s):8.0f} letters/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

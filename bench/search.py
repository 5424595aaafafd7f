#!/usr/bin/env python
"""Search page latency over a generated archive, through Django's test client.

    python bench/search.py [--count 10000] [--archive DIR] [--runs 40]

Builds (or reuses, with --archive DIR holding a previous build) an archive of
--count generated letters in SQLite + Whoosh, then times each query type on
the real search page, facet counts over all matches included, and prints
median and p95 per type, the index build rate and the index size. Not run by CI.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from queries import page_url, query_types

REPO = Path(__file__).resolve().parent.parent
def build(archive: Path, count: int) -> None:
    corpus = archive / "corpus"
    if not corpus.exists():
        subprocess.run([sys.executable, str(REPO / "bench" / "generate_letters.py"), str(corpus),
                        "--count", str(count)], check=True, stdout=subprocess.DEVNULL)
    from django.core.management import call_command

    from imr_archive.letters.ingest import ingest_file
    from imr_archive.letters.models import Letter

    call_command("migrate", verbosity=0)
    if Letter.objects.exists():
        return
    started = time.perf_counter()
    for path in sorted(corpus.glob("*.txt")):
        ingest_file(path.read_bytes(), path.name)
    print(f"stored {Letter.objects.count()} letters in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    call_command("rebuild_index", verbosity=0, no_progress=True)
    took = time.perf_counter() - started
    print(f"index build: {Letter.objects.count() / took:.0f} letters/s ({took:.0f} s)")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="letters to generate")
    parser.add_argument("--archive", type=Path, default=None,
                        help="folder of the archive (built there on the first run, reused after)")
    parser.add_argument("--runs", type=int, default=40, help="timed requests per query type")
    args = parser.parse_args()
    archive = (args.archive or REPO / "bench" / "out" / f"archive-{args.count}").resolve()
    archive.mkdir(parents=True, exist_ok=True)
    os.environ.update(IMR_VAR_DIR=str(archive / "var"), DJANGO_SETTINGS_MODULE="imr_archive.settings",
                      DJANGO_ALLOWED_HOSTS="testserver", DJANGO_DEBUG="0")
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from django.test import Client

    from imr_archive.letters.models import Issue, Letter

    build(archive, args.count)
    print(f"archive: {Letter.objects.count()} letters, {Issue.objects.count()} items; "
          f"index {folder_size(archive / 'var' / 'index') / 1e6:.0f} MB")
    client = Client()
    print(f"{'query type':28s} {'median ms':>10s} {'p95 ms':>8s}  (hits of the first URL)")
    for name, queries in query_types().items():
        urls = [page_url(query) for query in queries]
        for url in urls:  # warm the caches the way a running server would have them
            client.get(url)
        times = []
        for run in range(args.runs):
            url = urls[run % len(urls)]
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        first = client.get(urls[0]).content.decode()
        total = first.split('data-total="', 1)[1].split('"', 1)[0] if 'data-total="' in first else "?"
        p95 = statistics.quantiles(times, n=20)[-1]
        print(f"{name:28s} {statistics.median(times):10.0f} {p95:8.0f}  ({total})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

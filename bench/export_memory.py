#!/usr/bin/env python
"""Memory of a worker while it streams an export: idle, then the peak during CSV and JSON downloads.

    python bench/export_memory.py [--letters 50000] [--engine whoosh|tantivy] [--out bench/out/export-memory]

Builds (once, kept under --out) an archive of generated letters, about two
items each, with `ingest_letters` on the embedded stack (SQLite and Whoosh),
serves it with gunicorn (one worker, as deployed), and downloads exports of
every item and of smaller searches while reading the worker's resident
memory (/proc/<pid>/status) after each 256 KB received. Prints per export:
items, size, time, and in MB the worker's resident memory before it, the
largest seen during it, its peak during it (VmHWM, when the export raised
it) and the growth (peak less before). An export is streamed a chunk of rows
at a time, so the growth should not depend on the number of items. Not run
by CI.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from server import REPO, environment, gunicorn

READ_BYTES = 256 * 1024
# (name, query string): every item, a word searched by the text engine, a filter of about a third.
EXPORTS = [
    ("csv, every item", "export.csv?sort=newest"),
    ("json, every item", "export.json?sort=newest"),
    ("csv, q=pain", "export.csv?q=pain"),
    ("csv, Pharmaceuticals", "export.csv?category=Pharmaceuticals"),
]


def memory_mb(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} for process {pid}")


def build_archive(out: Path, letters: int) -> Path:
    """The archive's var folder, built on the first run (a marker file records the letter count)."""
    var, corpus, marker = out / "var", out / "corpus", out / "built.json"
    if marker.exists() and json.loads(marker.read_text())["letters"] == letters:
        return var
    python, env = sys.executable, environment(IMR_VAR_DIR=str(var))
    started = time.perf_counter()
    subprocess.run([python, str(REPO / "bench" / "generate_letters.py"), str(corpus), "--count", str(letters)],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run([python, "manage.py", "migrate", "--noinput", "-v0"], cwd=REPO, env=env, check=True)
    subprocess.run([python, "manage.py", "ingest_letters", str(corpus), "-v0"], cwd=REPO, env=env, check=True)
    marker.write_text(json.dumps({"letters": letters}))
    print(f"built an archive of {letters} letters in {time.perf_counter() - started:.0f} s under {var}")
    return var


def engine_index(var: Path, engine: str) -> dict[str, str]:
    """The settings of the engine's index; a Tantivy index is built beside the Whoosh one on its first run."""
    if engine == "whoosh":
        return {}
    settings = {"IMR_SEARCH_BACKEND": engine, "IMR_INDEX_DIR": str(var / f"index-{engine}")}
    if not Path(settings["IMR_INDEX_DIR"]).exists():
        env = environment(IMR_VAR_DIR=str(var), **settings)
        subprocess.run([sys.executable, "manage.py", "rebuild_index", "-v0"], cwd=REPO, env=env, check=True)
    return settings


def download(url: str, pid: int) -> tuple[int, int, float, float]:
    """(bytes, lines, seconds, largest resident MB seen) of one download, reading the worker as it goes."""
    received = lines = 0
    largest = memory_mb(pid, "VmRSS")
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=600) as response:
        while chunk := response.read(READ_BYTES):
            received += len(chunk)
            lines += chunk.count(b"\n")
            largest = max(largest, memory_mb(pid, "VmRSS"))
    return received, lines, time.perf_counter() - started, largest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=50_000, help="letters in the archive (about 2 items each)")
    parser.add_argument("--engine", choices=("whoosh", "tantivy"), default="whoosh", help="the search engine")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "export-memory",
                        help="where the archive is built and kept")
    args = parser.parse_args()
    var = build_archive(args.out, args.letters)
    env = environment(IMR_VAR_DIR=str(var), IMR_EXPORT_MAX_ITEMS="10000000", IMR_API_ANON_RATE="100000/minute",
                      **engine_index(var, args.engine))
    with gunicorn(env, workers=1) as server:
        [pid] = server.worker_pids()
        api = f"{server.url}/api/v1/"
        items = json.load(urllib.request.urlopen(f"{api}search/?per_page=100"))["total"]
        download(f"{api}export.csv?case=CM00-0000000", pid)  # the export path's modules loaded
        browsed = memory_mb(pid, "VmRSS")
        urllib.request.urlopen(f"{api}search/?q=pain").read()  # the text engine's index opened: idle from here on
        print(f"{args.letters} letters, {items} items, {args.engine}; one gunicorn worker (pid {pid}): "
              f"{browsed:.0f} MB resident "
              f"after a browse, {memory_mb(pid, 'VmRSS'):.0f} MB after a search with words")
        print(f"{'export':<24}{'items':>9}{'MB':>8}{'s':>7}{'idle MB':>9}{'seen':>8}{'peak':>7}{'growth':>8}")
        for name, query in EXPORTS:
            idle, peak_before = memory_mb(pid, "VmRSS"), memory_mb(pid, "VmHWM")
            size, lines, seconds, largest = download(api + query, pid)
            peak_after = memory_mb(pid, "VmHWM")
            peak = peak_after if peak_after > peak_before else largest  # the peak between two readings counts
            rows = lines - 1 if "csv" in query else lines - 2  # a header row; the JSON array's brackets
            print(f"{name:<24}{rows:>9}{size / 1e6:>8.1f}{seconds:>7.1f}{idle:>9.1f}{largest:>8.1f}{peak:>7.1f}"
                  f"{peak - idle:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

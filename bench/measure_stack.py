#!/usr/bin/env python
"""One stack at one archive size: build the archive (timed) unless it exists, then measure it.

    python bench/measure_stack.py --stack sqlite|postgres --corpus DIR --archive DIR [--runs 40] ...

The stacks: sqlite (SQLite + Whoosh, the embedded default) and postgres
(PostgreSQL + Tantivy, production). Prints one JSON object (bench/run.py,
which starts PostgreSQL and passes DATABASE_URL, collects them). Measured:
  ingest       `manage.py ingest_letters CORPUS` end to end (parse, store, index), letters/s
  rebuild      `manage.py rebuild_index` (the index anew from the database), items/s
  sizes        the index folder and the database
  latency      each query type of bench/queries.py on a gunicorn server (2 workers), median and p95 ms:
               "first", each page the first time it is asked at this index state (the figure that counts),
               and "again", the same pages asked again; with the type's slowest page
  raw          Tantivy stacks: the same queries answered by bare Tantivy in this process (bench/raw_tantivy.py)
  naive        the same queries the naive ORM way (bench/naive.py), median ms
  load         locust, a mix of pages from a second process: requests/s, p95, failures
  memory       each gunicorn worker's peak resident set
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from queries import page_url, query_types
from search import folder_size
from server import REPO, environment, fetch_ms, gunicorn

# Change an engine's entry when its index's schema or analyzer changes: archives are re-indexed.
INDEX_VERSIONS = {"whoosh": "2026-12-05 fields 4 (chapters, breakdown columns)",
                  "tantivy": "2026-12-05 tantivy-0.27 analyzer 2 chapters"}
ENGINES = {"sqlite": "whoosh", "postgres": "tantivy"}
LOAD_MIX = {"one word": 30, "two words": 15, "phrase": 10, "word + outcome + category": 15,
            "browse all": 15, "guideline page": 10}
LETTER_PAGES_WEIGHT = 5


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, str(REPO / "manage.py"), *args], cwd=REPO, env=env, check=True)


def build(env: dict[str, str], corpus: Path, record: Path, index_version: str) -> dict[str, object]:
    """Ingest the corpus as an admin would, then rebuild the index; remember the figures.

    A rebuilt archive re-measures. An archive built before a schema change is
    migrated first, as a deployment would be; one whose index was built by an
    older version (or never, when replicated) gets its index rebuilt, timed.
    """
    manage(env, "migrate", "--noinput", "-v0")
    figures = json.loads(record.read_text()) if record.exists() else {}
    if not figures:
        letters = len(list(corpus.glob("*.txt")))
        started = time.perf_counter()
        manage(env, "ingest_letters", str(corpus), "--no-progress", "-v0")
        seconds = time.perf_counter() - started
        figures = {"letters": letters, "ingest_seconds": round(seconds, 1),
                   "ingest_per_s": round(letters / seconds, 1),
                   "ingest_peak_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
                   "built": datetime.date.today().isoformat()}
    if figures.get("index_version") != index_version:
        started = time.perf_counter()
        manage(env, "rebuild_index", "--no-progress", "-v0")
        seconds = time.perf_counter() - started
        items = int(subprocess.run([sys.executable, str(REPO / "manage.py"), "shell", "-v0", "-c",
                                    "from imr_archive.letters.models import Issue; print(Issue.objects.count())"],
                                   cwd=REPO, env=env, check=True, capture_output=True, text=True).stdout)
        figures.update(index_version=index_version, rebuild_seconds=round(seconds, 1),
                       rebuild_items_per_s=round(items / seconds))
    record.write_text(json.dumps(figures))
    return figures


def sizes(stack: str, var: Path) -> dict[str, float]:
    from django.db import connection

    index = {"index_mb": round(folder_size(var / "index") / 1e6)}
    if stack == "sqlite":
        return {**index, "database_mb": round(sum(p.stat().st_size for p in var.glob("db.sqlite3*")) / 1e6)}
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # the steady state autovacuum keeps: visibility map set
        cursor.execute("SELECT pg_database_size(current_database())")
        return {**index, "database_mb": round(cursor.fetchone()[0] / 1e6)}


def spread(times: list[float]) -> dict[str, float]:
    return {"median": round(statistics.median(times), 1), "p95": round(statistics.quantiles(times, n=20)[-1], 1)}


def latency(base: str, runs: int, raw: object | None) -> dict[str, dict[str, object]]:
    """Each query type: its pages the first time, then again; bare Tantivy's figures taken right after."""
    for word in ("warm", "start", "ready", "begin", "open", "first"):  # pages outside the timed ones, so that
        fetch_ms(base + f"/search/?q={word}")  # each worker has its modules, connections and columns loaded
    figures: dict[str, dict[str, object]] = {}
    for name, queries in query_types().items():
        pages = [page_url(query) for query in queries]
        first = {page: fetch_ms(base + page) for page in pages}
        by_page: dict[str, list[float]] = {}
        for run in range(runs):
            page = pages[run % len(pages)]
            by_page.setdefault(page, []).append(fetch_ms(base + page))
        slowest = max(first, key=first.__getitem__)
        figures[name] = {"first": spread(list(first.values())),
                         "again": spread([ms for times in by_page.values() for ms in times]) if runs > 1 else {},
                         "slowest": {"page": slowest, "ms": round(first[slowest])}}
        if raw is not None:
            from raw_tantivy import latency as raw_latency

            figures[name]["raw"] = raw_latency(raw, queries, max(runs, len(queries)))
    return figures


def naive(runs: int) -> dict[str, float]:
    from naive import naive_search

    figures = {}
    for name, queries in query_types().items():
        times = []
        for run in range(runs):
            started = time.perf_counter()
            naive_search(queries[run % len(queries)])
            times.append((time.perf_counter() - started) * 1000)
        figures[name] = round(statistics.median(times))
    return figures


def load(base: str, seconds: int, users: int, think: float) -> dict[str, float]:
    from imr_archive.letters.models import Letter

    lines = [f"{LOAD_MIX[name] / len(queries)} {page_url(query)}"
             for name, queries in query_types().items() for query in queries]
    cases = Letter.objects.exclude(case_number=None).order_by("?").values_list("case_number", flat=True)[:20]
    lines += [f"{LETTER_PAGES_WEIGHT / 20} /case/{case}/" for case in cases]
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "urls").write_text("\n".join(lines))
        subprocess.run([str(Path(sys.executable).parent / "locust"), "-f", str(REPO / "bench" / "locustfile.py"),
                        "--headless", "--users", str(users), "--spawn-rate", str(users), "--run-time", f"{seconds}s",
                        "--host", base, "--csv", f"{tmp}/load", "--only-summary", "--loglevel", "WARNING"],
                       env={**os.environ, "BENCH_URLS": f"{tmp}/urls", "BENCH_THINK_SECONDS": str(think)}, check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(f"{tmp}/load_stats.csv") as stats:
            total = next(row for row in csv.DictReader(stats) if row["Name"] == "Aggregated")
    return {"users": users, "think_s": think, "seconds": seconds, "requests": int(total["Request Count"]),
            "failures": int(total["Failure Count"]), "per_s": round(float(total["Requests/s"]), 1),
            "median": round(float(total["50%"])), "p95": round(float(total["95%"]))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stack", choices=["sqlite", "postgres"], required=True)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--archive", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=40, help="timed requests per query type")
    parser.add_argument("--naive-runs", type=int, default=8, help="naive queries per query type (0: skip)")
    parser.add_argument("--load-seconds", type=int, default=60, help="length of the load test (0: skip)")
    parser.add_argument("--users", type=int, default=6, help="concurrent users of the load test")
    parser.add_argument("--think-seconds", type=float, default=0,
                        help="each load-test user's mean pause after a page (0: none, the server's most)")
    args = parser.parse_args()

    var = (args.archive / "var").resolve()
    settings = {"IMR_VAR_DIR": str(var), "IMR_SEARCH_BACKEND": ENGINES[args.stack]}
    env = environment(**settings)
    os.environ.update(env)
    figures: dict[str, object] = {"stack": args.stack, **build(env, args.corpus.resolve(), args.archive / "build.json",
                                                               INDEX_VERSIONS[ENGINES[args.stack]])}
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    figures.update(sizes(args.stack, var))
    raw = None
    if ENGINES[args.stack] == "tantivy":
        from raw_tantivy import RawSearch

        raw = RawSearch(var / "index")
    with gunicorn(env) as server:
        figures["latency"] = latency(server.url, args.runs, raw)
        if args.load_seconds:
            figures["load"] = load(server.url, args.load_seconds, args.users, args.think_seconds)
        figures["workers_mb"] = server.workers_memory_mb()
    if args.naive_runs:
        figures["naive"] = naive(args.naive_runs)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python
"""Both stacks side by side at each archive size, with bare Tantivy and a naive baseline to quote them against.

    python bench/run.py [--stacks sqlite postgres] [--counts 10000 100000] [--runs 40] [--load-seconds 60]
                        [--users 6] [--think-seconds 0]
    python bench/run.py --stacks postgres --counts 1000000 2000000 --replicate-from 100000

The stacks: sqlite (SQLite + Whoosh, the embedded default) and postgres
(PostgreSQL + Tantivy, production). For each size: the corpus
bench/out/archive-N/corpus (generated once), and per stack an archive under
bench/out/STACK-N/ built once by `ingest_letters` then `rebuild_index` (the
build's figures are kept beside it; delete the folder to re-measure). The
PostgreSQL stack runs on a server this script starts on 127.0.0.1 with its
cluster kept in bench/out/postgres-N/pg. Each stack is measured by
bench/measure_stack.py in its own process; this prints the table and writes
every figure to bench/out/results-DATE.json. Not run by CI.

Ingesting a million letters takes hours on two cores, so --replicate-from
BASE builds the larger PostgreSQL archives by copying the BASE archive's
database and growing it in SQL (bench/replicate_postgres.py): the same
letters, each present COUNT / BASE times; its ingest figures are BASE's, and
its Tantivy index is built by `rebuild_index` (timed).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote_plus

from queries import query_types

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
sys.path.insert(0, str(REPO / "scripts"))
from with_postgres import postgres_server  # noqa: E402 - the scripts folder is not a package

# A server sized for this 24 GB machine; fsync off as in the tests (a benchmark, not a deployment).
POSTGRES_SETTINGS = {"shared_buffers": "2GB", "effective_cache_size": "8GB", "work_mem": "64MB",
                     "maintenance_work_mem": "1GB", "max_wal_size": "8GB", "jit": "off",
                     "random_page_cost": "1.1", "synchronous_commit": "off"}


def corpus(count: int, archive: Path) -> Path:
    """The letters to ingest (generated unless there or not needed: the archive is built)."""
    folder = OUT / f"archive-{count}" / "corpus"
    if not folder.exists() and not (archive / "build.json").exists():
        subprocess.run([sys.executable, str(REPO / "bench" / "generate_letters.py"), str(folder),
                        "--count", str(count)], check=True)
    return folder


def measure(stack: str, count: int, args: argparse.Namespace) -> dict[str, object]:
    archive = OUT / f"{stack}-{count}"
    archive.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, str(REPO / "bench" / "measure_stack.py"), "--stack", stack,
               "--corpus", str(corpus(count, archive)), "--archive", str(archive), "--runs", str(args.runs),
               "--naive-runs", str(args.naive_runs), "--load-seconds", str(args.load_seconds),
               "--users", str(args.users), "--think-seconds", str(args.think_seconds)]
    env = dict(os.environ)
    if stack == "postgres":
        with postgres_server(keep=archive / "pg", settings=POSTGRES_SETTINGS) as url:
            output = subprocess.run(command, env={**env, "DATABASE_URL": url}, check=True,
                                    stdout=subprocess.PIPE, text=True).stdout
    else:
        output = subprocess.run(command, env=env, check=True, stdout=subprocess.PIPE, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def replicate(count: int, base: int) -> None:
    """bench/out/postgres-COUNT as a copy of postgres-BASE grown COUNT / BASE times over."""
    archive, source = OUT / f"postgres-{count}", OUT / f"postgres-{base}"
    if (archive / "build.json").exists():
        return
    if not (source / "build.json").exists():
        sys.exit(f"build the {base}-letter PostgreSQL archive first: bench/run.py --stacks postgres --counts {base}")
    archive.mkdir(parents=True, exist_ok=True)
    subprocess.run(["cp", "-a", str(source / "pg"), str(archive / "pg")], check=True)  # -a keeps the owner
    with postgres_server(keep=archive / "pg", settings=POSTGRES_SETTINGS) as url:
        subprocess.run([sys.executable, str(REPO / "bench" / "replicate_postgres.py"), "--times", str(count // base)],
                       env={**os.environ, "DATABASE_URL": url}, check=True)
    figures = {key: value for key, value in json.loads((source / "build.json").read_text()).items()
               if key.startswith("ingest")}  # the index is built anew, timed, by measure_stack.py
    figures.update(letters=count, built=f"{datetime.date.today()}, replicated from {base}")
    (archive / "build.json").write_text(json.dumps(figures))


def report(results: list[dict]) -> None:
    for figures in results:
        load = figures.get("load", {})
        workers = figures.get("workers_mb", [])
        peak, own = (max((w[key] for w in workers), default="?") for key in ("peak", "own"))
        print(f"\n== {figures['stack']}, {figures['letters']} letters (built {figures['built']}) ==")
        print(f"ingest end to end {figures['ingest_per_s']} letters/s; rebuild_index "
              f"{figures['rebuild_items_per_s']} items/s ({figures['rebuild_seconds']} s); index "
              f"{figures['index_mb']} MB; database {figures['database_mb']} MB; per worker: peak {peak} MB, "
              f"own {own} MB")
        if load:
            pause = f"pausing {load['think_s']:g} s a page" if load.get("think_s") else "without pause"
            print(f"load: {load['users']} users {pause}, {load['seconds']} s: {load['per_s']} requests/s, "
                  f"median {load['median']} ms, p95 {load['p95']} ms, {load['failures']} failures "
                  f"of {load['requests']}")
        naive = figures.get("naive", {})
        print(f"{'query type':26s} {'first median/p95':>17s} {'again':>13s} {'raw':>13s} {'x raw':>11s} "
              f"{'naive':>6s}  slowest first page")
        for name in query_types():
            own = figures["latency"][name]
            first, again, raw = own["first"], own.get("again") or {}, own.get("raw") or {}
            ratio = (f"{first['median'] / raw['median']:4.1f}/{first['p95'] / raw['p95']:4.1f}"
                     if raw.get("median") else "")
            print(f"{name:26s} {first['median']:8.0f}/{first['p95']:<8.0f} "
                  f"{again.get('median', 0):6.0f}/{again.get('p95', 0):<6.0f} "
                  f"{raw.get('median', 0):6.1f}/{raw.get('p95', 0):<6.1f} {ratio:>11s} {naive.get(name, ''):>6}  "
                  f"{unquote_plus(own['slowest']['page'])} ({own['slowest']['ms']})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stacks", nargs="+", choices=["sqlite", "postgres"], default=["sqlite", "postgres"])
    parser.add_argument("--counts", nargs="+", type=int, default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=40, help="timed requests per query type")
    parser.add_argument("--naive-runs", type=int, default=8, help="naive queries per query type (0: skip)")
    parser.add_argument("--load-seconds", type=int, default=60, help="length of the load test (0: skip)")
    parser.add_argument("--users", type=int, default=6, help="users of the load test")
    parser.add_argument("--think-seconds", type=float, default=0,
                        help="each user's mean pause after a page (0: none, which measures the most the server "
                             "answers: requests queue)")
    parser.add_argument("--replicate-from", type=int, metavar="BASE",
                        help="build larger PostgreSQL archives by replicating the BASE-letter one")
    args = parser.parse_args()
    if args.replicate_from:
        for count in args.counts:
            if count > args.replicate_from and "postgres" in args.stacks:
                replicate(count, args.replicate_from)
    print(f"{datetime.date.today()} on {platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}")
    results = [measure(stack, count, args) for count in args.counts for stack in args.stacks]
    report(results)
    sizes = "-".join(f"{stack}-{count}" for count in args.counts for stack in args.stacks)
    record = OUT / f"results-{datetime.datetime.now():%Y%m%d-%H%M}-{sizes}.json"
    record.write_text(json.dumps(results, indent=1))
    print(f"\nall figures: {record}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python
"""Ingest end to end as an operator runs it: `ingest_letters` into an empty archive, read to searchable.

    python bench/ingest_end_to_end.py --corpus DIR [--database sqlite|postgres] [--runs 2]
                                     [--variant NAME=CODE_DIR[:ARG...]]...

Each run is a fresh archive (a SQLite file, or a database of its own on one
PostgreSQL server started for the whole benchmark by scripts/with_postgres.py)
and a fresh index: `manage.py migrate`, then `manage.py ingest_letters DIR`
timed from start to exit (reading, parsing, storing, and the index following
until every letter is searchable), then `check_index` must be clean. Variants
(by default this tree as it is) run interleaved, run after run, so that the
machine's swings fall on all of them alike; a variant is a code tree (e.g.
one exported with `git archive`) and extra arguments to ingest_letters, such
as `--sync-every=5000`. Prints each run and the median per variant. Not run by CI.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

from with_postgres import postgres_server  # noqa: E402


def parse_variant(text: str) -> tuple[str, Path, list[str]]:
    """NAME=CODE_DIR[:ARG...] -> (name, code folder, extra ingest_letters arguments)."""
    name, _, rest = text.partition("=")
    code, *args = rest.split(":")
    return name, Path(code or REPO).resolve(), args


def one_run(code: Path, args: list[str], corpus: Path, database_url: str | None, engine: str) -> float:
    """Seconds of one ingest_letters run into a fresh archive (its database dropped after)."""
    with tempfile.TemporaryDirectory(prefix="imr-ingest-") as var, ExitStack() as cleanup:
        env = {**os.environ, "IMR_VAR_DIR": var, "IMR_SEARCH_BACKEND": engine,
               "DJANGO_SETTINGS_MODULE": "imr_archive.settings"}
        env.pop("DATABASE_URL", None)
        if database_url:
            env["DATABASE_URL"] = fresh_database(database_url, cleanup)
        manage = [sys.executable, str(code / "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
        started = time.perf_counter()
        subprocess.run([*manage, "ingest_letters", str(corpus), "--no-progress", "-v0", *args], env=env, check=True)
        seconds = time.perf_counter() - started
        check = subprocess.run([*manage, "check_index"], env=env, capture_output=True, text=True)
        if check.returncode:
            raise SystemExit(f"the index is not complete after the run: {check.stderr.strip()}")
        return seconds


def fresh_database(server_url: str, cleanup: ExitStack) -> str:
    import psycopg

    name = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(server_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    cleanup.callback(drop)
    return f"{server_url.rsplit('/', 1)[0]}/{name}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="folder of letters (bench/generate_letters.py)")
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite",
                        help="where the archive is stored (default: %(default)s)")
    parser.add_argument("--engine", default="whoosh", help="IMR_SEARCH_BACKEND (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=2, help="runs of each variant (default: %(default)s)")
    parser.add_argument("--variant", action="append", default=[], metavar="NAME=CODE_DIR[:ARG...]",
                        help="a code tree and extra ingest_letters arguments; repeatable (default: this tree)")
    args = parser.parse_args()
    variants = [parse_variant(v) for v in args.variant] or [("this tree", REPO, [])]
    letters = sum(1 for _ in args.corpus.rglob("*.txt"))
    seconds: dict[str, list[float]] = {name: [] for name, _, _ in variants}
    with ExitStack() as stack:
        server = stack.enter_context(postgres_server()) if args.database == "postgres" else None
        for run in range(1, args.runs + 1):
            for name, code, extra in variants:
                took = one_run(code, extra, args.corpus, server, args.engine)
                seconds[name].append(took)
                print(f"run {run} {name:>20}: {took:7.1f} s  {letters / took:6.0f} letters/s", flush=True)
    print(f"{letters} letters, {args.database} + {args.engine}, median of {args.runs} run(s):")
    for name, taken in seconds.items():
        print(f"  {name:>20}: {letters / statistics.median(taken):6.0f} letters/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

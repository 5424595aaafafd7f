#!/usr/bin/env python
"""The analytics page's latency: median and p95 over searches x breakdowns, each page asked for the first time.

    python bench/analytics.py --var DIR --engine whoosh|tantivy [--index DIR] [--postgres DIR] [--workers 2]

DIR is an archive's var folder (its SQLite database, and its index unless
--index names another); --postgres DIR starts a PostgreSQL server on the
cluster kept in DIR (bench/run.py's layout: DIR/data) and serves from it.
The archive is served by gunicorn as bench/measure_stack.py serves it;
each page of SEARCHES x BREAKDOWNS is asked once (the figure that counts:
no cache of this search's answer), after warm-up pages outside that set
(so each worker has its modules, connections and columns loaded). A
breakdown by page or by month without a chosen guideline or year also
finds the one to show, as a user's first visit does. Prints the figures
as JSON, and a line per breakdown. Then letter pages (their similar
determinations: one engine query per item), each asked once. Not run by CI.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
from pathlib import Path
from urllib.parse import urlencode

from server import REPO, environment, fetch_ms, gunicorn

sys.path.insert(0, str(REPO / "scripts"))
from with_postgres import postgres_server  # noqa: E402 - the scripts folder is not a package

SEARCHES = [{}, {"q": "lumbar"}, {"q": "physical therapy"}, {"q": '"functional improvement"'},
            {"q": "pain", "outcome": "overturned"}, {"category": "Pharmaceuticals"}, {"year": "2015"},
            {"guideline": "mtus-chronic-pain", "page": "98"}, {"q": "tramadol", "sex": "female"},
            {"specialty": "Orthopedic Surgery"}, {"q": "acupuncture"}, {"treatment": "norco"}]
BREAKDOWNS = [{}, {"by": "treatment"}, {"by": "treatment", "treatment_like": "cream"}, {"by": "guideline"},
              {"by": "page"}, {"by": "specialty"}, {"by": "year"}, {"by": "month"}, {"by": "age"}, {"by": "sex"}]
WARM_UP = [{"q": "knee"}, {"q": "shoulder", "outcome": "upheld"}]  # searches outside the timed ones
LETTERS = 25
POSTGRES_SETTINGS = {"shared_buffers": "2GB", "effective_cache_size": "8GB", "work_mem": "64MB", "jit": "off",
                     "random_page_cost": "1.1"}


def page_url(search: dict[str, str], breakdown: dict[str, str]) -> str:
    params = {**search, **breakdown}
    return "/analytics/" + (f"?{urlencode(params)}" if params else "")


def spread(times: list[float]) -> dict[str, float]:
    return {"pages": len(times), "median": round(statistics.median(times), 1),
            "p95": round(statistics.quantiles(times, n=20, method="inclusive")[-1], 1), "max": round(max(times), 1)}


def measure(base: str, workers: int) -> dict[str, object]:
    for search in WARM_UP:
        for breakdown in BREAKDOWNS:
            for _ in range(workers):
                fetch_ms(base + page_url(search, breakdown))
    times: dict[str, list[float]] = {}
    slowest = ("", 0.0)
    for search in SEARCHES:
        for breakdown in BREAKDOWNS:
            url = page_url(search, breakdown)
            ms = fetch_ms(base + url)
            name = breakdown.get("by", "category") + (" holding" if "treatment_like" in breakdown else "")
            times.setdefault(name, []).append(ms)
            slowest = max(slowest, (url, ms), key=lambda pair: pair[1])
    every = [ms for found in times.values() for ms in found]
    return {"first": spread(every), "by_breakdown": {name: spread(found) for name, found in times.items()},
            "slowest": {"page": slowest[0], "ms": round(slowest[1])}}


def letter_pages(base: str, settings: dict[str, str]) -> dict[str, float]:
    """Letter pages (each item's similar determinations), each asked once: letters spread over the archive."""
    os.environ.update(environment(**settings))
    sys.path.insert(0, str(REPO))
    import django

    django.setup()
    from imr_archive.letters.models import Letter

    letters = list(Letter.objects.order_by("id").only("id", "case_number", "permalink"))
    chosen = letters[::max(1, len(letters) // LETTERS)][:LETTERS]
    return spread([fetch_ms(base + letter.get_absolute_url()) for letter in chosen])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--var", type=Path, required=True, help="the archive's var folder")
    parser.add_argument("--engine", choices=["whoosh", "tantivy"], required=True)
    parser.add_argument("--index", type=Path, help="the index folder (default: VAR/index)")
    parser.add_argument("--postgres", type=Path, help="serve from the PostgreSQL cluster kept in this folder")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    settings = {"IMR_VAR_DIR": str(args.var.resolve()), "IMR_SEARCH_BACKEND": args.engine,
                "IMR_INDEX_DIR": str((args.index or args.var / "index").resolve())}
    with contextlib.ExitStack() as stack:
        if args.postgres:
            settings["DATABASE_URL"] = stack.enter_context(postgres_server(keep=args.postgres,
                                                                           settings=POSTGRES_SETTINGS))
        server = stack.enter_context(gunicorn(environment(**settings), workers=args.workers))
        figures = {"engine": args.engine, "database": "postgres" if args.postgres else "sqlite",
                   "index": settings["IMR_INDEX_DIR"], **measure(server.url, args.workers),
                   "letter pages": letter_pages(server.url, settings)}
    for name, found in figures["by_breakdown"].items():
        print(f"{name:18s} median {found['median']:7.1f} ms  p95 {found['p95']:7.1f} ms  max {found['max']:7.1f} ms",
              file=sys.stderr)
    letters = figures["letter pages"]
    print(f"{'letter pages':18s} median {letters['median']:7.1f} ms  p95 {letters['p95']:7.1f} ms  "
          f"({letters['pages']} pages)", file=sys.stderr)
    first = figures["first"]
    print(f"{'every page':18s} median {first['median']:7.1f} ms  p95 {first['p95']:7.1f} ms  "
          f"({first['pages']} pages; slowest {figures['slowest']['page']} {figures['slowest']['ms']} ms)",
          file=sys.stderr)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python
"""The load test alone, on an archive bench/run.py built: locust against gunicorn with 2 workers.

    python bench/load.py --stack postgres --count 2000000 [--users 6] [--think-seconds 3] [--seconds 60]

Prints the figures as one JSON object: requests/s, median and p95 ms,
failures. With --think-seconds 0 the users ask without pause (the most the
server answers, every request queueing); with a pause, the latency a
stated load sees (users / (pause + latency) requests/s offered).
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from measure_stack import ENGINES, load
from run import OUT, POSTGRES_SETTINGS
from server import REPO, environment, gunicorn
from with_postgres import postgres_server


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stack", choices=["sqlite", "postgres"], required=True)
    parser.add_argument("--count", type=int, required=True, help="letters of the archive (bench/out/STACK-COUNT)")
    parser.add_argument("--users", type=int, default=6)
    parser.add_argument("--think-seconds", type=float, default=3, help="each user's mean pause after a page")
    parser.add_argument("--seconds", type=int, default=60)
    args = parser.parse_args()
    archive = OUT / f"{args.stack}-{args.count}"
    settings = {"IMR_VAR_DIR": str((archive / "var").resolve()), "IMR_SEARCH_BACKEND": ENGINES[args.stack]}

    def measure() -> dict[str, object]:
        env = environment(**settings)
        os.environ.update(env)
        sys.path.insert(0, str(REPO))
        import django

        django.setup()
        with gunicorn(env) as server:
            return load(server.url, args.seconds, args.users, args.think_seconds)

    if args.stack == "postgres":
        with postgres_server(keep=archive / "pg", settings=POSTGRES_SETTINGS) as url:
            settings["DATABASE_URL"] = url
            figures = measure()
    else:
        figures = measure()
    print(json.dumps({"stack": args.stack, "letters": args.count, **figures}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

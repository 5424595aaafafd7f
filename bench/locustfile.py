"""The load test's users: a realistic mix of the archive's pages, each user reading a page before the next.

The pages come from the file named by BENCH_URLS, one "WEIGHT PATH" per
line (bench/run.py writes it from bench/queries.py and a few letter pages).
A user pauses BENCH_THINK_SECONDS on average (uniformly from half to one
and a half times it) after each page; 0 makes users ask without pause,
which measures the most the server answers, every request queueing.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from locust import HttpUser, between, constant, task


def _weighted_paths() -> tuple[list[str], list[float]]:
    paths, weights = [], []
    for line in Path(os.environ["BENCH_URLS"]).read_text().splitlines():
        weight, path = line.split(" ", 1)
        paths.append(path)
        weights.append(float(weight))
    return paths, weights


PATHS, WEIGHTS = _weighted_paths()
THINK_SECONDS = float(os.environ.get("BENCH_THINK_SECONDS", "0"))


class Researcher(HttpUser):
    """Someone searching the archive: one page after another, reading each."""

    wait_time = between(THINK_SECONDS / 2, THINK_SECONDS * 1.5) if THINK_SECONDS else constant(0)

    @task
    def open_a_page(self) -> None:
        path = random.choices(PATHS, WEIGHTS)[0]
        self.client.get(path, name=path.split("?", 1)[0] if "/case/" not in path else "/case/<n>/")

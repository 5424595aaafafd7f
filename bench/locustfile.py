"""The load test's users: a realistic mix of the archive's pages, no pause between requests.

The pages come from the file named by BENCH_URLS, one "WEIGHT PATH" per
line (bench/run.py writes it from bench/queries.py and a few letter pages).
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from locust import HttpUser, task


def _weighted_paths() -> tuple[list[str], list[float]]:
    paths, weights = [], []
    for line in Path(os.environ["BENCH_URLS"]).read_text().splitlines():
        weight, path = line.split(" ", 1)
        paths.append(path)
        weights.append(float(weight))
    return paths, weights


PATHS, WEIGHTS = _weighted_paths()


class Researcher(HttpUser):
    """Someone searching the archive: one page after another."""

    @task
    def open_a_page(self) -> None:
        path = random.choices(PATHS, WEIGHTS)[0]
        self.client.get(path, name=path.split("?", 1)[0] if "/case/" not in path else "/case/<n>/")

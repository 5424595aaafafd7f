#!/usr/bin/env python
"""What the index's following of the database costs an ingest, apart from the engine's own work.

    python bench/sync_overhead.py --corpus DIR [--database sqlite|postgres] [--runs 2]

Runs `ingest_letters` in this process into a fresh archive, with the engine
replaced by one that builds every document the real one would be given and
then drops it, so the figures are the ingest's ceiling once an engine is
fast: reading, parsing, storing, writing the outbox, reading it back and
building the documents. Three variants, interleaved run after run:

  store only        no outbox row written, no sync (what storing alone costs)
  sync at the end   outbox rows, one sync of the whole run at its end
  sync every 2000   outbox rows, a sync every 2,000 letters (the default)

Beside the wall time, the CPU time per letter of this process and its
parsing processes, and of the PostgreSQL server: on a shared machine the
CPU a variant spends moves far less than its wall time. Not run by CI.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from unittest import mock

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from with_postgres import postgres_server  # noqa: E402


class DocumentsOnly:
    """An engine that builds the documents it is given and keeps none of them."""

    def replace_letters(self, letter_ids: Iterable[int], documents: Iterable) -> None:
        for _ in documents:
            pass

    @contextmanager
    def bulk(self) -> Iterator[Callable[[list[int]], None]]:
        from imr_archive.search.documents import documents_for_letters

        yield lambda letter_ids: self.replace_letters(letter_ids, documents_for_letters(letter_ids))


def cpu_seconds() -> tuple[float, float]:
    """CPU seconds so far of this process with its ended children, and of the PostgreSQL server (0 on SQLite)."""
    mine = sum(getattr(resource.getrusage(who), part) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
               for part in ("ru_utime", "ru_stime"))
    return mine, server_cpu_seconds()


def server_cpu_seconds() -> float:
    """The postmaster's CPU with its ended children's, plus its living children's (from /proc)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT setting FROM pg_settings WHERE name = 'data_directory'")
        postmaster = int((Path(cursor.fetchone()[0]) / "postmaster.pid").read_text().split()[0])
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, parent = int(stat.parent.name), int(fields[1])
        if pid == postmaster:
            ticks += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
        elif parent == postmaster:
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def run(corpus: Path, variant: str) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds of the ingest's processes and of the database server."""
    from django.core.management import call_command

    with ExitStack() as patches:
        patches.enter_context(mock.patch("imr_archive.search.sync.text_index", DocumentsOnly))
        args = ["--sync-every", "2000"]
        if variant == "store only":
            patches.enter_context(mock.patch("imr_archive.letters.ingest.record_changes"))
        if variant != "sync every 2000":
            args = ["--sync-every", str(10**9)]
        mine, server = cpu_seconds()
        started = time.perf_counter()
        call_command("ingest_letters", str(corpus), *args, "--no-progress", verbosity=0)
        seconds = time.perf_counter() - started
        mine_after, server_after = cpu_seconds()
    empty_the_archive()
    return seconds, mine_after - mine, server_after - server


def empty_the_archive() -> None:
    """The next run starts from an empty archive and index folder (no deletion signals, no sync)."""
    from django.conf import settings
    from django.db import connection

    from imr_archive.letters.models import Citation, CitedPage, Issue, Letter, LetterChange

    with connection.cursor() as cursor:
        for model in (CitedPage, Citation, Issue, Letter, LetterChange):
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE")
    shutil.rmtree(Path(settings.MEDIA_ROOT) / "originals", ignore_errors=True)
    shutil.rmtree(settings.IMR_INDEX_DIR, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="folder of letters (bench/generate_letters.py)")
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite",
                        help="where the archive is stored (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=2, help="runs of each variant (default: %(default)s)")
    args = parser.parse_args()
    letters = sum(1 for _ in args.corpus.rglob("*.txt"))
    variants = ("store only", "sync at the end", "sync every 2000")
    seconds: dict[str, list[tuple[float, float, float]]] = {name: [] for name in variants}
    with tempfile.TemporaryDirectory(prefix="imr-overhead-") as var, ExitStack() as stack:
        os.environ["IMR_VAR_DIR"] = var
        os.environ["DJANGO_SETTINGS_MODULE"] = "imr_archive.settings"
        if args.database == "postgres":
            os.environ["DATABASE_URL"] = stack.enter_context(postgres_server())
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        for n in range(1, args.runs + 1):
            for name in variants:
                took = run(args.corpus, name)
                seconds[name].append(took)
                print(f"run {n} {name:>16}: {took[0]:6.1f} s  {letters / took[0]:5.0f} letters/s  "
                      f"CPU ms/letter: ingest {1000 * took[1] / letters:.2f}, server {1000 * took[2] / letters:.2f}",
                      flush=True)
    print(f"{letters} letters, {args.database}, engine replaced by document building only, "
          f"median of {args.runs} run(s):")
    for name, taken in seconds.items():
        wall, mine, server = (statistics.median(values) for values in zip(*taken, strict=True))
        print(f"  {name:>16}: {letters / wall:5.0f} letters/s; CPU ms/letter: ingest {1000 * mine / letters:.2f}, "
              f"server {1000 * server / letters:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""manage.py ingest_letters PATH... : store letter files in the archive; the index follows as the run goes."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from imr_archive.letters.ingest import (
    IngestResult,
    Status,
    ingest_paths,
    iter_files,
    letters_to_reparse,
    reparse_letter,
)
from imr_archive.search.errors import IndexBusy, IndexOutOfStep
from imr_archive.search.indexing import SyncAsItGoes

SUMMARY_ORDER = (Status.NEW, Status.REPLACED, Status.UNCHANGED, Status.REPARSED)
CHANGED = (Status.NEW, Status.REPLACED, Status.REPARSED)
# Letters committed between two syncs of the index during a run: a long run's letters become searchable
# this many at a time (and every letter once the run ends).
SYNC_EVERY = 2_000


class Command(BaseCommand):
    help = (
        "Parse IMR letter files (.txt, .pdf; folders recursively) into the archive. The search index follows "
        "as the run goes (--sync-every) and applies every change left when it ends, "
        "including those of an earlier run that was stopped. Safe to re-run: a letter already stored is "
        "reported as unchanged. Exits 1 when any file failed or the index could not follow."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                            help="Letter files or folders to ingest.")
        parser.add_argument("--reparse", action="store_true",
                            help="Re-read stored letters whose parser version is older than the current one.")
        parser.add_argument("--sync-every", type=int, default=SYNC_EVERY, metavar="LETTERS",
                            help="Letters committed between two syncs of the search index during the run: a long "
                                 "run's letters become searchable this many at a time (default: %(default)s).")
        parser.add_argument("--no-progress", action="store_true",
                            help="Never show a progress bar (it is shown only on a terminal anyway).")

    def handle(self, *args, paths: list[Path], reparse: bool, sync_every: int, no_progress: bool, verbosity: int,
               **options):
        if not paths and not reparse:
            raise CommandError("give at least one PATH to ingest, or --reparse")
        if sync_every < 1:
            raise CommandError("--sync-every must be at least 1")
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise CommandError(f"no such file or folder: {', '.join(missing)}")
        self.verbosity = verbosity
        show_progress = not no_progress and sys.stdout.isatty() and verbosity > 0
        files = list(iter_files(paths))
        counts: Counter[Status] = Counter()
        warned = 0
        index = SyncAsItGoes(sync_every)
        for result in self._results(files, reparse, show_progress):
            counts[result.status] += 1
            warned += bool(result.warnings) and not result.failed
            if result.status in CHANGED:
                index.committed_one()
            self._report(result)
        self._summary(counts, warned)
        try:
            index.finish()
        except IndexBusy as error:
            raise CommandError(f"{error}; the letters stored are kept, and searchable once manage.py sync_index "
                               "has run", returncode=1) from None
        except (IndexOutOfStep, ImproperlyConfigured) as error:
            raise CommandError(str(error), returncode=1) from None
        if counts[Status.FAILED]:
            raise CommandError(f"{counts[Status.FAILED]} file(s) failed", returncode=1)

    def _results(self, files: list[Path], reparse: bool, show_progress: bool):
        if reparse:
            letters = letters_to_reparse()
            for letter in tqdm(letters.iterator(), total=letters.count(), disable=not show_progress,
                               desc="reparse", unit="letter"):
                yield reparse_letter(letter)
        yield from tqdm(ingest_paths(files), total=len(files), disable=not show_progress, desc="ingest", unit="file")

    def _report(self, result: IngestResult) -> None:
        if result.failed:
            self.stderr.write(f"FAILED {result.name}: {result.reason}")
        elif self.verbosity >= 2:
            warnings = f" ({len(result.warnings)} warning(s))" if result.warnings else ""
            self.stdout.write(f"{result.status} {result.name}{warnings}")
            if self.verbosity >= 3:
                for warning in result.warnings:
                    self.stdout.write(f"    warning: {warning}")

    def _summary(self, counts: Counter[Status], warned: int) -> None:
        if self.verbosity == 0:
            return
        parts = [f"{counts[s]} {s}" for s in SUMMARY_ORDER]
        parts += [f"{warned} stored with warnings", f"{counts[Status.FAILED]} failed"]
        self.stdout.write(", ".join(parts))

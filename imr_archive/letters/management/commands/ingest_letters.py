"""manage.py ingest_letters PATH... : store letter files in the archive, then index them."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

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
from imr_archive.letters.models import Letter
from imr_archive.search.errors import IndexBusy
from imr_archive.search.indexing import IndexBatch

BULK_MIN_FILES = 1000
SUMMARY_ORDER = (Status.NEW, Status.REPLACED, Status.UNCHANGED, Status.REPARSED)


class Command(BaseCommand):
    help = (
        "Parse IMR letter files (.txt, .pdf; folders recursively) into the archive and index them. "
        "Safe to re-run: a letter already stored is reported as unchanged. Exits 1 when any file failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                            help="Letter files or folders to ingest.")
        parser.add_argument("--reparse", action="store_true",
                            help="Re-read stored letters whose parser version is older than the current one.")
        parser.add_argument("--no-progress", action="store_true",
                            help="Never show a progress bar (it is shown only on a terminal anyway).")

    def handle(self, *args, paths: list[Path], reparse: bool, no_progress: bool, verbosity: int, **options):
        if not paths and not reparse:
            raise CommandError("give at least one PATH to ingest, or --reparse")
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise CommandError(f"no such file or folder: {', '.join(missing)}")
        self.verbosity = verbosity
        show_progress = not no_progress and sys.stdout.isatty() and verbosity > 0
        files = list(iter_files(paths))
        counts: Counter[Status] = Counter()
        warned = 0
        bulk = self._is_bulk(files)
        if bulk and verbosity:
            self.stdout.write(f"{len(files)} files, at least as many as the archive holds: indexing in bulk "
                              "(the new letters show in searches when the run ends)")
        try:
            with IndexBatch(bulk=bulk) as index:
                for result in self._results(files, reparse, show_progress):
                    counts[result.status] += 1
                    warned += bool(result.warnings) and not result.failed
                    if result.letter_id and result.status is not Status.UNCHANGED:
                        index.add(result.letter_id)
                    self._report(result)
        except IndexBusy as error:
            self._summary(counts, warned)
            raise CommandError(f"{error}; the letters stored are kept: once it is free, run manage.py "
                               "rebuild_index (check_index lists the letters left out)", returncode=1) from None
        self._summary(counts, warned)
        if counts[Status.FAILED]:
            raise CommandError(f"{counts[Status.FAILED]} file(s) failed", returncode=1)

    @staticmethod
    def _is_bulk(files: list[Path]) -> bool:
        """A run that at least doubles the archive: its letters go through the index's bulk path.

        The bulk path costs less per letter (see IndexBatch) but shows the new
        letters only at the end of the run, or slows searches meanwhile;
        a small addition to a large archive is indexed a batch at a time.
        """
        return len(files) >= max(BULK_MIN_FILES, Letter.objects.count())

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

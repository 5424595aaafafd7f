"""manage.py sync_index: apply the letter changes this node's index has not applied yet."""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError
from tqdm import tqdm

from imr_archive.letters.outbox import count_after
from imr_archive.search.cursor import applied_sequence
from imr_archive.search.errors import IndexBusy, IndexOutOfStep
from imr_archive.search.sync import SyncReport, sync_index

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class Command(BaseCommand):
    help = (
        "Bring this node's search index (IMR_INDEX_DIR) up to the database: apply, in order, the letter changes "
        "committed after the last one the index applied (its applied-sequence file). Safe to run at any time, "
        "from cron, at start-up or continuously with --follow: a run with nothing to apply changes nothing, and "
        "runs at once take turns. Exits 1 with the reason when the changes could not be applied."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--follow", action="store_true",
                            help="Keep running: apply new changes every --interval seconds until SIGTERM or "
                                 "SIGINT (Ctrl-C), then exit 0 once the change being applied is committed.")
        parser.add_argument("--interval", type=float, default=5.0, metavar="SECONDS",
                            help="With --follow, seconds between two looks at the database (default: %(default)s).")
        parser.add_argument("--no-progress", action="store_true",
                            help="Never show a progress bar (it is shown only on a terminal anyway).")

    def handle(self, *args, follow: bool, interval: float, no_progress: bool, verbosity: int, **options) -> None:
        if interval <= 0:
            raise CommandError("--interval must be more than 0 seconds")
        self.verbosity = verbosity
        self.show_progress = not no_progress and verbosity > 0 and sys.stdout.isatty()
        if not follow:
            try:
                self._report(self._sync(threading.Event()), quiet_when_idle=False)
            except WorthRetrying as error:
                raise CommandError(str(error), returncode=1) from None
            return
        with _stop_on_signals() as stop:
            while not stop.is_set():
                try:
                    self._report(self._sync(stop), quiet_when_idle=True)
                except WorthRetrying as error:
                    self.stderr.write(f"{error}; trying again in {interval:g} s")
                stop.wait(interval)

    def _sync(self, stop: threading.Event) -> SyncReport:
        try:
            with tqdm(total=count_after(applied_sequence()), unit="change", desc="sync",
                      disable=not self.show_progress) as bar:
                return sync_index(should_stop=stop.is_set, progress=bar.update)
        except (IndexBusy, DatabaseError) as error:
            raise WorthRetrying(_one_line(error)) from None
        except (IndexOutOfStep, ImproperlyConfigured) as error:
            raise CommandError(_one_line(error), returncode=1) from None

    def _report(self, report: SyncReport, quiet_when_idle: bool) -> None:
        if self.verbosity == 0 or (quiet_when_idle and not report.changes):
            return
        if report.changes:
            line = f"applied {report.changes} change(s) to {report.letters} letter(s)"
        else:
            line = "nothing to apply"
        line += f"; the index is at change {report.applied}"
        if report.pending:
            line += f", {report.pending} change(s) after it"
        self.stdout.write(line)


class WorthRetrying(Exception):
    """A failure --follow tries again later: another writer kept the index, the database was restarting."""


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split()) or type(error).__name__


@contextmanager
def _stop_on_signals() -> Iterator[threading.Event]:
    """An event set by SIGTERM or SIGINT while the block runs (the handlers before it come back after)."""
    stop = threading.Event()
    previous = {number: signal.signal(number, lambda *_: stop.set()) for number in STOP_SIGNALS}
    try:
        yield stop
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)

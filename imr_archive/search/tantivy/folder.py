"""The Tantivy index folder: opened once per process, followed across processes, written by one writer at a time.

Readers (gunicorn workers, other commands) see a commit made anywhere when
they next search: each search checks the index's meta.json (a stat, a few
microseconds) and reloads the reader only when it changed, so nothing is
reopened per request. A writer holds Tantivy's lock file; another process
waits for it up to the lock timeout, then gets IndexBusy (one line). A
commit is atomic: a writer killed at any moment leaves the last commit
whole, and the next writer removes the files it left (Tantivy's garbage
collection removes only files Tantivy itself wrote, never others kept in
the folder, such as the sync's cursor).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import tantivy
from django.core.exceptions import ImproperlyConfigured

from imr_archive.search.analysis import PROSE, prose_analyzer
from imr_archive.search.errors import IndexBusy
from imr_archive.search.tantivy.schema import schema

META = "meta.json"
LOCK_RETRY_SECONDS = 0.05


class IndexFolder:
    def __init__(self, path: Path, lock_timeout: float) -> None:
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        self._index: tantivy.Index | None = None
        self._seen: tuple[int, int, int] | None = None
        self._lock = threading.Lock()

    def _meta_state(self) -> tuple[int, int, int] | None:
        try:
            found = (self.path / META).stat()
        except FileNotFoundError:
            return None
        return found.st_ino, found.st_mtime_ns, found.st_size

    def _open(self) -> tantivy.Index:
        if self._index is None:
            self.path.mkdir(parents=True, exist_ok=True)
            if tantivy.Index.exists(str(self.path)):
                opened = tantivy.Index.open(str(self.path))
                if opened.schema != schema():
                    raise ImproperlyConfigured(
                        f"the search index in {self.path} was built by another version of IMR Archive: "
                        "run `python manage.py rebuild_index`")
            else:
                opened = tantivy.Index(schema(), str(self.path))
            opened.register_tokenizer(PROSE, prose_analyzer())
            opened.config_reader("manual")
            self._index, self._seen = opened, self._meta_state()
        return self._index

    def searcher(self) -> tantivy.Searcher:
        """A searcher of the last commit, whichever process made it."""
        with self._lock:
            index = self._open()
            state = self._meta_state()
            if state != self._seen:
                index.reload()
                self._seen = state
        return index.searcher()

    @contextmanager
    def writer(self, heap_bytes: int = 64_000_000, threads: int = 1) -> Iterator[tantivy.IndexWriter]:
        """The index's one writer: committed when the block ends, rolled back if it raises."""
        with self._lock:
            index = self._open()
        writer = self._acquire(index, heap_bytes, threads)
        try:
            yield writer
            writer.commit()
            writer.garbage_collect_files()
        except BaseException:
            writer.rollback()
            raise
        finally:
            writer.wait_merging_threads()  # ends the writer: lets the lock go

    def _acquire(self, index: tantivy.Index, heap_bytes: int, threads: int) -> tantivy.IndexWriter:
        deadline = time.monotonic() + self.lock_timeout
        while True:
            try:
                return index.writer(heap_bytes, threads)
            except ValueError as error:
                if "LockBusy" not in str(error):
                    raise
            if time.monotonic() >= deadline:
                raise IndexBusy(f"the search index is being written by another process "
                                f"(waited {self.lock_timeout:g} s for its lock)")
            time.sleep(LOCK_RETRY_SECONDS)

    def recreate(self) -> None:
        """A new, empty index in place of one of another schema; other files in the folder stay.

        Only meta.json goes: the new index's first writer collects the old
        segment files, which Tantivy lists as its own.
        """
        with self._lock:
            self._index = None
            (self.path / META).unlink(missing_ok=True)
            self._open()

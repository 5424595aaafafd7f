"""Where this node's index stands in the outbox, and the lock its writers take.

Two files in IMR_INDEX_DIR, beside the engine's own:

- `applied-sequence`: the last outbox change the index holds, and the engine
  that applied it ("1234 whoosh"). Written atomically once the index has
  committed, so a crash leaves it at or behind the index, never ahead:
  applying a change twice does no harm, skipping one would. A copy of the
  folder carries it to a new node. A missing or unreadable file, or one
  written by another engine, means 0: every change is applied again.
- `sync.lock`: held by whoever applies changes or rebuilds, from reading the
  cursor to writing it, so two processes never interleave their writes (one
  could leave an older version of a letter behind a newer cursor). An
  operating-system lock (flock): it goes with the process however that
  process dies.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from filelock import FileLock, Timeout

from imr_archive.search.errors import IndexBusy

logger = logging.getLogger(__name__)

APPLIED_FILE = "applied-sequence"
LOCK_FILE = "sync.lock"


def _index_dir() -> Path:
    return Path(settings.IMR_INDEX_DIR)


def applied_sequence() -> int:
    """The last outbox change this index has applied (0: none, or unknown)."""
    path = _index_dir() / APPLIED_FILE
    try:
        sequence, engine = path.read_text().split()
        if engine == settings.IMR_SEARCH_BACKEND:
            return int(sequence)
    except FileNotFoundError:
        return 0
    except (OSError, ValueError) as error:
        logger.warning("%s is unreadable (%s): every change will be applied again", path, error)
    return 0


def set_applied_sequence(sequence: int) -> None:
    """Record that the index holds every change up to `sequence` (call after the index committed)."""
    folder = _index_dir()
    with tempfile.NamedTemporaryFile("w", dir=folder, prefix=f".{APPLIED_FILE}-", delete=False) as temporary:
        temporary.write(f"{sequence} {settings.IMR_SEARCH_BACKEND}\n")
        temporary.flush()
        os.fsync(temporary.fileno())
    os.replace(temporary.name, folder / APPLIED_FILE)
    directory = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(directory)  # the rename itself survives a power cut
    finally:
        os.close(directory)


def forget_applied_sequence() -> None:
    """Before the index is emptied: should the process die, the next sync applies every change again."""
    (_index_dir() / APPLIED_FILE).unlink(missing_ok=True)


@contextmanager
def writers_lock(timeout: float, done: Callable[[], bool] | None = None) -> Iterator[bool]:
    """Hold the index writers' lock, waiting up to `timeout` seconds for it.

    Yields True with the lock held. With `done`, the wait also ends as soon
    as `done()` is true (another process did the work): then yields False,
    without the lock. Raises IndexBusy when the time is up.
    """
    folder = _index_dir()
    folder.mkdir(parents=True, exist_ok=True)
    # The file stays: flock(1) on it (copying the folder, docs/deployment.md) then excludes the same writers.
    lock = FileLock(folder / LOCK_FILE, fallback_to_soft=False, preserve_lock_file=True)
    try:
        lock.acquire(timeout=timeout, cancel_check=done)
    except Timeout:
        if done is not None and done():
            yield False
            return
        raise IndexBusy(f"the search index is being written by another process "
                        f"(waited {timeout:g} s for its lock)") from None
    try:
        yield True
    finally:
        lock.release()

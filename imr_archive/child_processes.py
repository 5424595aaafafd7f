"""Forked helper processes that end with their parent and hold none of its locks.

The ingest forks processes: its parsing processes (`ingest_paths`), and
Whoosh's bulk writer forks processes of its own. A forked process inherits
every open file of its parent, the index's write lock among them: a
`flock` lock lasts as long as any process holds the file open. Should the
parent be killed (kill -9, out of memory), children left waiting on their
task queues would live on with the lock, and every later writer of the
index would wait for it and fail.

Inside `children_die_with_this_process()`, every process this one forks
(by whatever library) is made, before it runs anything else, to die with
its parent (Linux's PR_SET_PDEATHSIG; it exits at once should the parent
be gone already) and to let go of every inherited file that holds a lock.
Its own children follow the same rule.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

PR_SET_PDEATHSIG = 1  # linux/prctl.h
FDINFO = Path("/proc/self/fdinfo")
# Locks that belong to an open file, so a forked copy of its descriptor keeps them: flock(2) and open file
# description locks. POSIX record locks (SQLite's) belong to a process and are never inherited.
INHERITED_LOCK_KINDS = ("FLOCK", "OFDLCK")

_guarding_parent: int | None = None  # the pid whose forked children must die with it


@contextlib.contextmanager
def children_die_with_this_process() -> Iterator[None]:
    """Every process forked meanwhile dies with this one and holds none of its locks."""
    global _guarding_parent
    previous, _guarding_parent = _guarding_parent, os.getpid()
    try:
        yield
    finally:
        _guarding_parent = previous


def _after_fork_in_child() -> None:
    global _guarding_parent
    if _guarding_parent is not None:
        start_as_child_of(_guarding_parent)
        _guarding_parent = os.getpid()


os.register_at_fork(after_in_child=_after_fork_in_child)


def start_as_child_of(parent: int) -> None:
    """Make this forked process die with `parent` and drop the locks it inherited from it."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
    release_inherited_locks()


def locked_descriptors() -> list[int]:
    """This process's file descriptors holding a lock of an inherited kind (from /proc/self/fdinfo)."""
    if not FDINFO.is_dir():
        return []
    found = []
    for entry in FDINFO.iterdir():
        try:
            info = entry.read_text()
        except OSError:  # closed meanwhile (the descriptor of the directory listing itself)
            continue
        if any(line.startswith("lock:") and any(kind in line for kind in INHERITED_LOCK_KINDS)
               for line in info.splitlines()):
            found.append(int(entry.name))
    return found


def release_inherited_locks() -> None:
    """Point every descriptor holding a lock at /dev/null: the lock no longer depends on this process.

    The descriptor numbers stay open (objects copied from the parent may
    still close them); they just no longer refer to the locked file.
    """
    held = locked_descriptors()
    if not held:
        return
    null = os.open(os.devnull, os.O_RDWR)
    try:
        for fd in held:
            os.dup2(null, fd, inheritable=False)
    finally:
        os.close(null)

"""Processes forked under children_die_with_this_process() hold none of the parent's flock locks."""

from __future__ import annotations

import fcntl
import os

from imr_archive.child_processes import children_die_with_this_process, locked_descriptors


def locks_seen_by_a_child(guarded: bool) -> int:
    """How many locked descriptors a forked child finds it holds."""
    read_end, write_end = os.pipe()
    if guarded:
        with children_die_with_this_process():
            pid = os.fork()
    else:
        pid = os.fork()
    if pid == 0:  # the child: report, and leave without running the parent's clean-up
        os.write(write_end, str(len(locked_descriptors())).encode())
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end) as report:
        seen = int(report.read())
    os.waitpid(pid, 0)
    return seen


def test_a_guarded_child_lets_go_of_the_parent_s_lock(tmp_path):
    with (tmp_path / "WRITELOCK").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        assert locks_seen_by_a_child(guarded=False) >= 1  # what a forked child inherits
        assert locks_seen_by_a_child(guarded=True) == 0
        assert lock.fileno() in locked_descriptors()  # the parent keeps its lock

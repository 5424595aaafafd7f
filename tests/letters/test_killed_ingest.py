"""A bulk ingest killed with kill -9 leaves no process behind, and the next ingest is not kept waiting.

The ingest forks its parsing processes, and Whoosh's bulk writer forks its
own; they inherit the index's write lock. Left alive after their parent's
death, they kept the lock and the next ingest waited for it, then failed
(issue 16). Runs `ingest_letters` as an admin would, on a SQLite archive of
its own.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from imr_archive.letters.ingest import PARSE_PROCESSES
from imr_archive.letters.management.commands.ingest_letters import BULK_MIN_FILES
from imr_archive.search.indexing import BULK_BATCH_SIZE
from tests.conftest import REPO, seed_letters

HANG_GUARD_SECONDS = 120  # only a guard against a hang: each wait ends as soon as its condition holds
_CASE = re.compile(r"CM1\d-\d{7}")


def wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + HANG_GUARD_SECONDS
    while not condition():
        assert time.monotonic() < deadline, f"still waiting, after {HANG_GUARD_SECONDS} s, for {what}"
        time.sleep(0.02)


def alive(pid: int) -> bool:
    """Whether the process runs (a zombie, dead but not yet reaped by whoever adopted it, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def descendants(pid: int) -> set[int]:
    """Every living process below `pid`."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int(Path(entry, "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if alive(child) and child not in found:
                found.add(child)
                todo.append(child)
    return found


def letters_with_distinct_cases(folder: Path, count: int) -> Path:
    """`count` letter files: the seed letters with case numbers, each copied under new case numbers."""
    folder.mkdir()
    texts = [text for text in (p.read_text() for p in seed_letters()) if _CASE.search(text)]
    for n in range(count):
        text = texts[n % len(texts)]
        (folder / f"letter-{n:05d}.txt").write_text(_CASE.sub(f"CM19-{n:07d}", text))
    return folder


@pytest.fixture
def archive(tmp_path) -> dict[str, str]:
    """The environment of a new, migrated SQLite archive under tmp_path."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(IMR_VAR_DIR=str(tmp_path / "var"), DJANGO_SETTINGS_MODULE="imr_archive.settings",
               IMR_INDEX_LOCK_TIMEOUT="10")
    subprocess.run([sys.executable, str(REPO / "manage.py"), "migrate", "-v0"], env=env, check=True)
    return env


def ingest(env: dict[str, str], folder: Path, output: Path) -> subprocess.Popen:
    """Start an ingest writing to files: a pipe would be held open by any process it leaves behind."""
    with (output.with_suffix(".out").open("w") as out, output.with_suffix(".err").open("w") as err):
        return subprocess.Popen([sys.executable, str(REPO / "manage.py"), "ingest_letters", str(folder),
                                 "--no-progress"], env=env, stdout=out, stderr=err, text=True)


@pytest.mark.skipif("DATABASE_URL" in os.environ, reason="drives an archive of its own on SQLite: run in the "
                                                          "SQLite pass only")
def test_a_killed_bulk_ingest_leaves_no_process_and_no_lock(archive, tmp_path):
    # The index writer's processes start with the first bulk batch: there must be letters after it to parse.
    folder = letters_with_distinct_cases(tmp_path / "letters", BULK_BATCH_SIZE + BULK_BATCH_SIZE // 2)
    assert BULK_BATCH_SIZE + BULK_BATCH_SIZE // 2 >= BULK_MIN_FILES
    run = ingest(archive, folder, tmp_path / "killed")
    forked: set[int] = set()
    try:
        # The parsing processes and at least one of the index writer's: every kind of process it forks.
        wait_for(lambda: len(descendants(run.pid)) > PARSE_PROCESSES, "the ingest's parsing and indexing processes")
        forked = descendants(run.pid)
        run.send_signal(signal.SIGKILL)
        run.wait()
        wait_for(lambda: not any(alive(pid) for pid in forked), f"the processes the ingest forked ({sorted(forked)})")
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
        for pid in filter(alive, forked):  # should the test fail, it leaves nothing running either
            os.kill(pid, signal.SIGKILL)

    rerun = ingest(archive, folder, tmp_path / "rerun")
    rerun.wait(timeout=HANG_GUARD_SECONDS * 5)
    out, err = (tmp_path / "rerun.out").read_text(), (tmp_path / "rerun.err").read_text()
    assert rerun.returncode == 0, err
    assert "being written by another process" not in err
    assert "0 failed" in out

"""An archive run through manage.py in other processes, as an operator runs it: its own database and folders.

On SQLite the database is a file in the archive's folder; on PostgreSQL
(DATABASE_URL set, as `scripts/with_postgres.py` does) a database made on
the same server for the test and dropped after it. The processes start in a
session of their own, so what they leave running can be found and ended.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from tests.conftest import REPO, expected_parse, seed_letters

HANG_GUARD = 300  # seconds: only a hung process gets anywhere near it


@dataclass
class ProcessArchive:
    folder: Path
    engine: str
    database_url: str | None  # None: SQLite in the folder
    sessions: list[int] = field(default_factory=list)

    @property
    def index_dir(self) -> Path:
        return self.folder / "var" / "index"

    @property
    def env(self) -> dict[str, str]:
        env = {**os.environ, "IMR_VAR_DIR": str(self.folder / "var"), "IMR_SEARCH_BACKEND": self.engine,
               "DJANGO_SETTINGS_MODULE": "imr_archive.settings", "PYTHONUNBUFFERED": "1"}
        env.pop("DATABASE_URL", None)
        if self.database_url:
            env["DATABASE_URL"] = self.database_url
        return env

    def manage(self, *args: str, index_dir: Path | None = None) -> subprocess.CompletedProcess:
        """Run a command to its end (on another node's index folder with `index_dir`)."""
        return subprocess.run([sys.executable, str(REPO / "manage.py"), *args], env=self._env(index_dir),
                              capture_output=True, text=True, timeout=HANG_GUARD)

    def start(self, *args: str, name: str, index_dir: Path | None = None) -> subprocess.Popen:
        """Start a command in a session of its own; its output goes to files (never a full pipe)."""
        with (self.folder / f"{name}.out").open("w") as out, (self.folder / f"{name}.err").open("w") as err:
            process = subprocess.Popen([sys.executable, str(REPO / "manage.py"), *args], env=self._env(index_dir),
                                       stdout=out, stderr=err, text=True, start_new_session=True)
        self.sessions.append(process.pid)
        return process

    def _env(self, index_dir: Path | None) -> dict[str, str]:
        return {**self.env, "IMR_INDEX_DIR": str(index_dir)} if index_dir else self.env

    def output(self, name: str) -> tuple[str, str]:
        return (self.folder / f"{name}.out").read_text(), (self.folder / f"{name}.err").read_text()

    def query(self, sql: str) -> list[tuple]:
        """Rows of a query, read the way another client of the database would."""
        if self.database_url is None:
            with sqlite3.connect(self.folder / "var" / "db.sqlite3", timeout=30) as db:
                return db.execute(sql).fetchall()
        with psycopg.connect(self.database_url) as db:
            return db.execute(sql).fetchall()

    def letters(self) -> int:
        return self.query("SELECT count(*) FROM letters_letter")[0][0]

    def latest_sequence(self) -> int:
        return self.query("SELECT coalesce(max(sequence), 0) FROM letters_letterchange")[0][0]

    def applied_sequence(self, index_dir: Path | None = None) -> int:
        path = (index_dir or self.index_dir) / "applied-sequence"
        return int(path.read_text().split()[0]) if path.exists() else 0


def wait_for(condition: Callable[[], bool], what: str, hang_guard: float = HANG_GUARD, every: float = 0.05) -> None:
    """Poll until `condition()` holds; the deadline is a hang guard, not a timing assumption."""
    deadline = time.monotonic() + hang_guard
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still waiting after {hang_guard:g} s for {what}")
        time.sleep(every)


def processes_in_session(session: int) -> list[str]:
    """'pid command' of every living process of the session (zombies are dead already)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue  # it ended while we looked
        command, rest = text[text.index("(") + 1:text.rindex(")")], text[text.rindex(")") + 2:].split()
        state, sid = rest[0], int(rest[3])
        if sid == session and state != "Z":
            found.append(f"{stat.parent.name} {command}")
    return found


def end_session(session: int) -> None:
    """Kill whatever the session still runs (clean-up after a test, whatever it found)."""
    for line in processes_in_session(session):
        with suppress(ProcessLookupError):  # it ended meanwhile
            os.kill(int(line.split()[0]), signal.SIGKILL)


SUMMARY = re.compile(r"(\d+) new, (\d+) replaced, (\d+) unchanged, (\d+) reparsed")


def summary(stdout: str) -> dict[str, int]:
    """The counts of an ingest's summary line."""
    found = SUMMARY.search(stdout)
    assert found, f"no summary in: {stdout!r}"
    return dict(zip(("new", "replaced", "unchanged", "reparsed"), map(int, found.groups()), strict=True))


def write_letters(folder: Path, count: int) -> list[Path]:
    """`count` distinct letters made from the seed letters: each its own case number and text."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = [(path.read_text(), expected_parse(path)["case_number"]) for path in seed_letters()]
    paths = []
    for n in range(count):
        text, case = seeds[n % len(seeds)]
        if case:
            text = text.replace(case, f"CM99-{n:07d}")
        path = folder / f"letter-{n:05d}.txt"
        path.write_text(f"{text}\nArchive copy {n}.\n")
        paths.append(path)
    return paths


@contextmanager
def process_archive(folder: Path, engine: str) -> Iterator[ProcessArchive]:
    """A migrated, empty archive; on PostgreSQL a database of its own, dropped at the end."""
    server = os.environ.get("DATABASE_URL", "")
    name = f"imr_process_{uuid.uuid4().hex[:12]}"
    url = None
    if server.startswith("postgres"):
        url = f"{server.rsplit('/', 1)[0]}/{name}"
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
    folder.mkdir(parents=True, exist_ok=True)
    archive = ProcessArchive(folder, engine, url)
    try:
        migrated = archive.manage("migrate", "-v0")
        assert migrated.returncode == 0, migrated.stderr
        yield archive
    finally:
        for session in archive.sessions:
            end_session(session)
        if url:
            with psycopg.connect(server, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

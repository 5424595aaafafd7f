#!/usr/bin/env python3
"""Run a command against a throwaway PostgreSQL server, then stop and delete it.

    python scripts/with_postgres.py -- COMMAND [ARG...]

initdb into a temporary folder, listen on 127.0.0.1 only (a free port) and on
a socket in that folder, create a database, run COMMAND with DATABASE_URL
pointing at it, and stop the server however COMMAND ends (its exit status is
ours). PostgreSQL refuses to run as root: as root, the server runs as the
unprivileged `postgres` user (Debian's package creates it).
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path


def find_bin(name: str) -> str:
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    found = candidates[0] if candidates else shutil.which(name)
    if not found:
        sys.exit(f"with_postgres: {name} not found: install PostgreSQL (apt-get install postgresql)")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def as_server_user(argv: list[str], user: str | None) -> list[str]:
    return ["runuser", "-u", user, "--", *argv] if user else argv


@contextlib.contextmanager
def postgres_server(keep: Path | None = None, settings: dict[str, str] | None = None) -> Iterator[str]:
    """A running PostgreSQL server and database; yields its DATABASE_URL.

    Throwaway by default (a temporary folder, deleted after). With `keep`,
    the cluster lives in that folder: created the first time, reused and
    left in place after (the benchmarks keep their large archives so).
    `settings` are extra server settings (name -> value).
    """
    user = "postgres" if os.geteuid() == 0 else None
    folder = keep.resolve() if keep else Path(tempfile.mkdtemp(prefix="imr-pg-"))
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / "data"
    if user:
        entry = pwd.getpwnam(user)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    port = free_port()
    fresh = not data.exists()
    if fresh:
        subprocess.run(as_server_user([find_bin("initdb"), "-D", str(data), "-U", "imr", "--auth=trust",
                                       "-E", "UTF8", "--no-sync"], user),
                       check=True, stdout=subprocess.DEVNULL)
    chosen = {"listen_addresses": "127.0.0.1", "fsync": "off", "full_page_writes": "off", **(settings or {})}
    options = f"-p {port} -k {folder} " + " ".join(f"-c {name}={value}" for name, value in chosen.items())
    ctl = find_bin("pg_ctl")
    subprocess.run(as_server_user([ctl, "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"],
                                  user), check=True, stdout=subprocess.DEVNULL)
    try:
        if fresh:
            subprocess.run([find_bin("createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "imr", "imr"],
                           check=True)
        yield f"postgres://imr@127.0.0.1:{port}/imr"
    finally:
        subprocess.run(as_server_user([ctl, "-D", str(data), "-m", "fast", "-w", "stop"], user),
                       stdout=subprocess.DEVNULL)
        if keep is None:
            shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str]) -> int:
    if "--" in argv:
        argv = argv[argv.index("--") + 1:]
    if not argv:
        sys.exit("usage: with_postgres.py -- COMMAND [ARG...]")
    with postgres_server() as url:
        print(f"with_postgres: PostgreSQL on {url.rsplit('@', 1)[1]}", flush=True)
        return subprocess.run(argv, env={**os.environ, "DATABASE_URL": url}).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

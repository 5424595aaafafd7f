"""The archive under gunicorn, as README's deployment runs it, for tests that need a real server."""

from __future__ import annotations

import contextlib
import http.client
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO

START_GUARD_SECONDS = 120  # only a guard against a server that never starts


@dataclass
class Server:
    host: str
    port: int
    process: subprocess.Popen

    def workers(self) -> list[int]:
        """The worker processes gunicorn forked (their parent is the master)."""
        pids = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                with contextlib.suppress(OSError):
                    if f"\nPPid:\t{self.process.pid}\n" in (entry / "status").read_text():
                        pids.append(int(entry.name))
        return pids

    def connection(self, timeout: float = 60) -> http.client.HTTPConnection:
        return http.client.HTTPConnection(self.host, self.port, timeout=timeout)

    def get(self, path: str) -> http.client.HTTPResponse:
        """The answer to a GET (its body read)."""
        connection = self.connection()
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        connection.close()
        return response


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def gunicorn(env: dict[str, str], workers: int = 1) -> Iterator[Server]:
    port = free_port()
    command = [str(Path(sys.executable).parent / "gunicorn"), "imr_archive.wsgi", "--workers", str(workers),
               "--bind", f"127.0.0.1:{port}", "--log-level", "warning"]
    process = subprocess.Popen(command, cwd=REPO, env=env)
    server = Server("127.0.0.1", port, process)
    try:
        deadline = time.monotonic() + START_GUARD_SECONDS
        while len(server.workers()) < workers or not _accepts(port):
            assert process.poll() is None, "gunicorn exited"
            assert time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.05)
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _accepts(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0

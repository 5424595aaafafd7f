"""A gunicorn server of the archive for the benchmarks: start, wait until it answers, stop, peak memory."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from with_postgres import free_port  # noqa: E402 - the scripts folder is not a package


@dataclass
class Server:
    url: str
    process: subprocess.Popen

    def worker_pids(self) -> list[int]:
        """The worker processes gunicorn forked (their parent is the master)."""
        pids = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                with contextlib.suppress(OSError):
                    status = (entry / "status").read_text()
                    if f"\nPPid:\t{self.process.pid}\n" in status:
                        pids.append(int(entry.name))
        return pids

    def workers_memory_mb(self) -> list[dict[str, float]]:
        """Each worker's peak resident set (VmHWM) and its own memory now (RssAnon), in MB.

        The peak counts the index pages the worker has mapped (shared with the
        other workers and the page cache); its own memory does not.
        """
        found = []
        for pid in self.worker_pids():
            with contextlib.suppress(OSError):
                status = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines())
                found.append({"peak": round(int(status["VmHWM"].split()[0]) / 1024),
                              "own": round(int(status["RssAnon"].split()[0]) / 1024)})
        return found


@contextlib.contextmanager
def gunicorn(env: dict[str, str], workers: int = 2) -> Iterator[Server]:
    """The archive under gunicorn on 127.0.0.1, as README's deployment runs it."""
    port = free_port()
    command = [str(Path(sys.executable).parent / "gunicorn"), "imr_archive.wsgi", "--workers", str(workers),
               "--bind", f"127.0.0.1:{port}", "--timeout", "120", "--log-level", "warning"]
    process = subprocess.Popen(command, cwd=REPO, env=env)
    server = Server(f"http://127.0.0.1:{port}", process)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(server.url + "/search/", timeout=30).read()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.2)
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def fetch_ms(url: str) -> float:
    """Milliseconds to get a page in full; an error status raises."""
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:
        response.read()
    return (time.perf_counter() - started) * 1000


def environment(**settings: str) -> dict[str, str]:
    """This process's environment with the archive's settings for a benchmark run."""
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "imr_archive.settings", "DJANGO_DEBUG": "0",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,testserver",
            "DATABASE_CONN_MAX_AGE": "60",  # connections kept between requests, as README's deployment says
            **settings}

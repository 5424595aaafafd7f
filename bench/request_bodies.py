#!/usr/bin/env python
"""How much memory a large request body costs a gunicorn worker.

    python bench/request_bodies.py [--sizes 10 50 210 400] [--kinds upload-file search-file search-form ...]

Starts the archive (an empty SQLite archive in a temporary folder) under
gunicorn with one worker, as README's deployment runs it, and posts bodies of
each size as an anonymous client holding the CSRF cookie of the login page:

    upload-file    multipart, one file part, to /upload/ (over the per-upload limit from 210 MB:
                   read to its end and thrown away; anonymous, so then the login page)
    search-file    multipart, one file part, to /search/ (413 past a form's size)
    search-field   multipart, one form field (no file name), to /search/
    search-form    application/x-www-form-urlencoded, one field, to /search/

Each body is one long line, the worst case for a reader that reads lines.
The body is streamed from a generator, never held by this script. Before
each post the worker's peak resident set (VmHWM) is reset to its current
size (/proc/PID/clear_refs); after it, the peak is read. Prints, per post,
the answer's status, the peak and the peak above the idle size, in MB.
The archive must stay within 50 MB of its idle size whatever the body.
Not run by CI.
"""

from __future__ import annotations

import argparse
import http.client
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlsplit

from server import REPO, environment, gunicorn

MB = 1024 * 1024
CHUNK = 64 * 1024
BOUNDARY = "bench-boundary-7d1f"
KINDS = {
    "upload-file": ("/upload/", "file"),
    "search-file": ("/search/", "file"),
    "search-field": ("/search/", "field"),
    "search-form": ("/search/", "form"),
}


def status_kb(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    raise KeyError(key)


def reset_peak(pid: int) -> None:
    """Set the process's VmHWM back to its current resident size (Linux 4.0 and later)."""
    Path(f"/proc/{pid}/clear_refs").write_text("5")


def body(kind: str, size: int) -> tuple[str, int, Iterator[bytes]]:
    """(content type, length, chunks) of a body of about `size` bytes."""
    if kind == "form":
        head, tail = b"csrfmiddlewaretoken=x&q=", b""
        content_type = "application/x-www-form-urlencoded"
    else:
        disposition = 'name="files"; filename="big.txt"' if kind == "file" else 'name="q"'
        head = (f"--{BOUNDARY}\r\nContent-Disposition: form-data; {disposition}\r\n"
                "Content-Type: text/plain\r\n\r\n").encode()
        tail = f"\r\n--{BOUNDARY}--\r\n".encode()
        content_type = f"multipart/form-data; boundary={BOUNDARY}"
    filler = size - len(head) - len(tail)

    def chunks() -> Iterator[bytes]:
        yield head
        block = b"a" * CHUNK
        left = filler
        while left > 0:
            yield block[:min(left, CHUNK)]
            left -= CHUNK
        yield tail

    return content_type, len(head) + filler + len(tail), chunks()


def csrf_cookie(url: str) -> str:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    connection.request("GET", "/admin/login/")
    response = connection.getresponse()
    response.read()
    cookie = SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        cookie.load(header)
    connection.close()
    return cookie["csrftoken"].value


def post(url: str, path: str, kind: str, size: int, token: str) -> str:
    """POST the body; the answer's status, or what became of the connection."""
    parts = urlsplit(url)
    content_type, length, chunks = body(kind, size)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=300)
    try:
        connection.putrequest("POST", path)
        for name, value in {"Content-Type": content_type, "Content-Length": str(length),
                            "Cookie": f"csrftoken={token}", "X-CSRFToken": token,
                            "Referer": url + "/"}.items():
            connection.putheader(name, value)
        connection.endheaders()
        try:
            for chunk in chunks:
                connection.send(chunk)
        except OSError as error:  # the server may answer and close before the whole body is sent
            sent_error = type(error).__name__
        else:
            sent_error = ""
        try:
            response = connection.getresponse()
            response.read()
            return str(response.status) + (f" ({sent_error} while sending)" if sent_error else "")
        except OSError as error:
            return f"no answer: {type(error).__name__}"
    finally:
        connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[10, 50, 210, 400], help="body sizes in MB")
    parser.add_argument("--kinds", nargs="+", choices=sorted(KINDS), default=list(KINDS), help="bodies to post")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="imr-bodies-") as folder:
        env = environment(IMR_VAR_DIR=folder)
        subprocess.run([sys.executable, str(REPO / "manage.py"), "migrate", "--noinput", "-v0"], cwd=REPO,
                       env=env, check=True)
        with gunicorn(env, workers=1) as server:
            (worker,) = server.worker_pids()
            token = csrf_cookie(server.url)
            idle = status_kb(worker, "VmRSS") / 1024
            print(f"worker {worker}: idle resident set {idle:.0f} MB")
            print(f"{'kind':<14}{'MB sent':>8}  {'answer':<32}{'peak MB':>8}{'above idle':>11}")
            worst = 0.0
            for kind in args.kinds:
                path, shape = KINDS[kind]
                for size in args.sizes:
                    reset_peak(worker)
                    started = time.monotonic()
                    answer = post(server.url, path, shape, size * MB, token)
                    seconds = time.monotonic() - started
                    peak = status_kb(worker, "VmHWM") / 1024
                    worst = max(worst, peak - idle)
                    print(f"{kind:<14}{size:>8}  {answer:<32}{peak:>8.0f}{peak - idle:>11.0f}   {seconds:.1f} s")
            print(f"largest peak above idle: {worst:.0f} MB (limit 50 MB)")


if __name__ == "__main__":
    main()

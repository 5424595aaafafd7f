"""A large request body costs a gunicorn worker no memory to speak of, whatever page it is sent to.

An anonymous client with a CSRF cookie used to make a worker hold two and a
half times any large body it posted (issue 16). A real server, the worker's
peak resident set read from /proc: the body is streamed, never held here.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.deploy.serving import Server, gunicorn

MB = 1024 * 1024
BODY_BYTES = 60 * MB
ALLOWED_GROWTH_MB = 50  # the bound: within 50 MB of the worker's idle size
BOUNDARY = "test-boundary-5b2e"
CSRF = "a" * 32  # a CSRF secret as Django's cookie holds one; the header repeats it


def resident_kb(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    raise KeyError(key)


def post_file(server: Server, path: str, size: int) -> int:
    """POST a multipart body holding one file of `size` bytes of one long line; the answer's status."""
    head = (f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\n'
            "Content-Type: text/plain\r\n\r\n").encode()
    tail = f"\r\n--{BOUNDARY}--\r\n".encode()
    connection = server.connection()
    connection.putrequest("POST", path)
    for name, value in {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}",
                        "Content-Length": str(len(head) + size + len(tail)),
                        "Cookie": f"csrftoken={CSRF}", "X-CSRFToken": CSRF}.items():
        connection.putheader(name, value)
    connection.endheaders()
    block = b"x" * (256 * 1024)
    try:
        connection.send(head)
        for _ in range(size // len(block)):
            connection.send(block)
        connection.send(tail)
    except OSError:  # a refusal may come, and the connection close, before the whole body is sent
        pass
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status


@pytest.fixture
def server(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(IMR_VAR_DIR=str(tmp_path / "var"), DJANGO_SETTINGS_MODULE="imr_archive.settings", DJANGO_DEBUG="0",
               DJANGO_ALLOWED_HOSTS="127.0.0.1", IMR_UPLOAD_MAX_TOTAL_BYTES=str(10 * MB))
    with gunicorn(env) as running:
        running.get("/upload/")  # the worker loads the application
        yield running


@pytest.mark.parametrize(("path", "status"), [
    ("/upload/", 302),  # over the upload limit: read to its end and thrown away, then the login page
    ("/search/", 413),  # a page that takes no files: refused from its declared length
])
def test_a_large_body_does_not_grow_the_worker(server, path, status):
    (worker,) = server.workers()
    idle_mb = resident_kb(worker, "VmRSS") / 1024
    Path(f"/proc/{worker}/clear_refs").write_text("5")  # the peak (VmHWM) starts again from the current size
    assert post_file(server, path, BODY_BYTES) == status
    peak_mb = resident_kb(worker, "VmHWM") / 1024
    assert peak_mb - idle_mb < ALLOWED_GROWTH_MB, f"the worker grew from {idle_mb:.0f} MB to {peak_mb:.0f} MB"

"""While the database cannot be reached every page is a 503 that says so, with Retry-After; when it is back,
the pages are too.

A real PostgreSQL server of the test's own, stopped and started again under
a running gunicorn server of the archive.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.conftest import REPO, SEEDS
from tests.deploy.serving import gunicorn

sys.path.insert(0, str(REPO / "scripts"))
from with_postgres import as_server_user, find_bin, postgres_server  # noqa: E402 - the scripts folder is not a package

HANG_GUARD_SECONDS = 120
LETTER = "CM14-0203117"  # seeds/dev-001.txt
PAGES = [
    "/",
    "/search/",
    "/search/?q=norco",
    "/search/?outcome=upheld",
    f"/case/{LETTER}/",
    "/guidelines/",
    "/guidelines/mtus-chronic-pain/",
    "/guidelines/mtus-chronic-pain/page/77/",
    "/api/v1/search/?outcome=upheld",  # the API answers in JSON, with the same words
    f"/api/v1/letters/{LETTER}/",
]


def pg_ctl(*args: str) -> None:
    user = "postgres" if os.geteuid() == 0 else None  # as with_postgres.py runs the server
    subprocess.run(as_server_user([find_bin("pg_ctl"), *args], user), check=True, stdout=subprocess.DEVNULL)


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, str(REPO / "manage.py"), *args], env=env, check=True, cwd=REPO)


@pytest.fixture
def cluster():
    """A folder for a PostgreSQL cluster that its server's user can reach (not under pytest's private tmp)."""
    folder = Path(tempfile.mkdtemp(prefix="imr-pg-down-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def site(tmp_path, cluster):
    """A gunicorn server of an archive of two letters on a PostgreSQL server of its own."""
    with postgres_server(keep=cluster) as url:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "IMR_"))}
        env.update(DATABASE_URL=url, IMR_VAR_DIR=str(tmp_path / "var"), DJANGO_SETTINGS_MODULE="imr_archive.settings",
                   DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="127.0.0.1")
        manage(env, "migrate", "-v0")
        manage(env, "ingest_letters", str(SEEDS / "dev-001.txt"), str(SEEDS / "dev-002.txt"), "-v0")
        with gunicorn(env) as server:
            yield server


def statuses(server) -> dict[str, int]:
    return {page: server.get(page).status for page in PAGES}


def test_pages_say_the_archive_is_briefly_unavailable_while_the_database_is_down(site, cluster):
    server = site
    assert set(statuses(server).values()) == {200}
    pg_ctl("-D", str(cluster / "data"), "-m", "fast", "-w", "stop")
    try:
        for page in PAGES:
            connection = server.connection()
            connection.request("GET", page)
            response = connection.getresponse()
            body = response.read().decode()
            assert response.status == 503, page
            assert response.getheader("Retry-After") == "30", page
            assert "The archive is briefly unavailable" in body, page
    finally:
        pg_ctl("-D", str(cluster / "data"), "-l", str(cluster / "log"), "-w", "restart")  # its options as before
    deadline = time.monotonic() + HANG_GUARD_SECONDS
    while set(statuses(server).values()) != {200}:  # the server came back: the pages follow
        assert time.monotonic() < deadline, statuses(server)
        time.sleep(0.05)

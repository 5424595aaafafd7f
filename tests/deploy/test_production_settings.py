"""Production mode refuses unsafe settings and passes Django's deployment checklist."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from imr_archive.search.service import BACKENDS
from tests.conftest import REPO, seed_letters

SAFE = {
    "IMR_PRODUCTION": "1",
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "a-long-random-production-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
    "DJANGO_ALLOWED_HOSTS": "imr.example.org",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items()
                   if not k.startswith(("DJANGO_", "IMR_PRODUCTION", "IMR_SEARCH_BACKEND"))}
    environment.update(env)
    return subprocess.run([sys.executable, str(REPO / "manage.py"), *args], env=environment,
                          capture_output=True, text=True, cwd=REPO)


def test_check_deploy_is_clean_in_production_mode(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", IMR_VAR_DIR=str(tmp_path), **SAFE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("unsafe", "reason"),
    [
        ({"DJANGO_DEBUG": "1"}, "DJANGO_DEBUG must be off."),
        ({"DJANGO_SECRET_KEY": None}, "DJANGO_SECRET_KEY must be set."),
        ({"DJANGO_SECRET_KEY": ""}, "DJANGO_SECRET_KEY must be a random string of at least 50 characters (it has 0)."),
        ({"DJANGO_SECRET_KEY": "x" * 49}, "DJANGO_SECRET_KEY must be a random string of at least 50 characters "
                                          "(it has 49)."),
        ({"DJANGO_SECRET_KEY": "ab" * 40}, "DJANGO_SECRET_KEY must be a random string of at least 50 characters "
                                           "(it has 80)."),  # long, but two characters over and over
        ({"DJANGO_ALLOWED_HOSTS": None}, "DJANGO_ALLOWED_HOSTS must be set."),
        ({"DJANGO_ALLOWED_HOSTS": ","}, "DJANGO_ALLOWED_HOSTS=',' names no host"),
        ({"DJANGO_ALLOWED_HOSTS": " , "}, "DJANGO_ALLOWED_HOSTS=' , ' names no host"),
        ({"DJANGO_ALLOWED_HOSTS": "*"}, "DJANGO_ALLOWED_HOSTS must name the site's hosts, not '*'"),
        ({"IMR_SEARCH_BACKEND": ""}, "IMR_SEARCH_BACKEND is empty: choose one of "),
        ({"IMR_SEARCH_BACKEND": "postgres"}, "IMR_SEARCH_BACKEND='postgres' names no search engine: choose one of "),
    ],
)
def test_production_mode_refuses_to_start_unsafe(tmp_path, unsafe, reason):
    env = {k: v for k, v in {**SAFE, **unsafe}.items() if v is not None}
    result = manage("check", IMR_VAR_DIR=str(tmp_path), **env)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and reason in result.stderr, result.stderr  # the reason, in one line


def test_the_search_engines_named_are_the_service_s(tmp_path):
    for backend in BACKENDS:
        result = manage("check", "--deploy", "--fail-level", "WARNING", IMR_VAR_DIR=str(tmp_path),
                        **{**SAFE, "IMR_SEARCH_BACKEND": backend})
        assert result.returncode == 0, result.stderr
    refused = manage("check", IMR_VAR_DIR=str(tmp_path), **{**SAFE, "IMR_SEARCH_BACKEND": "elastic"})
    assert f"choose one of {', '.join(BACKENDS)}." in refused.stderr


def test_an_empty_search_engine_stores_nothing_in_any_mode(tmp_path):
    """An ingest with no engine to index into refuses to start rather than store letters it cannot index."""
    sqlite = {"IMR_VAR_DIR": str(tmp_path), "DATABASE_URL": ""}  # an archive of its own
    letter = str(seed_letters()[0])
    assert manage("migrate", "-v0", **sqlite).returncode == 0
    refused = manage("ingest_letters", letter, IMR_SEARCH_BACKEND="", **sqlite)
    assert refused.returncode == 1
    assert refused.stderr == f"manage.py: IMR_SEARCH_BACKEND is empty: choose one of {', '.join(BACKENDS)}.\n"
    ingested = manage("ingest_letters", letter, **sqlite)
    assert ingested.returncode == 0 and "1 new" in ingested.stdout  # the refused run stored nothing


def test_gunicorn_refuses_to_start_unsafe(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "IMR_"))}
    env.update(SAFE, IMR_VAR_DIR=str(tmp_path), DJANGO_SECRET_KEY="short")
    gunicorn = [str(Path(sys.executable).parent / "gunicorn"), "imr_archive.wsgi", "--bind", "127.0.0.1:0"]
    result = subprocess.run(gunicorn, env=env, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be a random string of at least 50 characters (it has 5)." in result.stderr


def test_migrating_the_embedded_default_prints_no_system_check_warnings(tmp_path):
    """What `make run` shows first: migrating a new SQLite archive reports no issues."""
    result = manage("migrate", "--noinput", IMR_VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "System check identified" not in result.stdout + result.stderr

"""Production mode refuses unsafe settings and passes Django's deployment checklist."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import REPO

SAFE = {
    "IMR_PRODUCTION": "1",
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "a-long-random-production-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
    "DJANGO_ALLOWED_HOSTS": "imr.example.org",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "IMR_PRODUCTION"))}
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
        ({"DJANGO_DEBUG": "1"}, "DJANGO_DEBUG must be off"),
        ({"DJANGO_SECRET_KEY": ""}, "DJANGO_SECRET_KEY must be set"),
        ({"DJANGO_ALLOWED_HOSTS": ""}, "DJANGO_ALLOWED_HOSTS must be set"),
    ],
)
def test_production_mode_refuses_to_start_unsafe(tmp_path, unsafe, reason):
    env = {**SAFE, **unsafe}
    env = {k: v for k, v in env.items() if v}
    result = manage("check", IMR_VAR_DIR=str(tmp_path), **env)
    assert result.returncode != 0
    assert reason in result.stderr


def test_migrating_the_embedded_default_prints_no_system_check_warnings(tmp_path):
    """What `make run` shows first: migrating a new SQLite archive reports no issues."""
    result = manage("migrate", "--noinput", IMR_VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "System check identified" not in result.stdout + result.stderr

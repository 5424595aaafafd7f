"""Shared fixtures: every test gets its own storage folder and search index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.test import override_settings

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


def seed_letters() -> list[Path]:
    """The annotated letters of seeds/ (NAME.txt beside its expected NAME.json)."""
    return sorted(p for p in SEEDS.glob("*.txt") if p.with_suffix(".json").exists())


def expected_parse(letter: Path) -> dict:
    return json.loads(letter.with_suffix(".json").read_text())


@pytest.fixture(scope="session", autouse=True)
def never_the_developers_var(tmp_path_factory):
    """Even set-up and tear-down outside a test's own folder never touch the developer's var/."""
    folder = tmp_path_factory.mktemp("session-var")
    with override_settings(MEDIA_ROOT=folder / "media", IMR_INDEX_DIR=folder / "index"):
        yield


@pytest.fixture(autouse=True)
def isolated_var(settings, tmp_path):
    """Originals and the index go to a fresh folder, never to the developer's var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.IMR_INDEX_DIR = tmp_path / "index"
    return tmp_path

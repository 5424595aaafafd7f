"""With DATABASE_REPLICA_URL set, the public pages read from the replica and nothing else does."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import REPO, SEEDS


def test_public_reads_go_to_the_replica_writes_and_commands_to_the_primary(tmp_path):
    database = tmp_path / "var" / "db.sqlite3"
    env = {**os.environ, "IMR_VAR_DIR": str(tmp_path / "var"), "DJANGO_DEBUG": "1",
           "DATABASE_URL": f"sqlite:///{database}", "DATABASE_REPLICA_URL": f"sqlite:///{database}"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run([sys.executable, str(REPO / "tests" / "deploy" / "replica_probe.py"), str(SEEDS)],
                            env=env, cwd=REPO, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["ingest"]["replica"] == 0 and seen["ingest"]["default"] > 0
    for page in ("search", "guidelines"):
        assert seen[page]["replica"] > 0 and seen[page]["default"] == 0, (page, seen[page])
    assert seen["post"]["replica"] == 0

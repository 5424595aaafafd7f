"""Run by test_replica_router in a fresh process configured with a replica: prints which
database each step read from, as JSON. The replica is a second connection to the same
database file, so what it reads is real; only the routing is under test."""

import json
import os
import sys

import django

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "imr_archive.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connections, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402

settings.ALLOWED_HOSTS = ["testserver"]
call_command("migrate", verbosity=0)
seen = {}


def used(step: str) -> None:
    seen[step] = {alias: len(connections[alias].queries) for alias in ("default", "replica")}
    reset_queries()


call_command("ingest_letters", sys.argv[1], verbosity=0)
used("ingest")
client = Client()
assert client.get("/search/", {"q": "acupuncture"}).status_code == 200
used("search")
assert client.get("/guidelines/").status_code == 200
used("guidelines")
client.post("/search/")
used("post")
print(json.dumps(seen))

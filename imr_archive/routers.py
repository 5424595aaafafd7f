"""Send the public pages' reads to a read replica when DATABASE_REPLICA_URL is set.

Only what cannot go wrong with a replica's lag goes there: GET and HEAD
requests outside the staff pages (search, letters, guidelines). Everything
else reads and writes the primary: management commands, the admin, uploads
and their background thread, and any request that changes something, so a
page never shows a staff member stale data about what they just did.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

REPLICA = "replica"
STAFF_PATHS = ("/admin/", "/upload/", "/api/v1/uploads/")

_state = threading.local()


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints) -> str | None:
        return REPLICA if getattr(_state, "replica", False) and REPLICA in settings.DATABASES else None

    def db_for_write(self, model, **hints) -> str:
        return "default"

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool:
        return db == "default"


class ReplicaReadsMiddleware:
    """Marks the public, read-only requests whose reads may go to the replica."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        _state.replica = request.method in ("GET", "HEAD") and not request.path.startswith(STAFF_PATHS)
        try:
            return self.get_response(request)
        finally:
            _state.replica = False

"""The answer to a request that failed: 503 while the database cannot be reached, else the 500 page.

Django calls `server_error` (the site's handler500) for any exception a
request raised, in a view or in a middleware. A database that is down or
restarting is not a fault of the archive's: the page says the archive is
briefly unavailable, with Retry-After, and nothing on it needs the database.
"""

from __future__ import annotations

import sys

from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

RETRY_AFTER_SECONDS = 30


def server_error(request: HttpRequest) -> HttpResponse:
    if database_unreachable(sys.exception()):
        response = HttpResponse(render_to_string("503.html", {"retry_after": RETRY_AFTER_SECONDS}), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return defaults.server_error(request)


def database_unreachable(error: BaseException | None) -> bool:
    """Whether `error` came from a database this process cannot connect to now.

    An OperationalError is also a statement the database refused (SQLite's
    "no such table"): only a failed new connection tells the two apart.
    """
    if not isinstance(error, OperationalError | InterfaceError):
        return False
    return not all(reachable(alias) for alias in connections)


def reachable(alias: str) -> bool:
    connection = connections[alias]
    try:
        connection.close()  # a broken connection is dropped; the request it served has failed anyway
        connection.ensure_connection()
    except (DatabaseError, InterfaceError):
        return False
    return True

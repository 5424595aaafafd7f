"""Run two independent reads of one request at once, on two database connections.

A PostgreSQL results page is two statements that do not need each other:
counting every match's facets and reading the ranked page. Each keeps one
server process (one core) busy for tens to hundreds of milliseconds, so run
one after the other the page waits for their sum; run side by side, for the
longer of the two. A thread of this process holds the second connection
(each thread has its own in Django) and opens and closes it as a request
does, by the connection's CONN_MAX_AGE.

The two reads see the rows committed when each starts: an ingest committing
between them can make the counts and the page differ by its letters, as two
successive pages of results can.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, wait
from typing import TypeVar

from django.db import close_old_connections, connections

First = TypeVar("First")
Second = TypeVar("Second")

# One thread (and so one more connection per database) per process; created on first use.
_second_reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="second-reader")


def _as_a_request(read: Callable[[], First]) -> First:
    """Run `read` with the connection hygiene Django gives a request: drop broken or expired connections."""
    close_old_connections()
    try:
        return read()
    finally:
        close_old_connections()


def both(first: Callable[[], First], second: Callable[[], Second], using: str) -> tuple[First, Second]:
    """The results of `first` (read on the second connection) and `second` (read on this one).

    Inside a transaction of the caller both run here, `second` first:
    another connection could not see the rows the transaction has not
    committed. The reads must name their database (`using`); the router's
    choice is the calling thread's.
    """
    if connections[using].in_atomic_block:
        here = second()
        return first(), here
    elsewhere = _second_reader.submit(_as_a_request, first)
    try:
        here = second()
    finally:
        wait([elsewhere])  # never leave a read running past the request
    return elsewhere.result(), here

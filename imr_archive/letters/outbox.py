"""The outbox: one row per letter change, written in the transaction that makes the change.

Every path that changes a letter (ingest, upload, re-parse, an admin's
correction or deletion) calls `record_changes` inside its transaction, as
its last statement, so a change is committed with its row or not at all.
Search indexes follow the rows in `sequence` order (imr_archive.search.sync),
which must be commit order: an index that has applied sequence 11 never
looks at 10 again, so 10 must not commit after 11.

SQLite lets one transaction write at a time, so rows numbered in insert
order commit in that order. PostgreSQL numbers rows at insert and commits
transactions in any order: each writer takes one transaction-level advisory
lock just before inserting its rows and holds it until it commits, so the
next writer draws its numbers only after the previous one is visible.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Max
from django.db.transaction import TransactionManagementError

from imr_archive.letters.models import LetterChange

# pg_advisory_xact_lock's key for "writing outbox rows" (any constant no other code of the database uses).
OUTBOX_LOCK_KEY = 0x494D_525F_4F42  # "IMR_OB"


def record_changes(letter_ids: Iterable[int], kind: str) -> None:
    """Record that these letters changed, in the current transaction (called last in it)."""
    rows = [LetterChange(letter_id=letter_id, kind=kind) for letter_id in dict.fromkeys(letter_ids)]
    if not rows:
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        raise TransactionManagementError("a letter change is recorded inside the transaction that makes it")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [OUTBOX_LOCK_KEY])
    LetterChange.objects.bulk_create(rows)


def latest_sequence() -> int:
    """The sequence of the last committed change (0 when none)."""
    return LetterChange.objects.aggregate(latest=Max("sequence"))["latest"] or 0


def changes_after(sequence: int, limit: int) -> list[tuple[int, int]]:
    """(sequence, letter id) of the first `limit` changes after `sequence`, in order."""
    rows = LetterChange.objects.filter(sequence__gt=sequence).order_by("sequence")
    return list(rows.values_list("sequence", "letter_id")[:limit])


def count_after(sequence: int) -> int:
    """How many changes come after `sequence`."""
    return LetterChange.objects.filter(sequence__gt=sequence).count()


def letters_changed_after(sequence: int) -> set[int]:
    """The letters the changes after `sequence` touch."""
    return set(LetterChange.objects.filter(sequence__gt=sequence).values_list("letter_id", flat=True).distinct())

"""Differences between the database and the full-text index: letter by letter, and the outbox not yet applied."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from imr_archive.letters.models import Issue
from imr_archive.letters.outbox import count_after, latest_sequence, letters_changed_after
from imr_archive.search.cursor import applied_sequence
from imr_archive.search.documents import letter_stamp
from imr_archive.search.service import text_index


@dataclass
class Drift:
    checked: int = 0
    missing: set[int] = field(default_factory=set)  # in the database, not (fully) in the index
    stale: set[int] = field(default_factory=set)  # indexed from an older version of the letter
    orphans: set[int] = field(default_factory=set)  # in the index, gone from the database
    problems: list[str] = field(default_factory=list)  # with the index itself, whatever its entries
    applied: int = 0  # the last change the index has applied (its cursor)
    latest: int = 0  # the last change the database has committed
    pending: int = 0  # changes after the cursor
    pending_letters: set[int] = field(default_factory=set)  # the letters they touch

    @property
    def ahead(self) -> bool:
        """The index claims changes the database never made: it was built from another database."""
        return self.applied > self.latest

    @property
    def needs_rebuild(self) -> bool:
        """Whether only rebuild_index mends it: drift the pending changes do not explain, or a bad cursor."""
        unexplained = (self.missing | self.stale | self.orphans) - self.pending_letters
        return bool(unexplained or self.problems or self.ahead)

    def __bool__(self) -> bool:
        return bool(self.missing or self.stale or self.orphans or self.problems or self.pending or self.ahead)


def find_drift() -> Drift:
    """Compare the index with the database (the cursor read first: a change the index has not seen yet
    while this runs is then among the pending ones)."""
    applied = applied_sequence()
    index = text_index()
    indexed = index.indexed_stamps()
    expected: dict[int, tuple[int, str]] = {
        issue_id: (letter_id, letter_stamp(modified))
        for issue_id, letter_id, modified in Issue.objects.values_list("id", "letter_id", "letter__modified")
    }
    drift = Drift(checked=len({letter_id for letter_id, _ in expected.values()}), problems=index.problems(),
                  applied=applied, latest=latest_sequence())
    if not drift.ahead:
        drift.pending_letters = letters_changed_after(applied)
        drift.pending = count_after(applied)
    by_letter: dict[int, set[int]] = defaultdict(set)
    for issue_id, (letter_id, stamp) in expected.items():
        by_letter[letter_id].add(issue_id)
        found = indexed.get(issue_id)
        if found is None:
            drift.missing.add(letter_id)
        elif found != (letter_id, stamp):
            drift.stale.add(letter_id)
    for issue_id, (letter_id, _) in indexed.items():
        if issue_id not in expected:
            (drift.stale if letter_id in by_letter else drift.orphans).add(letter_id)
    drift.stale -= drift.missing
    return drift

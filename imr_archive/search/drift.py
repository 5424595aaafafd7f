"""Differences between the database and the full-text index, letter by letter."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from imr_archive.letters.models import Issue
from imr_archive.search.documents import letter_stamp
from imr_archive.search.service import text_index


@dataclass
class Drift:
    checked: int = 0
    missing: set[int] = field(default_factory=set)  # in the database, not (fully) in the index
    stale: set[int] = field(default_factory=set)  # indexed from an older version of the letter
    orphans: set[int] = field(default_factory=set)  # in the index, gone from the database
    problems: list[str] = field(default_factory=list)  # with the index itself, whatever its entries

    def __bool__(self) -> bool:
        return bool(self.missing or self.stale or self.orphans or self.problems)


def find_drift() -> Drift:
    index = text_index()
    indexed = index.indexed_stamps()
    expected: dict[int, tuple[int, str]] = {
        issue_id: (letter_id, letter_stamp(modified))
        for issue_id, letter_id, modified in Issue.objects.values_list("id", "letter_id", "letter__modified")
    }
    drift = Drift(checked=len({letter_id for letter_id, _ in expected.values()}), problems=index.problems())
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

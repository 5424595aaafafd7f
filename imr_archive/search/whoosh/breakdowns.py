"""Outcome analytics over Whoosh's matches, from column values cached per index state.

Whoosh has no aggregation engine. As for facet counts (counting.py), each
document's value of a field and its outcome are numbered together once per
index state (value number * OUTCOME_SLOTS + outcome number), so counting a
search's matches by value and outcome is one C-level pass over those
numbers (Counter over map), never Python code per match; the few distinct
numbers are then decoded. A field holding several values (guidelines,
pages) is numbered by its combination of values, then spread to each.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Collection

from imr_archive.search.breakdowns import (
    NOT_STATED,
    PARTITIONS,
    SEVERAL_VALUES,
    Breakdown,
    OutcomeCounts,
    age_band,
    most_items,
    stated,
    with_not_stated,
)
from imr_archive.search.whoosh.columns import Columns, column_values

OUTCOME_SLOTS = 8  # more than there are outcomes
# Breakdown field -> the column holding it, for fields the facet columns do not hold.
COLUMNS = {"treatment": "treatment_column", "sex": "sex_column", "age": "age_column", "page": "pages_column"}


def _text(value: object) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value or "")


class BreakdownColumns:
    """Each breakdown field's (value, outcome) numbers by document, built on first use."""

    def __init__(self, reader, columns: Columns) -> None:
        self.reader, self.columns = reader, columns
        numbers: dict[str, int] = {}
        self.outcome = array("i", (numbers.setdefault(o, len(numbers)) for o in columns.facets["outcome"]))
        self.outcomes = list(numbers)
        if len(self.outcomes) > OUTCOME_SLOTS:
            raise ValueError(f"more outcomes than {OUTCOME_SLOTS}: {self.outcomes}")
        self._numbered: dict[str, tuple[array, list[object]]] = {}

    def _values(self, field: str) -> list[object]:
        """The field's value of each document: a string, or for SEVERAL_VALUES a tuple of strings."""
        if field in ("category", "specialty", "guideline"):
            return self.columns.facets[field]
        if field == "year":
            return [stated(field, value) for value in self.columns.facets[field]]
        if field == "month":
            return [f"{d // 10000}-{d // 100 % 100:02d}" if d else NOT_STATED for d in self.columns.decision]
        texts = [_text(v) for v in column_values(self.reader, COLUMNS[field], b"")]
        if field == "age":
            return [age_band(int(t)) if t else NOT_STATED for t in texts]
        if field == "page":
            return [tuple(t.split()) for t in texts]
        return texts

    def numbered(self, field: str) -> tuple[array, list[object]]:
        """Each document's (value, outcome) number, and the values by number."""
        if field not in self._numbered:
            numbers: dict[object, int] = {}
            values = self._values(field)
            codes = array("i", (numbers.setdefault(v, len(numbers)) * OUTCOME_SLOTS + o
                                for v, o in zip(values, self.outcome, strict=True)))
            self._numbered[field] = (codes, list(numbers))
        return self._numbered[field]

    def outcome_counts(self, matched: Collection[int], breakdown: Breakdown) -> OutcomeCounts:
        total = Counter({self.outcomes[number]: n for number, n in Counter(map(self.outcome.__getitem__,
                                                                               matched)).items()})
        codes, values = self.numbered(breakdown.field)
        counted: dict[str, Counter[str]] = {}
        for code, n in Counter(map(codes.__getitem__, matched)).items():
            value, outcome = values[code // OUTCOME_SLOTS], self.outcomes[code % OUTCOME_SLOTS]
            for one in _spread(breakdown, value):
                counted.setdefault(one, Counter())[outcome] += n
        return with_not_stated(breakdown, OutcomeCounts(total, most_items(counted, breakdown.limit)))


def _spread(breakdown: Breakdown, value: object) -> list[str]:
    """The breakdown's values one document's value counts under (none is NOT_STATED but of PARTITIONS)."""
    if breakdown.field in SEVERAL_VALUES:
        return list(value)
    if value == NOT_STATED and breakdown.field not in PARTITIONS:
        return []
    return [value] if breakdown.field != "treatment" or breakdown.containing in value else []

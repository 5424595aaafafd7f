"""What outcome analytics ask an engine: a search's matches counted by outcome for each value of one field.

Each index answers `outcome_counts(query, words, breakdown)`, searches
without words included, with an `OutcomeCounts` from its own aggregations
over all matches (Tantivy's aggregation requests, Whoosh's cached
columns), never from a loop over the matching items; several breakdowns of one
search in one pass over its matches. The values a field breaks down into
are the index's own: a category, a normalized treatment, a guideline slug,
a guideline's page ("mtus-chronic-pain:98"), a specialty, a year ("2015"),
a month ("2015-03"), an age band of AGE_BANDS, a sex. Items without a value (no age stated, no
decision date) count under NOT_STATED, for the fields holding one value per
item; guidelines and pages hold several, so an item counts under each it
cites and none counts as not stated.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from imr_archive.search.query import NO_YEAR

FIELDS = ("category", "treatment", "guideline", "page", "specialty", "year", "month", "age", "sex")
SEVERAL_VALUES = frozenset({"guideline", "page"})  # fields of which an item may hold several values
# Fields whose every match counts under one value: those without one count as not stated.
PARTITIONS = frozenset({"category", "specialty", "year", "age", "sex"})
NOT_STATED = ""


@dataclass(frozen=True)
class AgeBand:
    key: str
    low: int | None  # inclusive, None: no lower bound
    high: int | None  # inclusive, None: no upper bound

    def holds(self, age: int) -> bool:
        return (self.low is None or age >= self.low) and (self.high is None or age <= self.high)


AGE_BANDS = (
    AgeBand("under 30", None, 29),
    AgeBand("30-39", 30, 39),
    AgeBand("40-49", 40, 49),
    AgeBand("50-59", 50, 59),
    AgeBand("60 and over", 60, None),
)


def age_band(age: int | None) -> str:
    """The key of the band holding `age` (NOT_STATED when unknown)."""
    if age is None:
        return NOT_STATED
    return next(band.key for band in AGE_BANDS if band.holds(age))


@dataclass(frozen=True)
class Breakdown:
    """One field to break a search's matches down by, and what narrows it."""

    field: str
    containing: str = ""  # treatment: only the normalized names holding this (lower-case) text
    limit: int | None = None  # only the `limit` values with the most items (ties: by value)

    def __post_init__(self) -> None:
        if self.field not in FIELDS:
            raise ValueError(f"no breakdown by {self.field!r}")


@dataclass
class OutcomeCounts:
    """Items by outcome: over every match (`total`), and for each value of the breakdown's field."""

    total: Counter[str] = field(default_factory=Counter)
    values: dict[str, Counter[str]] = field(default_factory=dict)


def within(counts: OutcomeCounts, prefix: str, strip: bool = False) -> OutcomeCounts:
    """The values beginning with `prefix` ("odg:" pages of a guideline, "2015-" months of a year), the prefix
    stripped from them or not."""
    return OutcomeCounts(counts.total, {value[len(prefix) if strip else 0:]: outcomes
                                        for value, outcomes in counts.values.items() if value.startswith(prefix)})


def most_items(values: dict[str, Counter[str]], limit: int | None) -> dict[str, Counter[str]]:
    """The `limit` values with the most items, ties by value (all of them when `limit` is None)."""
    if limit is None:
        return values
    kept = sorted(values, key=lambda value: (-values[value].total(), value))[:limit]
    return {value: values[value] for value in kept}


def stated(field: str, value: str) -> str:
    """A field's value as breakdowns count it: the year facet's bucket of undated items is NOT_STATED."""
    return NOT_STATED if field == "year" and value == NO_YEAR else value


def with_not_stated(breakdown: Breakdown, counts: OutcomeCounts) -> OutcomeCounts:
    """For a field of PARTITIONS, the matches counted under no value as NOT_STATED (when there are any)."""
    if breakdown.field not in PARTITIONS:
        return counts
    counted: Counter[str] = Counter()
    for outcomes in counts.values.values():
        counted.update(outcomes)
    missing = counts.total - counted
    if missing.total():
        counts.values[NOT_STATED] = counts.values.get(NOT_STATED, Counter()) + missing
    return counts

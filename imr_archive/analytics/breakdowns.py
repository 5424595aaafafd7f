"""The breakdowns of the analytics page: what each is called, how its values read, in what order its rows come.

A breakdown's counts come from the search service (search/breakdowns.py:
the engines' aggregations); here they become rows with an overturn rate
and its 95% Wilson interval. The overturn rate is (overturned + partial) /
(upheld + overturned + partial): items whose outcome the parser could not
read are counted in `items` but left out of the rate. A rate from fewer
than FEW items is marked as such.
"""

from __future__ import annotations

import calendar
from collections import Counter
from dataclasses import dataclass

from imr_archive.analytics.wilson import wilson_interval
from imr_archive.parsing import vocabulary
from imr_archive.search.breakdowns import AGE_BANDS, NOT_STATED, Breakdown, OutcomeCounts

FEW = 30  # a rate from fewer decided items is marked
TOP_TREATMENTS = 25  # the treatment breakdown's rows, most disputed first
TREATMENTS_HOLDING = 100  # its rows when it lists the names holding a text
GUIDELINE_NAMES = {g.slug: g.short_name for g in vocabulary.GUIDELINES}


@dataclass(frozen=True)
class Definition:
    name: str  # in URLs: ?by=NAME, /analytics/NAME.csv
    label: str  # "By treatment category"
    column: str  # the table's first column heading
    over_time: bool = False  # drawn as a line over time rather than bars


DEFINITIONS = {d.name: d for d in (
    Definition("category", "Treatment category", "Category"),
    Definition("treatment", "Treatment", "Treatment"),
    Definition("guideline", "Guideline", "Guideline"),
    Definition("page", "Guideline page", "Page"),
    Definition("specialty", "Reviewer specialty", "Specialty"),
    Definition("year", "Decision year", "Year", over_time=True),
    Definition("month", "Decision month", "Month", over_time=True),
    Definition("age", "Patient age", "Age"),
    Definition("sex", "Patient sex", "Sex"),
)}
NAMES = tuple(DEFINITIONS)


def value_label(name: str, value: str) -> str:
    """How a value of the breakdown reads on the page."""
    if value == NOT_STATED:
        return "No decision date" if name in ("year", "month") else "Not stated"
    if name == "guideline":
        return GUIDELINE_NAMES.get(value, value)
    if name == "page":
        return f"Page {value}"
    if name == "month":
        year, month = value.split("-")
        return f"{calendar.month_name[int(month)]} {year}"
    if name == "sex":
        return value.capitalize()
    if name == "age":
        return value.capitalize()
    return value


def csv_value(value: str) -> str:
    return "not stated" if value == NOT_STATED else value


@dataclass
class Row:
    value: str  # as the engine counts it (NOT_STATED: none)
    label: str
    upheld: int
    overturned: int
    partial: int
    unknown: int

    @property
    def items(self) -> int:
        return self.upheld + self.overturned + self.partial + self.unknown

    @property
    def decided(self) -> int:
        """The items the rate is computed from: those with a known outcome."""
        return self.upheld + self.overturned + self.partial

    @property
    def overturn_rate(self) -> float | None:
        return (self.overturned + self.partial) / self.decided if self.decided else None

    @property
    def interval(self) -> tuple[float, float] | None:
        return wilson_interval(self.overturned + self.partial, self.decided) if self.decided else None

    @property
    def few(self) -> bool:
        return self.decided < FEW

    @classmethod
    def of(cls, name: str, value: str, outcomes: Counter[str]) -> Row:
        known = outcomes["upheld"] + outcomes["overturned"] + outcomes["partial"]
        return cls(value, value_label(name, value), outcomes["upheld"], outcomes["overturned"], outcomes["partial"],
                   outcomes.total() - known)


def engine_breakdown(name: str, containing: str = "") -> Breakdown:
    """What the search service is asked for the breakdown `name` (pages of every guideline, months of every
    year: the report keeps those of the one chosen)."""
    if name == "treatment":
        return Breakdown("treatment", containing=containing,
                         limit=TREATMENTS_HOLDING if containing else TOP_TREATMENTS)
    return Breakdown(name)


def _order(name: str, rows: list[Row]) -> list[Row]:
    """Rows in the breakdown's reading order; the items without a value last."""
    if name in ("year", "month"):
        key = lambda row: row.value  # noqa: E731 - chronological: "2014" < "2015", "2015-03" < "2015-11"
    elif name == "page":
        key = lambda row: int(row.value)  # noqa: E731
    elif name == "age":
        bands = [band.key for band in AGE_BANDS]
        key = lambda row: bands.index(row.value)  # noqa: E731
    elif name == "treatment":
        return [row for row in rows if row.value != NOT_STATED]  # the engine's order: most disputed first
    else:
        key = lambda row: (-row.items, row.label)  # noqa: E731
    stated = [row for row in rows if row.value != NOT_STATED]
    return sorted(stated, key=key) + [row for row in rows if row.value == NOT_STATED]


def rows(name: str, counts: OutcomeCounts) -> list[Row]:
    return _order(name, [Row.of(name, value, outcomes) for value, outcomes in counts.values.items()])


def overall(counts: OutcomeCounts) -> Row:
    """Every match of the search as one row."""
    row = Row.of("", NOT_STATED, counts.total)
    row.label = "Every matching item"
    return row

"""Facet counts over every match, from column values cached per index state."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from whoosh import collectors

from imr_archive.search.query import FACETS


def column_values(reader, field: str, default: object) -> list:
    """A column's values by document number across segments.

    A segment where no document has the field has no column at all: its
    documents get `default`, so positions stay document numbers.
    """
    values: list = []
    for leaf, _ in reader.leaf_readers():
        column = list(leaf.column_reader(field)) if leaf.has_column(field) else []
        size = leaf.doc_count_all()
        values.extend(column[:size] + [default] * (size - len(column)))
    return values


class FacetCounter:
    """Counts facet values over every match, and keeps the matches passing every filter.

    The standard multi-select rule: a document counts towards a facet when it
    passes every other facet's filter, whether or not it passes that facet's own.
    """

    def __init__(self, tests: dict[str, Callable[[int], bool]], columns: dict[str, list]) -> None:
        self.tests = list(tests.items())
        self.columns = columns
        self.counts: dict[str, Counter[str]] = {facet: Counter() for facet in FACETS}
        self.matched: list[int] = []

    def add(self, docnum: int) -> bool:
        """Count one matching document; True when it passes every filter."""
        failed = [facet for facet, passes in self.tests if not passes(docnum)]
        if len(failed) > 1:
            return False
        for facet in failed or FACETS:
            value = self.columns[facet][docnum]
            self.counts[facet].update(value if facet == "guideline" else (value,))
        if failed:
            return False
        self.matched.append(docnum)
        return True

    def facets(self) -> dict[str, list[tuple[str, int]]]:
        return {facet: sorted(((v, n) for v, n in counter.items() if v), key=lambda item: (-item[1], item[0]))
                for facet, counter in self.counts.items()}


class CountingTopCollector(collectors.TopCollector):
    """Whoosh's top-N collector that first hands each match to a FacetCounter.

    Documents failing a filter are counted for the facets but never scored.
    """

    def __init__(self, counter: FacetCounter, limit: int) -> None:
        # No shortcuts: block-quality skipping and matcher replacement drop documents
        # that cannot reach the top N, and every match must be counted.
        super().__init__(limit=limit, usequality=False, replace=0)
        self.counter = counter

    def collect(self, sub_docnum: int):
        if self.counter.add(self.offset + sub_docnum):
            return super().collect(sub_docnum)
        return None

"""Facet counts over every match, from column values cached per index state."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from itertools import chain

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


def count_facets(docs: Iterable[int], tests: dict[str, Callable[[int], bool]],
                 columns: dict[str, list]) -> tuple[list[int], dict[str, list[tuple[str, int]]]]:
    """The documents passing every facet filter, and each facet's counts over the matches.

    The standard multi-select rule: a document counts towards a facet when it
    passes every other facet's filter, whether or not it passes that facet's own.
    Without facet filters every facet counts every match, done by C-level
    Counter(map(...)) rather than a Python step per document.
    """
    if not tests:
        matched = list(docs)
        counts = {facet: Counter(_values(columns[facet], facet, matched)) for facet in FACETS}
        return matched, _sorted(counts)
    counts = {facet: Counter() for facet in FACETS}
    matched = []
    active = list(tests.items())
    for docnum in docs:
        failed = [facet for facet, passes in active if not passes(docnum)]
        if len(failed) > 1:
            continue
        for facet in failed or FACETS:
            value = columns[facet][docnum]
            counts[facet].update(value if facet == "guideline" else (value,))
        if not failed:
            matched.append(docnum)
    return matched, _sorted(counts)


def _values(column: list, facet: str, docs: list[int]) -> Iterable[str]:
    values = map(column.__getitem__, docs)
    return chain.from_iterable(values) if facet == "guideline" else values  # a set of guideline slugs per item


def _sorted(counts: dict[str, Counter[str]]) -> dict[str, list[tuple[str, int]]]:
    return {facet: sorted(((v, n) for v, n in counter.items() if v), key=lambda item: (-item[1], item[0]))
            for facet, counter in counts.items()}

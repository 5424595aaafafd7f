"""Facet counts over the matches, from column values cached per index state.

Whoosh has no aggregation engine: counting facets means looking at every
match. Each set of documents counted over is one C-level pass counting
combinations of facet values (columns.py); the few thousand combinations
are then added up per facet.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

from imr_archive.search.facets import CountingPass, FacetCounts
from imr_archive.search.query import FACETS
from imr_archive.search.whoosh.columns import Columns


def count_facets(passes: list[CountingPass], matches: Collection[int], passing: dict[str, set[int]],
                 columns: Columns) -> FacetCounts:
    """Each pass's facets over the matches passing every facet filter but the one it leaves out.

    `passing` holds, for each filtered facet, the matches that pass its filter.
    """
    counts: FacetCounts = {}
    for leave_out, facets in passes:
        pool = _pool(passing, matches, leave_out)
        positions = [(FACETS.index(facet), facet) for facet in facets]
        for facet in facets:
            counts[facet] = Counter()
        for number, n in Counter(map(columns.combination.__getitem__, pool)).items():
            values = columns.combinations[number]
            for i, facet in positions:
                for value in values[i] if facet == "guideline" else (values[i],):
                    counts[facet][value] += n
    return counts


def _pool(passing: dict[str, set[int]], matches: Collection[int], leave_out: str | None) -> Collection[int]:
    """The matches passing every facet filter but `leave_out`'s."""
    others = [docs for facet, docs in passing.items() if facet != leave_out]
    if not others:
        return matches
    return others[0] if len(others) == 1 else set.intersection(*others)

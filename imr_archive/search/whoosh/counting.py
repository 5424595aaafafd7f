"""Facet counts over every match, from column values cached per index state."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

from imr_archive.search.query import FACETS
from imr_archive.search.whoosh.columns import Columns


def count_facets(matches: Collection[int], passing: dict[str, set[int]],
                 columns: Columns) -> tuple[Collection[int], dict[str, list[tuple[str, int]]]]:
    """The matches passing every facet filter, and each facet's counts over the matches.

    `passing` holds, for each filtered facet, the matches that pass its
    filter. The standard multi-select rule: a document counts towards a facet
    when it passes every other facet's filter, whether or not it passes that
    facet's own. Each set of documents counted over is one C-level pass
    counting combinations of facet values; the few thousand combinations are
    then added up per facet.
    """
    matched = set.intersection(*passing.values()) if passing else matches
    # The facets counted over each pool: every facet not filtered over `matched`, a filtered one over its own.
    pools: dict[str | None, tuple[Collection[int], list[tuple[int, str]]]] = {}
    for i, facet in enumerate(FACETS):
        key = facet if facet in passing else None
        pools.setdefault(key, (_counted(facet, passing, matches, matched), []))[1].append((i, facet))
    counts: dict[str, Counter[str]] = {facet: Counter() for facet in FACETS}
    for pool, facets in pools.values():
        for number, n in Counter(map(columns.combination.__getitem__, pool)).items():
            values = columns.combinations[number]
            for i, facet in facets:
                for value in values[i] if facet == "guideline" else (values[i],):
                    counts[facet][value] += n
    return matched, _sorted(counts)


def _counted(facet: str, passing: dict[str, set[int]], matches: Collection[int],
             matched: Collection[int]) -> Collection[int]:
    """The documents `facet` is counted over: the matches passing every other facet's filter."""
    if facet not in passing:
        return matched
    others = [docs for other, docs in passing.items() if other != facet]
    return set.intersection(*others) if others else matches


def _sorted(counts: dict[str, Counter[str]]) -> dict[str, list[tuple[str, int]]]:
    return {facet: sorted(((v, n) for v, n in counter.items() if v), key=lambda item: (-item[1], item[0]))
            for facet, counter in counts.items()}

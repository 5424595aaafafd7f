"""The multi-select facet rule, in one place for every engine.

The counts shown for a facet apply every other active filter but not the
facet's own, so a user can widen a choice (several values of one facet
combine with OR). A facet the page fixes (a guideline page view fixes the
guideline) is neither counted nor widened: its filter applies to every count.

`counting_passes` says which counts to take over which matches; an engine
counts them (`FacetCounts`) and `facet_lists` turns its counts into what the
page shows. Engines never decide which filters a count applies.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from imr_archive.search.query import FACETS, SearchQuery

FacetCounts = dict[str, Counter[str]]  # facet -> value -> items


class CountingPass(NamedTuple):
    """Count `facets` over the matches of the search without the filter of `leave_out` (None: all filters)."""

    leave_out: str | None
    facets: tuple[str, ...]


def filtered_facets(query: SearchQuery) -> tuple[str, ...]:
    """The facets the search filters on, in display order."""
    return tuple(facet for facet in FACETS if getattr(query, facet))


def counting_passes(query: SearchQuery) -> list[CountingPass]:
    """The counts the page shows: unfiltered facets over all matches, each filtered one without its own filter."""
    counted = [facet for facet in FACETS if facet not in query.fixed]
    filtered = set(filtered_facets(query)) - set(query.fixed)
    passes = []
    plain = tuple(facet for facet in counted if facet not in filtered)
    if plain:
        passes.append(CountingPass(None, plain))
    passes.extend(CountingPass(facet, (facet,)) for facet in counted if facet in filtered)
    return passes


def facet_lists(counts: FacetCounts) -> dict[str, list[tuple[str, int]]]:
    """Each counted facet's values with a count, largest first, ties by value."""
    return {facet: sorted(((str(value), n) for value, n in values.items() if value not in ("", None) and n),
                          key=lambda item: (-item[1], item[0]))
            for facet, values in counts.items()}

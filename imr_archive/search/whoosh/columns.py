"""Facet and sort columns as lists by document number, read once per index state.

Whoosh has no aggregation engine: counting facets means looking at every
match. Reading each match's values from these lists is one lean pass, where
Whoosh's own grouping walks postings per facet.
"""

from __future__ import annotations

from array import array

from imr_archive.search.query import FACETS
from imr_archive.search.whoosh.schema import COLUMN_FACETS, UNKNOWN_DATE


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


class Columns:
    """Each facet's value (for "guideline", the tuple of cited slugs), the decision day and the issue id,
    by document number."""

    def __init__(self, reader) -> None:
        self.facets: dict[str, list] = {}
        for facet, field in COLUMN_FACETS.items():
            values = [v.decode("utf-8") if isinstance(v, bytes) else v for v in column_values(reader, field, "")]
            self.facets[facet] = [tuple(v.split()) for v in values] if facet == "guideline" else values
        self.decision: list[int] = column_values(reader, "decision", UNKNOWN_DATE)
        self.issue_id: list[int] = column_values(reader, "number", 0)
        # Each document's combination of facet values (FACETS order) as a number: counting the
        # matches' combinations is one pass, where counting each facet is a pass per facet.
        numbers: dict[tuple, int] = {}
        self.combination: array = array("i", (numbers.setdefault(values, len(numbers))
                                              for values in zip(*(self.facets[f] for f in FACETS), strict=True)))
        self.combinations: list[tuple] = list(numbers)
        self._holding: dict[str, dict[str, array]] = {}

    def holding(self, facet: str, value: str) -> array:
        """The documents whose `facet` has `value`, ascending; grouped on a facet's first filter.

        Filtering by a facet is then a C-level set intersection with the
        matches instead of a Python test per match.
        """
        groups = self._holding.get(facet)
        if groups is None:
            lists: dict[str, list[int]] = {}
            for docnum, value_or_slugs in enumerate(self.facets[facet]):
                for one in value_or_slugs if facet == "guideline" else (value_or_slugs,):
                    lists.setdefault(one, []).append(docnum)
            groups = self._holding[facet] = {one: array("i", docs) for one, docs in lists.items()}
        return groups.get(value, array("i"))

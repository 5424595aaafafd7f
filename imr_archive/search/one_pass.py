"""Count a full-text search in one pass: the total and every facet from one scan of the matches.

Counting each facet with its own query found the matches again each time:
six full-text scans for one results page. Here one statement scans the
matches of the narrow search table once and groups them by GROUPING SETS,
one set per facet, each row also keyed by a flag per active facet filter;
the multi-select rule (a facet's counts apply every other facet's filter
but not its own) is then a sum over a few hundred rows here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db import connections
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet

from imr_archive.letters.models import Guideline
from imr_archive.search.models import FacetValue, IssueSearchDocument

# Facet -> column of the search table it groups by: FacetValue ids for the texts, the year, and
# the item's set of guideline ids for the guideline facet.
GROUPED = {"outcome": "outcome_code", "category": "category_code", "specialty": "specialty_code",
           "year": "decision_year", "guideline": "guideline_ids"}


@dataclass
class Counted:
    total: int
    facets: dict[str, list[tuple[str, int]]]


def count_matches(matches: QuerySet[IssueSearchDocument], facet_filters: dict[str, Q]) -> Counted:
    """Total and facet counts of `matches` (every condition but the facet filters) under `facet_filters`."""
    flags = {f"ok_{facet}": ExpressionWrapper(condition, output_field=BooleanField())
             for facet, condition in facet_filters.items()}
    columns = list(GROUPED.values())
    inner, params = matches.annotate(**flags).order_by().values(*columns, *flags).query.sql_with_params()
    flag_list = "".join(f', "{flag}"' for flag in flags)
    sets = ", ".join(f"({column}{flag_list})" for column in columns)
    sql = (f"SELECT {', '.join(columns)}{flag_list}, GROUPING({', '.join(columns)}), count(*) "
           f"FROM ({inner}) m GROUP BY GROUPING SETS ({sets})")
    with connections[matches.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return _roll_up(rows, active=list(facet_filters))


def _roll_up(rows: list[tuple], active: list[str]) -> Counted:
    """Sum the grouped rows into the total and each facet's counts, applying the multi-select rule."""
    facets = list(GROUPED)
    everything = (1 << len(facets)) - 1
    counts: dict[str, Counter] = {facet: Counter() for facet in facets}
    total = 0
    for row in rows:
        *values, grouping, n = row
        passes = dict(zip(active, values[len(facets):], strict=True))
        # GROUPING() has a bit per column, the first column highest, set when the column is
        # left out of the row's set: the one bit clear names the facet.
        grouped_bit = everything ^ grouping
        facet = facets[len(facets) - grouped_bit.bit_length()]
        value = values[facets.index(facet)]
        if not all(ok for other, ok in passes.items() if other != facet):
            continue
        if facet == "guideline":
            counts[facet].update({gid: n for gid in value})
        else:
            counts[facet][value] += n
            if facet == facets[0] and passes.get(facet, True):
                total += n
    names = {"guideline": dict(Guideline.objects.values_list("id", "slug")),
             "year": {year: str(year) for year in counts["year"] if year is not None}}
    numbered = dict(FacetValue.objects.values_list("id", "value"))  # outcome, category and specialty
    result = {}
    for facet, counter in counts.items():
        name_of = names.get(facet, numbered)
        named = [(name_of[code], n) for code, n in counter.items() if code is not None and n]
        result[facet] = sorted(((name, n) for name, n in named if name), key=lambda item: (-item[1], item[0]))
    return Counted(total=total, facets=result)

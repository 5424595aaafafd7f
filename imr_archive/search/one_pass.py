"""Count a full-text search in one pass: the total and every facet from one scan of the matches.

Counting each facet with its own query found the matches again each time:
six full-text scans for one results page. Here one statement scans the
matches of the narrow search table once and groups them by one integer,
the item's FacetCombination. Only the few thousand groups are then joined
to their combinations and grouped by GROUPING SETS, one set per facet;
each row also carries a flag per active facet filter, and the multi-select
rule (a facet's counts apply every other facet's filter but not its own) is
a sum over the few hundred rows that returns, here.

A facet filter the combination decides (outcome, category, specialty,
year, cited guideline) is a flag on the combination, computed once per
combination rather than once per match; only a cited guideline page,
which no combination knows, is a flag on each match.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db import connections
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet

from imr_archive.letters.models import Guideline
from imr_archive.search.database import facet_conditions
from imr_archive.search.models import CitingItem, FacetCombination, IssueSearchDocument
from imr_archive.search.query import SearchQuery

# Facet -> column of FacetCombination it groups by (the guideline facet: the item's set of guideline ids).
GROUPED = {"outcome": "outcome", "category": "category", "specialty": "reviewer_specialty",
           "year": "decision_year", "guideline": "guideline_ids"}


def combination_conditions(query: SearchQuery) -> dict[str, Q]:
    """The query's facet filters a FacetCombination decides (all but a guideline page), as conditions on it."""
    conditions = facet_conditions(query)  # the facet columns have the same names on FacetCombination
    if query.guideline:
        del conditions["guideline"]  # an `IN` over the citations: replaced, or left to each match
        if query.page is None:
            cited = Guideline.objects.filter(slug__in=query.guideline).values_list("id", flat=True)
            conditions["guideline"] = Q(guideline_ids__overlap=list(cited))
    return conditions


@dataclass
class Counted:
    total: int
    facets: dict[str, list[tuple[str, int]]]


def count_matches(matches: QuerySet[IssueSearchDocument | CitingItem], by_match: dict[str, Q],
                  by_combination: dict[str, Q]) -> Counted:
    """Total and facet counts of `matches` (every condition but the facet filters) under the facet filters.

    `matches` are rows with a combination_id, one per item: search rows, or
    the citing items of one guideline page.

    `by_match` are conditions on the search table's rows (a guideline page),
    `by_combination` conditions on FacetCombination (combination_conditions).
    """
    match_flags = {f"ok_{facet}": ExpressionWrapper(condition, output_field=BooleanField())
                   for facet, condition in by_match.items()}
    grouped_rows = matches.annotate(**match_flags).order_by().values("combination_id", *match_flags)
    inner, params = grouped_rows.query.sql_with_params()
    carried = "".join(f', "{flag}"' for flag in match_flags)
    combination_flags = ""
    for facet, condition in by_combination.items():
        decided, decided_params = FacetCombination.objects.filter(condition).values("id").query.sql_with_params()
        combination_flags += f', c.id IN ({decided}) AS "ok_{facet}"'
        params += decided_params
    active = [*by_match, *by_combination]
    flags = "".join(f', "ok_{facet}"' for facet in active)
    columns = ", ".join(GROUPED.values())
    sets = ", ".join(f"({column}{flags})" for column in GROUPED.values())
    sql = (f"WITH grouped AS (SELECT combination_id{carried}, count(*) AS n FROM ({inner}) m "
           f"GROUP BY combination_id{carried}), "
           f"flagged AS (SELECT c.*, grouped.n{carried}{combination_flags} "
           f"FROM grouped JOIN search_facetcombination c ON c.id = grouped.combination_id) "
           f"SELECT {columns}{flags}, GROUPING({columns}), sum(n)::bigint FROM flagged GROUP BY GROUPING SETS ({sets})")
    with connections[matches.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return _roll_up(rows, active)


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
    slugs = dict(Guideline.objects.values_list("id", "slug"))
    result = {}
    for facet, counter in counts.items():
        # Texts are "" and the year 0 when the letter did not say.
        named = [(slugs[value] if facet == "guideline" else str(value), n) for value, n in counter.items()
                 if value not in ("", 0) and n]
        result[facet] = sorted(named, key=lambda item: (-item[1], item[0]))
    return Counted(total=total, facets=result)

"""Count a full-text search in one SQL statement: the matches are found once, then counted.

Counting each facet with its own query found the matches again each time:
seven full-text scans for one results page. Here the matches (rows of the
narrow search table, with a flag per active facet filter) are one
MATERIALIZED common table expression; the total, every facet (each ignoring
its own filter: the multi-select rule) and, for a date sort, the page's ids
are read from it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet

from imr_archive.letters.models import Guideline
from imr_archive.search.database import FACET_FIELDS
from imr_archive.search.models import IssueSearchDocument

# Date sorts of the page, by the CTE's columns.
ORDER_BY = {"newest": "decision_date DESC NULLS LAST, issue_id DESC",
            "oldest": "decision_date ASC NULLS LAST, issue_id ASC"}


@dataclass
class Counted:
    total: int
    facets: dict[str, list[tuple[str, int]]]
    page_ids: list[int]


def _all_of(flags: Iterable[str]) -> str:
    return " AND ".join(f'"ok_{facet}"' for facet in flags) or "TRUE"


def count_and_page(matches: QuerySet[IssueSearchDocument], facet_filters: dict[str, Q], sort: str | None,
                   offset: int, limit: int) -> Counted:
    """Total and facet counts of `matches` narrowed by `facet_filters`, in one statement.

    `matches` holds every condition but the facet filters. With a date
    `sort`, the statement also returns that page's ids.
    """
    flags = {f"ok_{facet}": ExpressionWrapper(condition, output_field=BooleanField())
             for facet, condition in facet_filters.items()}
    columns = ["issue_id", *FACET_FIELDS.values(), "decision_date", "guideline_ids", *flags]
    cte, params = matches.annotate(**flags).order_by().values(*columns).query.sql_with_params()
    active = list(facet_filters)
    others = {facet: _all_of(f for f in active if f != facet) for facet in (*FACET_FIELDS, "guideline")}
    parts = [f"SELECT 'total', '', count(*), 0 FROM m WHERE {_all_of(active)}"]
    parts += [f"SELECT '{facet}', {column}::text, count(*), 0 FROM m WHERE {others[facet]} GROUP BY {column}"
              for facet, column in FACET_FIELDS.items()]
    parts.append(f"SELECT 'guideline', g::text, count(*), 0 FROM m, unnest(m.guideline_ids) g "
                 f"WHERE {others['guideline']} GROUP BY g")
    if sort is not None:
        order = ORDER_BY[sort]
        parts.append(f"SELECT 'hit', issue_id::text, 0, row_number() OVER (ORDER BY {order}) FROM "
                     f"(SELECT * FROM m WHERE {_all_of(active)} ORDER BY {order} LIMIT %s OFFSET %s) page")
        params = (*params, limit, offset)
    sql = f"WITH m AS MATERIALIZED ({cte}) " + " UNION ALL ".join(f"({part})" for part in parts)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return _read_rows(rows)


def _read_rows(rows: list[tuple[str, str | None, int, int]]) -> Counted:
    slugs = {str(pk): slug for pk, slug in Guideline.objects.values_list("id", "slug")}
    counted = Counted(total=0, facets={facet: [] for facet in (*FACET_FIELDS, "guideline")}, page_ids=[])
    hits: list[tuple[int, int]] = []
    for kind, value, n, position in rows:
        if kind == "total":
            counted.total = n
        elif kind == "hit":
            hits.append((position, int(value)))
        elif value not in ("", None) and n:
            counted.facets[kind].append((slugs[value] if kind == "guideline" else value, n))
    for values in counted.facets.values():
        values.sort(key=lambda item: (-item[1], item[0]))
    counted.page_ids = [pk for _, pk in sorted(hits)]
    return counted

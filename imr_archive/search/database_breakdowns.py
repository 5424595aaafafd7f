"""Outcome analytics answered by the database: each breakdown one GROUP BY (value, outcome) over the matches.

With the Whoosh engine the database answers searches without words
(database.py), so it answers their analytics too. Items are counted once
per value however many of their citations name it (COUNT DISTINCT).
"""

from __future__ import annotations

from collections import Counter

from django.db.models import Case, CharField, Count, QuerySet, Value, When
from django.db.models.functions import ExtractMonth

from imr_archive.letters.models import Issue
from imr_archive.search.breakdowns import (
    AGE_BANDS,
    NOT_STATED,
    PARTITIONS,
    Breakdown,
    OutcomeCounts,
    most_items,
    with_not_stated,
)

# Where each single-valued field's value lives, seen from an Issue.
COLUMNS = {"category": "category", "treatment": "treatment_normalized", "specialty": "reviewer_specialty",
           "year": "decision_year", "sex": "letter__patient_sex"}


def _age_band() -> Case:
    age = "letter__patient_age"
    return Case(*[When(**{f"{age}__gte": band.low or 0, **({f"{age}__lte": band.high} if band.high is not None
                                                                else {})}, then=Value(band.key))
                  for band in AGE_BANDS], default=Value(NOT_STATED), output_field=CharField())


def _grouped(matches: QuerySet[Issue], breakdown: Breakdown) -> QuerySet:
    """Rows of (value, outcome, items) for the breakdown's field over `matches`."""
    matches = matches.order_by()
    if breakdown.field == "guideline":
        return (matches.filter(citations__isnull=False).values_list("citations__guideline__slug", "outcome")
                .annotate(n=Count("id", distinct=True)))
    if breakdown.field == "page":
        return (matches.filter(cited_pages__guideline__slug=breakdown.guideline)
                .values_list("cited_pages__page", "outcome").annotate(n=Count("id", distinct=True)))
    if breakdown.field == "month":
        return (matches.filter(decision_year=breakdown.year).annotate(month=ExtractMonth("decision_date"))
                .values_list("month", "outcome").annotate(n=Count("id")))
    if breakdown.field == "age":
        return matches.annotate(band=_age_band()).values_list("band", "outcome").annotate(n=Count("id"))
    if breakdown.field == "treatment" and breakdown.containing:
        matches = matches.filter(treatment_normalized__contains=breakdown.containing)
    return matches.values_list(COLUMNS[breakdown.field], "outcome").annotate(n=Count("id"))


def _value(breakdown: Breakdown, value: object) -> str:
    if value is None:
        return NOT_STATED
    return f"{breakdown.year}-{value:02d}" if breakdown.field == "month" else str(value)


def outcome_counts(matches: QuerySet[Issue], breakdown: Breakdown) -> OutcomeCounts:
    total = Counter(dict(matches.order_by().values_list("outcome").annotate(n=Count("id"))))
    values: dict[str, Counter[str]] = {}
    for value, outcome, n in _grouped(matches, breakdown):
        values.setdefault(_value(breakdown, value), Counter())[outcome] += n
    if breakdown.field not in PARTITIONS:
        values.pop(NOT_STATED, None)
    return with_not_stated(breakdown, OutcomeCounts(total, most_items(values, breakdown.limit)))

"""One analytics report: a validated search and breakdown, answered by the search service, as rows.

The HTML page and the CSV download both build a `Report` from the request's
parameters, so they always agree. Invalid parameters raise `InvalidReport`
with the sentences to show; nothing is guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import QueryDict

from imr_archive.analytics.breakdowns import DEFINITIONS, Definition, Row, engine_breakdown, overall, rows
from imr_archive.analytics.forms import AnalyticsForm
from imr_archive.search import service
from imr_archive.search.breakdowns import NOT_STATED, Breakdown, OutcomeCounts, within
from imr_archive.search.query import SearchQuery
from imr_archive.web.filters import SearchFilterSet


class InvalidReport(Exception):
    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass
class Report:
    definition: Definition
    query: SearchQuery
    overall: Row
    rows: list[Row]
    guideline: str | None = None  # page: whose pages
    year: int | None = None  # month: which year
    containing: str = ""  # treatment: the text the names hold
    guidelines: list[Row] = field(default_factory=list)  # page: the guidelines the matches cite, to choose from
    years: list[Row] = field(default_factory=list)  # month: the years of the matches, to choose from


def _errors(form) -> list[str]:
    return [f"{form.fields[name].label}: {error}" if name in form.fields else str(error)
            for name, errors in form.errors.items() for error in errors]


# The breakdowns of a choice (whose pages, which year's months), and what the choice is among.
CHOSEN_AMONG = {"page": "guideline", "month": "year"}


def _offered(choices: OutcomeCounts, query: SearchQuery, name: str) -> list[Row]:
    """The values of `name` (guideline or year) among the search's matches, with their items."""
    offered = [row for row in rows(name, choices) if row.value != NOT_STATED]
    if name == "guideline" and query.guideline:
        offered = [row for row in offered if row.value in query.guideline]
    return offered


def build(params: QueryDict) -> Report:
    """The report of the parameters' search and breakdown: one run of the search by the index."""
    filterset, form = SearchFilterSet(params), AnalyticsForm(params)
    if not (filterset.is_valid() and form.is_valid()):
        raise InvalidReport(_errors(filterset.form) + _errors(form))
    query = filterset.search_query()
    name = form.breakdown_name()
    definition = DEFINITIONS[name]
    if name not in CHOSEN_AMONG:
        containing = form.containing() if name == "treatment" else ""
        (counts,) = service.outcome_counts(query, engine_breakdown(name, containing))
        return Report(definition, query, overall(counts), rows(name, counts), containing=containing)
    among = CHOSEN_AMONG[name]
    choices, counts = service.outcome_counts(query, Breakdown(among), engine_breakdown(name))
    offered = _offered(choices, query, among)
    if name == "page":
        chosen = form.cleaned_data.get("for_guideline") or (
            query.guideline[0] if len(query.guideline) == 1 else (offered[0].value if offered else None))
        parts = {"guidelines": offered, "guideline": chosen}
    else:
        year = form.cleaned_data.get("for_year") or (
            query.year[0] if len(query.year) == 1 else (int(offered[-1].value) if offered else None))
        chosen = None if year is None else str(year)
        parts = {"years": offered, "year": year}
    if chosen is None:  # nothing to break down: the totals alone
        return Report(definition, query, overall(counts), [], **parts)
    kept = within(counts, f"{chosen}:", strip=True) if name == "page" else within(counts, f"{chosen}-")
    return Report(definition, query, overall(counts), rows(name, kept), **parts)

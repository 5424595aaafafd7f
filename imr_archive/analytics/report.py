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
from imr_archive.search.breakdowns import NOT_STATED, Breakdown
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


def _choices(query: SearchQuery, name: str) -> list[Row]:
    """The values of `name` (guideline or year) among the search's matches, with their items."""
    return [row for row in rows(name, service.outcome_counts(query, Breakdown(name))) if row.value != NOT_STATED]


def build(params: QueryDict) -> Report:
    filterset, form = SearchFilterSet(params), AnalyticsForm(params)
    if not (filterset.is_valid() and form.is_valid()):
        raise InvalidReport(_errors(filterset.form) + _errors(form))
    query = filterset.search_query()
    name = form.breakdown_name()
    report_parts: dict = {}
    if name == "page":
        offered = _choices(query, "guideline")
        if query.guideline:
            offered = [row for row in offered if row.value in query.guideline]
        chosen = form.cleaned_data.get("for_guideline") or (
            query.guideline[0] if len(query.guideline) == 1 else (offered[0].value if offered else None))
        report_parts.update(guidelines=offered, guideline=chosen)
    elif name == "month":
        offered = _choices(query, "year")
        chosen_year = form.cleaned_data.get("for_year") or (
            query.year[0] if len(query.year) == 1 else (int(offered[-1].value) if offered else None))
        report_parts.update(years=offered, year=chosen_year)
    elif name == "treatment":
        report_parts["containing"] = form.containing()
    guideline, year = report_parts.get("guideline"), report_parts.get("year")
    if (name == "page" and guideline is None) or (name == "month" and year is None):
        counts = service.outcome_counts(query, Breakdown("category"))  # nothing to break down: the totals alone
        return Report(DEFINITIONS[name], query, overall(counts), [], **report_parts)
    counts = service.outcome_counts(query, engine_breakdown(name, guideline, year, report_parts.get("containing", "")))
    return Report(DEFINITIONS[name], query, overall(counts), rows(name, counts), **report_parts)

"""The analytics page of any search, and each breakdown's table as CSV. Thin: report.py builds, links.py links,
charts.py draws."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse

from imr_archive.analytics.breakdowns import DEFINITIONS, NAMES, Row
from imr_archive.analytics.charts import BarChart, LineChart, bar_chart, line_chart
from imr_archive.analytics.forms import DEFAULT_BREAKDOWN
from imr_archive.analytics.links import cell_urls, search_params, url
from imr_archive.analytics.report import InvalidReport, Report, build
from imr_archive.analytics.table_csv import table_csv
from imr_archive.web.links import SearchLinks


@dataclass
class TableRow:
    row: Row
    urls: dict[str, str | None]


@dataclass
class Tab:
    label: str
    url: str
    current: bool


def _tabs(params: QueryDict, current: str) -> list[Tab]:
    """A link to each breakdown of the same search."""
    tabs = []
    for name in NAMES:
        switched = search_params(params)
        if name != DEFAULT_BREAKDOWN:
            switched["by"] = name
        tabs.append(Tab(DEFINITIONS[name].label, url("analytics:analytics", switched), name == current))
    return tabs


def _chart(report: Report) -> BarChart | LineChart | None:
    if not report.definition.over_time:
        return bar_chart(report.rows)
    if report.definition.name == "month":
        return line_chart(report.rows, lambda row: row.label[:3])  # "March 2015" -> "Mar"
    return line_chart(report.rows)


def csv_url(name: str, params: QueryDict) -> str:
    """The CSV of breakdown `name` for these parameters (the search's and the breakdown's own)."""
    kept = params.copy()
    for dropped in ("p", "by"):
        kept.pop(dropped, None)
    query = kept.urlencode()
    path = reverse("analytics:csv", args=[name])
    return f"{path}?{query}" if query else path


def analytics(request: HttpRequest) -> HttpResponse:
    links = SearchLinks(request.path, request.GET)
    context: dict = {"chips": links.chips(), "cleared_url": links.cleared(), "params": request.GET}
    try:
        report = build(request.GET)
    except InvalidReport as invalid:
        return render(request, "analytics/analytics.html", {**context, "errors": invalid.errors}, status=400)
    name = report.definition.name
    search = search_params(request.GET)
    searched = dict(search.lists())
    context.update(
        report=report,
        tabs=_tabs(request.GET, name),
        chart=_chart(report),
        table=[TableRow(row, cell_urls(searched, name, row.value, report.guideline)) for row in report.rows],
        overall=TableRow(report.overall, cell_urls(searched, None)),
        back_url=url("web:search", search),
        csv_url=csv_url(name, request.GET),
        hidden_search=[(key, value) for key, values in search.lists() for value in values if value.strip()],
    )
    return render(request, "analytics/analytics.html", context)


def breakdown_csv(request: HttpRequest, name: str) -> HttpResponse:
    if name not in DEFINITIONS:
        raise Http404(f"No breakdown is called {name}.")
    params = request.GET.copy()
    params["by"] = name
    try:
        report = build(params)
    except InvalidReport as invalid:
        return HttpResponse(f"This table cannot be made: {'; '.join(invalid.errors)}\n", status=400,
                            content_type="text/plain; charset=utf-8")
    response = HttpResponse(table_csv(report.rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="imr-analytics-{name}.csv"'
    return response

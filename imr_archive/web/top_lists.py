"""The home page's ranked lists: the most cited guideline pages and the most disputed treatments.

A page range cited by many items ("pages 76-80") makes each of its pages
as cited as the next: listed page by page it would fill the list with one
citation. Consecutive pages of a guideline cited by as many items each are
one row ("pages 76–80, 12 items each"). Treatments are counted by their
normalized name (lower case, no dose) and shown as letters write them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Q

from imr_archive.letters.models import CitedPage, Issue
from imr_archive.parsing.treatment_names import written_name

TOP = 10
EXAMPLES = 5  # written treatments read per name to find how letters write it


@dataclass
class CitedPages:
    """Consecutive pages of one guideline, each cited by `items` items."""

    slug: str
    short_name: str
    first: int
    last: int
    items: int


def _pages(at_least: int | None = None, limit: int | None = None) -> list[dict]:
    rows = (CitedPage.objects.order_by().values("guideline__slug", "guideline__short_name", "page")
            .annotate(items=Count("issue", distinct=True)))
    if at_least is not None:
        rows = rows.filter(items__gte=at_least)
    rows = rows.order_by("-items", "guideline__short_name", "page")
    return list(rows[:limit] if limit is not None else rows)


def _runs(rows: list[dict]) -> list[CitedPages]:
    """Rows as runs of consecutive pages with the same count, most cited first."""
    runs: list[CitedPages] = []
    ordered = sorted(rows, key=lambda r: (r["guideline__slug"], r["items"], r["page"]))
    for row in ordered:
        last = runs[-1] if runs else None
        if (last and last.slug == row["guideline__slug"] and last.items == row["items"]
                and row["page"] == last.last + 1):
            last.last = row["page"]
        else:
            runs.append(CitedPages(row["guideline__slug"], row["guideline__short_name"], row["page"], row["page"],
                                   row["items"]))
    return sorted(runs, key=lambda r: (-r.items, r.short_name, r.first))


def most_cited_pages(limit: int = TOP) -> list[CitedPages]:
    """The `limit` most cited pages or runs of pages.

    Reads the top pages, more of them while runs leave the list short, then
    every page cited as often as the last run shown, so no run is cut short.
    """
    fetch = limit * 4
    rows = _pages(limit=fetch)
    runs = _runs(rows)
    while len(runs) < limit and len(rows) == fetch:
        fetch *= 4
        rows = _pages(limit=fetch)
        runs = _runs(rows)
    if len(rows) == fetch and runs:
        runs = _runs(_pages(at_least=runs[min(limit, len(runs)) - 1].items))
    return runs[:limit]


@dataclass
class DisputedTreatment:
    normalized: str  # what the treatment filter takes
    name: str  # as letters write it: "MRI", "Norco"
    items: int


def most_disputed_treatments(limit: int = TOP) -> list[DisputedTreatment]:
    """The treatments with the most items, each named as most of a few of its letters write it.

    Two queries: the counts, then up to EXAMPLES written treatments of each
    name (each an index lookup of its name).
    """
    top = list(Issue.objects.exclude(treatment_normalized="").order_by()
               .values_list("treatment_normalized").annotate(items=Count("id"))
               .order_by("-items", "treatment_normalized")[:limit])
    if not top:
        return []
    some = Q()
    for name, _ in top:
        some |= Q(id__in=Issue.objects.filter(treatment_normalized=name).order_by().values("id")[:EXAMPLES])
    forms: dict[str, Counter[str]] = {name: Counter() for name, _ in top}
    for name, treatment in Issue.objects.filter(some).order_by("id").values_list("treatment_normalized", "treatment"):
        forms[name][written_name(name, treatment)] += 1
    return [DisputedTreatment(name, forms[name].most_common(1)[0][0] if forms[name] else name, items)
            for name, items in top]

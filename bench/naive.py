"""The baseline: how a naive archive would answer the same queries with the Django ORM.

Every word is an `icontains` over the rationale (no index can serve it),
each facet a GROUP BY over the joined tables, the page sorted by the
letter's decision date. No rendering: the baseline's times are the
queries alone, so a ratio to it flatters the baseline, never the archive.
"""

from __future__ import annotations

import shlex

from django.db.models import Count, QuerySet

from imr_archive.letters.models import Issue

FACETS = ("outcome", "category", "letter__reviewer_specialty", "letter__decision_year",
          "citations__guideline__name")


def words(q: str) -> list[str]:
    """The words and "phrases" of a query, as an ORM search would take them."""
    return shlex.split(q)


def matches(query: dict[str, str]) -> QuerySet[Issue]:
    issues = Issue.objects.all()
    for word in words(query.get("q", "")):
        issues = issues.filter(rationale__icontains=word)
    for name in ("outcome", "category"):
        if name in query:
            issues = issues.filter(**{name: query[name]})
    if "page" in query:
        issues = issues.filter(cited_pages__guideline__slug=query["guideline"],
                               cited_pages__page=int(query["page"])).distinct()
    return issues


def naive_search(query: dict[str, str]) -> int:
    """Answer one query as the search page would need it; returns the total."""
    issues = matches(query)
    total = issues.count()
    for facet in FACETS:
        list(issues.order_by().values(facet).annotate(n=Count("id", distinct=True)))
    order = "letter__date_decision" if query.get("sort") == "oldest" else "-letter__date_decision"
    start = (int(query.get("p", "1")) - 1) * 20
    list(issues.select_related("letter").prefetch_related("citations__guideline").order_by(order)[start:start + 20])
    return total

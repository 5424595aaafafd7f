"""Search answered by the database: filters as WHERE clauses, facets as GROUP BY.

With the Whoosh engine this answers every search without words (browsing
and counting is what a database does best at the sizes Whoosh serves). The
web FilterSet filters querysets with the same conditions.
"""

from __future__ import annotations

from collections import Counter

from django.db.models import Count, F, Q, QuerySet
from django.db.models.expressions import OrderBy

from imr_archive.letters.models import Citation, CitedPage, Guideline, Issue
from imr_archive.search.engine import Answer
from imr_archive.search.facets import CountingPass, FacetCounts
from imr_archive.search.query import NO_YEAR, SORT_OLDEST, SearchQuery
from imr_archive.search.query_syntax import Node

# Where each facet's value lives, seen from an Issue.
FACET_FIELDS = {
    "outcome": "outcome",
    "category": "category",
    "specialty": "reviewer_specialty",
    "year": "decision_year",
}


def facet_conditions(query: SearchQuery, item_id: str = "id") -> dict[str, Q]:
    """The WHERE condition of each facet the query filters on (its values combined with OR).

    `item_id` names the item's id in the model filtered. Conditions on
    citations are uncorrelated `id IN (subquery)`: the database reads the
    (guideline, page, issue) index once instead of probing per item.
    """
    conditions: dict[str, Q] = {}
    for facet, lookup in FACET_FIELDS.items():
        values = getattr(query, facet)
        if values:
            condition = Q(**{f"{lookup}__in": [v for v in values if v is not None]})
            if None in values:  # the year facet's "no decision date"
                condition |= Q(**{f"{lookup}__isnull": True})
            conditions[facet] = condition
    if query.guideline:
        guidelines = Guideline.objects.filter(slug__in=query.guideline).values("id")
        citing = [Citation.objects.filter(guideline_id__in=guidelines)]
        if query.page is not None or query.chapter:  # the item cites the page, and the chapter, of the guideline
            citing = []
            if query.page is not None:
                citing.append(CitedPage.objects.filter(guideline_id__in=guidelines, page=query.page))
            if query.chapter:
                citing.append(Citation.objects.filter(guideline_id__in=guidelines, chapter_slug=query.chapter))
        conditions["guideline"] = Q(*(Q(**{f"{item_id}__in": rows.values("issue_id")}) for rows in citing))
    return conditions


def other_conditions(query: SearchQuery) -> list[Q]:
    """The WHERE conditions of the query's filters that are not facets."""
    conditions: list[Q] = []
    if query.mtus is not None:
        cites_mtus = Q(id__in=Citation.objects.filter(mtus=True).values("issue_id"))
        conditions.append(cites_mtus if query.mtus else ~cites_mtus)
    conditions.append(Q(**{
        key: value
        for key, value in {
            "treatment_normalized__in": query.treatment or None,
            "decision_date__gte": query.decision_from,
            "decision_date__lte": query.decision_to,
            "letter__date_injury__gte": query.injury_from,
            "letter__date_injury__lte": query.injury_to,
            "letter__patient_sex": query.sex,
            "letter__patient_age__gte": query.age_min,
            "letter__patient_age__lte": query.age_max,
            "letter__case_number__istartswith": query.case_number or None,
            "letter_id": query.letter_id,
        }.items()
        if value is not None
    }))
    return conditions


def filter_conditions(query: SearchQuery, exclude_facet: str | None = None) -> list[Q]:
    """WHERE conditions of every filter of the query but `exclude_facet`'s own."""
    facets = [condition for facet, condition in facet_conditions(query).items() if facet != exclude_facet]
    return facets + other_conditions(query)


def date_order(query: SearchQuery) -> list[OrderBy]:
    """Newest (or oldest) decision first; undated items last; ties by id."""
    decided = F("decision_date")
    if query.effective_sort == SORT_OLDEST:
        return [decided.asc(nulls_last=True), F("id").asc()]
    return [decided.desc(nulls_last=True), F("id").desc()]


class DatabaseSearch:
    """Filters, facet counts, sorting and paging over Issue rows: searches without words."""

    def filtered(self, query: SearchQuery, exclude_facet: str | None = None) -> QuerySet[Issue]:
        return Issue.objects.filter(*filter_conditions(query, exclude_facet))

    def answer(self, query: SearchQuery, words: Node | None, passes: list[CountingPass]) -> Answer:
        matches = self.filtered(query)
        page = matches.order_by(*date_order(query))[query.offset: query.offset + query.per_page]
        return Answer(matches.count(), [(pk, None) for pk in page.values_list("id", flat=True)],
                      self.count(query, passes))

    def matching_ids(self, query: SearchQuery, words: Node | None, limit: int) -> list[int]:
        return list(self.filtered(query).order_by(*date_order(query)).values_list("id", flat=True)[:limit])

    def count(self, query: SearchQuery, passes: list[CountingPass]) -> FacetCounts:
        """Each pass's facets as GROUP BYs over the items passing its filters."""
        counts: FacetCounts = {}
        for leave_out, facets in passes:
            qs = self.filtered(query, exclude_facet=leave_out).order_by()
            for facet in facets:
                rows = (self.guideline_counts(qs) if facet == "guideline"
                        else qs.values_list(FACET_FIELDS[facet]).annotate(n=Count("id")))
                if facet == "year":  # an item without a decision date counts under "none"
                    rows = [(NO_YEAR if value is None else value, n) for value, n in rows]
                counts[facet] = Counter({str(value): n for value, n in rows if value not in ("", None)})
        return counts

    def guideline_counts(self, qs: QuerySet[Issue]) -> list[tuple[str, int]]:
        """Items citing each guideline, read from the (guideline, issue) index of citations."""
        citations = Citation.objects.order_by()
        if qs.query.where:  # any condition at all: count only the matching items
            citations = citations.filter(issue_id__in=qs.values("id"))
        slugs = dict(Guideline.objects.values_list("id", "slug"))
        return [(slugs[gid], n) for gid, n in
                citations.values_list("guideline_id").annotate(n=Count("issue_id", distinct=True))]

"""GET /api/v1/search/: the search page's search as JSON, with its total, facet counts and a page of items.

The query string goes through the search page's FilterSet, so the same
parameters mean the same thing and the same mistakes get the same messages
(400). The API adds `per_page` (1 to 100). Paging through every match is
stable with `sort=newest` or `sort=oldest`: decision date, then item id.
"""

from __future__ import annotations

from dataclasses import replace

from django.http import QueryDict
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from imr_archive.api.errors import error_response
from imr_archive.api.parameters import PagingForm, search_parameters
from imr_archive.api.serializers import SearchHitSerializer
from imr_archive.search import service
from imr_archive.search.query import FACETS, SearchQuery
from imr_archive.web.filters import SearchFilterSet
from imr_archive.web.links import PAGE_PARAM, page_count
from imr_archive.web.results import result_rows
from imr_archive.web.views import form_errors


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField(help_text="A value of the facet, as its search parameter takes it.")
    count = serializers.IntegerField(help_text="Matching items with this value (other facets' filters applied).")


class FacetsSerializer(serializers.Serializer):
    """Counts over every match; each facet ignores its own filter, so a user can widen a choice."""

    outcome = FacetValueSerializer(many=True, required=False)
    category = FacetValueSerializer(many=True, required=False)
    guideline = FacetValueSerializer(many=True, required=False)
    specialty = FacetValueSerializer(many=True, required=False)
    year = FacetValueSerializer(many=True, required=False)


class SearchAnswerSerializer(serializers.Serializer):
    total = serializers.IntegerField(help_text="Items matching the search.")
    page = serializers.IntegerField(help_text="This results page, from 1.")
    pages = serializers.IntegerField(help_text="Results pages in all.")
    per_page = serializers.IntegerField()
    next = serializers.URLField(allow_null=True, help_text="The next results page; null on the last.")
    previous = serializers.URLField(allow_null=True, help_text="The previous results page; null on the first.")
    notes = serializers.ListField(child=serializers.CharField(), help_text="How the words were read, when it matters.")
    facets = FacetsSerializer()
    results = SearchHitSerializer(many=True)


def read_search(params: QueryDict) -> tuple[SearchQuery | None, list[str]]:
    """The validated search of a query string, or the messages saying what is wrong with it."""
    filterset, paging = SearchFilterSet(params), PagingForm(params)
    errors: list[str] = []
    if not filterset.is_valid():
        errors += form_errors(filterset.form)
    if not paging.is_valid():
        errors += form_errors(paging)
    if errors:
        return None, list(dict.fromkeys(errors))
    query = filterset.search_query()
    return replace(query, per_page=paging.cleaned_data["per_page"] or query.per_page), []


def _page_link(request: Request, number: int) -> str:
    params = request.query_params.copy()
    params[PAGE_PARAM] = str(number)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


class SearchView(APIView):
    @extend_schema(
        operation_id="search",
        summary="Search the items",
        description=__doc__,
        parameters=search_parameters(),
        responses={
            200: SearchAnswerSerializer,
            400: OpenApiResponse(description="A parameter is not valid: `errors` says which and why."),
            404: OpenApiResponse(description="The results page is past the last one."),
        },
    )
    def get(self, request: Request) -> Response:
        query, errors = read_search(request.query_params)
        if query is None:
            return error_response(400, "This search cannot be run.", errors)
        results = service.search(query)
        pages = page_count(results.total, query.per_page)
        if query.page_number > pages:
            return error_response(404, f"Results page {query.page_number} does not exist: this search has "
                                       f"{pages} page{'s' if pages > 1 else ''}.")
        rows = result_rows(results.hits)
        for row in rows:
            row.issue.snippet = row.snippet
        answer = {
            "total": results.total,
            "page": query.page_number,
            "pages": pages,
            "per_page": query.per_page,
            "next": _page_link(request, query.page_number + 1) if query.page_number < pages else None,
            "previous": _page_link(request, query.page_number - 1) if query.page_number > 1 else None,
            "notes": results.notes,
            "facets": {facet: [{"value": value, "count": count} for value, count in results.facets[facet]]
                       for facet in FACETS if facet in results.facets},
            "results": [row.issue for row in rows],
        }
        return Response(SearchAnswerSerializer(answer, context={"request": request}).data)

"""GET /api/v1/export.csv and /api/v1/export.json: every match of a search, as a file.

The parameters are the search page's (its FilterSet); every match is
exported in the search's order, not a page of them, up to
IMR_EXPORT_MAX_ITEMS (100,000): a larger search answers 400 saying how to
narrow it. The item ids come from the search service at once (no loop over
the matches here), the rows from the database a chunk at a time as the
response is sent (exports.py), so a worker's memory does not grow with the
export. Errors are JSON whatever the client accepts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from django.conf import settings
from django.db import router
from django.http import StreamingHttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from imr_archive.api.errors import error_response
from imr_archive.api.exports import COLUMNS, csv_lines, export_rows, json_chunks
from imr_archive.api.parameters import export_parameters
from imr_archive.letters.models import Issue, Letter
from imr_archive.search import service
from imr_archive.web.filters import SearchFilterSet
from imr_archive.web.views import form_errors


def too_large(cap: int) -> str:
    return (f"This search matches more than {cap:,} items, the most one export holds. Narrow it (by decision "
            f"year, or decision_after and decision_before) and export each part, or page through it with "
            f"/api/v1/search/?sort=newest&per_page=100.")


class ErrorsAsJson(BaseContentNegotiation):
    """The address says the file's format; an error is JSON whatever the client's Accept header says."""

    def select_parser(self, request, parsers):
        return parsers[0]

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class CitedGuidelineSerializer(serializers.Serializer):
    guideline = serializers.CharField()
    slug = serializers.SlugField()
    edition = serializers.CharField()
    chapter = serializers.CharField()
    section = serializers.CharField()
    pages = serializers.ListField(child=serializers.IntegerField())


class ExportRowSerializer(serializers.Serializer):
    """One item of a JSON export (the CSV has the same columns, in this order)."""

    case_number = serializers.CharField(help_text="Empty for a letter without one.")
    permalink = serializers.URLField(help_text="The item on its letter's page (#item-N).")
    decision_date = serializers.DateField(allow_null=True)
    item_number = serializers.IntegerField()
    treatment = serializers.CharField()
    category = serializers.ChoiceField(choices=Issue.CATEGORY_CHOICES)
    outcome = serializers.ChoiceField(choices=Issue.OUTCOME_CHOICES)
    outcome_stated = serializers.BooleanField()
    guidelines_cited = CitedGuidelineSerializer(many=True, help_text="One per guideline and chapter cited.")
    reviewer_specialty = serializers.CharField()
    patient_age = serializers.IntegerField(allow_null=True)
    patient_sex = serializers.CharField()
    injury_date = serializers.DateField(allow_null=True)


class ExportView(APIView):
    content_negotiation_class = ErrorsAsJson
    extension = ""
    content_type = ""
    write: Callable[[Iterable[dict]], Iterator[str]]  # the rows as the file's text, a piece at a time

    def get(self, request: Request) -> Response | StreamingHttpResponse:
        filterset = SearchFilterSet(request.query_params)
        if not filterset.is_valid():
            return error_response(400, "This search cannot be run.", form_errors(filterset.form))
        cap = settings.IMR_EXPORT_MAX_ITEMS
        ids = service.matching_ids(filterset.search_query(), limit=cap + 1)
        if len(ids) > cap:
            return error_response(400, too_large(cap))
        site = request.build_absolute_uri("/").removesuffix("/")
        # The rows are read after the view returns, outside the request's routing: name the database now.
        rows = export_rows(ids, site, using=router.db_for_read(Letter))
        response = StreamingHttpResponse(self.write(rows), content_type=self.content_type)
        response["Content-Disposition"] = (f'attachment; filename="imr-archive-{timezone.localdate().isoformat()}'
                                           f'.{self.extension}"')
        return response


BAD_SEARCH = OpenApiResponse(description="A parameter is not valid, or the search matches more items than an "
                                         "export holds: `detail` says how to narrow it.")


class CsvExportView(ExportView):
    extension = "csv"
    content_type = "text/csv; charset=utf-8"
    write = staticmethod(csv_lines)

    @extend_schema(operation_id="export_csv", tags=["exports"], summary="Every match of a search, as CSV",
                   description=__doc__, parameters=export_parameters(),
                   responses={(200, "text/csv"): OpenApiResponse(
                       OpenApiTypes.STR, description="UTF-8 with a byte-order mark; a header row, then an item a "
                                                     "row. Columns: " + ", ".join(h for _, h in COLUMNS) + "."),
                              400: BAD_SEARCH})
    def get(self, request: Request) -> Response | StreamingHttpResponse:
        return super().get(request)


class JsonExportView(ExportView):
    extension = "json"
    content_type = "application/json"
    write = staticmethod(json_chunks)

    @extend_schema(operation_id="export_json", tags=["exports"], summary="Every match of a search, as JSON",
                   description=__doc__, parameters=export_parameters(),
                   responses={(200, "application/json"): ExportRowSerializer(many=True), 400: BAD_SEARCH})
    def get(self, request: Request) -> Response | StreamingHttpResponse:
        return super().get(request)

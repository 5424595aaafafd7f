"""Staff only, with a token: POST /api/v1/letters/ uploads letter files, GET /api/v1/uploads/{id}/ reports on them.

The files go through the upload pages' own path (imr_archive/uploads): the
same limits and refusals, then the ingest service, file by file, off the
request. The answer is 202 with the upload's report so far; its `links.api`
is polled until `status` is "done".
"""

from __future__ import annotations

from django.http import Http404
from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import IsAdminUser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from imr_archive.api.errors import error_response
from imr_archive.uploads.forms import UploadForm
from imr_archive.uploads.handlers import refused_size
from imr_archive.uploads.intake import receive_upload
from imr_archive.uploads.models import UploadBatch, UploadedFile, outcome_counts
from imr_archive.uploads.processing import schedule
from imr_archive.web.views import form_errors

STAFF_ONLY = "Staff only: send `Authorization: Token <key>` (manage.py drf_create_token <user>)."


class UploadCountsSerializer(serializers.Serializer):
    total = serializers.IntegerField(help_text="Files in the upload (a zip counts as its members).")
    done = serializers.IntegerField(help_text="Files with their outcome.")
    new = serializers.IntegerField()
    unchanged = serializers.IntegerField(help_text="Already in the archive.")
    replaced = serializers.IntegerField(help_text="Replaced an earlier version of the same case.")
    with_warnings = serializers.IntegerField(help_text="Stored, with parts the parser could not read.")
    failed = serializers.IntegerField()


class UploadedFileSerializer(serializers.Serializer):
    position = serializers.IntegerField(help_text="Order of the file in the upload, from 1.")
    name = serializers.CharField(help_text="File name as uploaded, or the member's path in its zip.")
    archive = serializers.CharField(help_text="The zip the file came from; empty for a file uploaded on its own.")
    size = serializers.IntegerField(allow_null=True)
    status = serializers.ChoiceField(choices=UploadedFile.STATUS_CHOICES)
    reason = serializers.CharField(help_text="Why the file failed, in one line.")
    warnings = serializers.ListField(child=serializers.CharField())
    letter = serializers.SerializerMethodField(help_text="The letter's permalink, once stored or matched.")

    def get_letter(self, row: UploadedFile) -> str | None:
        return self.context["request"].build_absolute_uri(row.letter.get_absolute_url()) if row.letter else None


class UploadSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=UploadBatch.STATUS_CHOICES)
    created = serializers.DateTimeField()
    started = serializers.DateTimeField(allow_null=True)
    finished = serializers.DateTimeField(allow_null=True)
    counts = UploadCountsSerializer()
    files = UploadedFileSerializer(many=True, source="files_in_order")
    api = serializers.SerializerMethodField(help_text="This report in the API.")

    def get_api(self, batch: UploadBatch) -> str:
        return self.context["request"].build_absolute_uri(reverse("api:upload", args=[batch.pk]))


def report(request: Request, batch: UploadBatch) -> dict:
    files = batch.files.select_related("letter").only(
        "batch_id", "position", "name", "archive", "size", "status", "reason", "warnings",
        "letter__case_number", "letter__permalink").order_by("position")
    batch.counts = batch.files.aggregate(**outcome_counts())
    batch.files_in_order = list(files)
    return UploadSerializer(batch, context={"request": request}).data


class FilesSerializer(serializers.Serializer):
    files = serializers.ListField(child=serializers.FileField(), help_text=".txt, .pdf or .zip files; several at once.")


class LetterUploadView(APIView):
    permission_classes = [IsAdminUser]
    parser_classes = [MultiPartParser]

    @extend_schema(operation_id="upload_letters", summary="Upload letter files (staff)", description=__doc__,
                   request={"multipart/form-data": FilesSerializer},
                   responses={202: UploadSerializer,
                              400: OpenApiResponse(description="No file, or the upload is over the size limit."),
                              401: OpenApiResponse(description=STAFF_ONLY),
                              403: OpenApiResponse(description=STAFF_ONLY)})
    def post(self, request: Request) -> Response:
        form = UploadForm(request.POST, request.FILES, refused_bytes=refused_size(request))
        if not form.is_valid():
            return error_response(400, "The upload was refused.", form_errors(form))
        batch = receive_upload(request.user, form.cleaned_data["files"])
        schedule(batch.pk)
        batch.refresh_from_db()
        answer = report(request, batch)
        return Response(answer, status=202, headers={"Location": answer["api"]})


class UploadView(APIView):
    permission_classes = [IsAdminUser]

    @extend_schema(operation_id="upload", summary="An upload's report (staff)",
                   responses={200: UploadSerializer, 401: OpenApiResponse(description=STAFF_ONLY),
                              403: OpenApiResponse(description=STAFF_ONLY),
                              404: OpenApiResponse(description="No upload has this id.")})
    def get(self, request: Request, pk: int) -> Response:
        batch = UploadBatch.objects.filter(pk=pk).first()
        if batch is None:
            raise Http404(f"No upload has the id {pk}.")
        return Response(report(request, batch))

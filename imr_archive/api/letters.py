"""GET /api/v1/letters/{permalink}/ and /api/v1/items/{id}/: a letter with everything read from it, an item."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from imr_archive.api.permalinks import find_letter, letters_with_items
from imr_archive.api.serializers import ItemDetailSerializer, LetterSerializer
from imr_archive.letters.models import Citation, Issue

NOT_FOUND = OpenApiResponse(description="No such letter or item.")
PERMALINK = OpenApiParameter(
    "permalink", str, OpenApiParameter.PATH,
    description="The last part of the letter's permalink: its case number (CM14-0203117, any letter case), "
                "or, for a letter without one, its 16-hex-digit key (/letter/<key>/).")


class LetterView(APIView):
    @extend_schema(operation_id="letter", summary="A letter", parameters=[PERMALINK],
                   responses={200: LetterSerializer, 404: NOT_FOUND},
                   description="Every field read from the letter, its items with their citations, its records "
                               "reviewed when listed, its text, and links.")
    def get(self, request: Request, permalink: str) -> Response:
        letter = find_letter(permalink, letters_with_items())
        if letter is None:
            raise Http404(f"No letter has the permalink {permalink}.")
        return Response(LetterSerializer(letter, context={"request": request}).data)


class ItemView(APIView):
    @extend_schema(operation_id="item", summary="An item", responses={200: ItemDetailSerializer, 404: NOT_FOUND},
                   description="One disputed item: its outcome, citations, rationale and its letter's fields. The id "
                               "is the database's: keep `links.page` (the letter's permalink, #item-N) instead.")
    def get(self, request: Request, pk: int) -> Response:
        citations = Citation.objects.select_related("guideline")
        issue = (Issue.objects.select_related("letter").defer("letter__text")
                 .prefetch_related(Prefetch("citations", queryset=citations)).filter(pk=pk).first())
        if issue is None:
            raise Http404(f"No item has the id {pk}.")
        return Response(ItemDetailSerializer(issue, context={"request": request}).data)

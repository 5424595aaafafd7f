"""GET /api/v1/guidelines/, /guidelines/{slug}/ and /guidelines/{slug}/pages/{page}/: how often each
guideline, chapter and page is cited, and how the items citing it came out.

An item counts once per guideline, chapter or page however many of its
citations name it; a page inside a cited range (98-99) counts as cited.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from imr_archive.api.serializers import GuidelineSerializer
from imr_archive.letters.models import Guideline
from imr_archive.web import stats
from imr_archive.web.views import guideline_by_slug

NOT_FOUND = OpenApiResponse(description="No guideline has this slug.")


class SplitSerializer(serializers.Serializer):
    """Items by outcome."""

    upheld = serializers.IntegerField()
    overturned = serializers.IntegerField()
    partial = serializers.IntegerField()
    unknown = serializers.IntegerField(help_text="Items whose outcome the parser could not read.")


class GuidelineLinksSerializer(serializers.Serializer):
    api = serializers.URLField()
    page = serializers.URLField(help_text="The guideline's page on the site.")
    search = serializers.URLField(help_text="The API's search of every item citing it.")


class GuidelineCountsSerializer(GuidelineSerializer):
    citations = serializers.IntegerField(help_text="Citations of the guideline.")
    items = serializers.IntegerField(help_text="Items citing it.")
    split = SplitSerializer()
    links = GuidelineLinksSerializer()


class PageLinksSerializer(serializers.Serializer):
    api = serializers.URLField()
    page = serializers.URLField(help_text="The site's page of every item citing it.")
    search = serializers.URLField(help_text="The API's search of every item citing it.")
    feed = serializers.URLField(help_text="Atom feed of the newest items citing it.")


class PageCountSerializer(serializers.Serializer):
    page = serializers.IntegerField()
    items = serializers.IntegerField(help_text="Items citing the page.")
    split = SplitSerializer()
    links = PageLinksSerializer()


class ChapterCountSerializer(serializers.Serializer):
    chapter = serializers.CharField(help_text="Chapter number or topic as written in the letters.")
    items = serializers.IntegerField()
    split = SplitSerializer()


class GuidelineDetailSerializer(GuidelineCountsSerializer):
    pages = PageCountSerializer(many=True, help_text="Every cited page, by number.")
    chapters = ChapterCountSerializer(many=True, help_text=f"The {stats.MAX_CHAPTERS} most cited chapters.")


class GuidelinePageSerializer(PageCountSerializer):
    guideline = GuidelineSerializer()


def _absolute(request: Request, path: str, **params) -> str:
    return request.build_absolute_uri(f"{path}?{urlencode(params, doseq=True)}" if params else path)


def _guideline(request: Request, info, citations: int, row: stats.CountedRow | None) -> dict:
    return {
        "slug": info.slug, "name": info.name, "short_name": info.short_name,
        "citations": citations, "items": row.items if row else 0, "split": row.split if row else stats.OutcomeSplit(),
        "links": {
            "api": _absolute(request, reverse("api:guideline", args=[info.slug])),
            "page": _absolute(request, reverse("web:guideline", args=[info.slug])),
            "search": _absolute(request, reverse("api:search"), guideline=info.slug),
        },
    }


def _page(request: Request, guideline: Guideline, row: stats.CountedRow) -> dict:
    return {
        "page": row.key, "items": row.items, "split": row.split,
        "links": {
            "api": _absolute(request, reverse("api:guideline_page", args=[guideline.slug, row.key])),
            "page": _absolute(request, reverse("web:guideline_page", args=[guideline.slug, row.key])),
            "search": _absolute(request, reverse("api:search"), guideline=guideline.slug, page=row.key),
            "feed": _absolute(request, reverse("api:feed"), guideline=guideline.slug, page=row.key),
        },
    }


class GuidelinesView(APIView):
    @extend_schema(operation_id="guidelines", summary="Every guideline with its counts",
                   responses={200: GuidelineCountsSerializer(many=True)})
    def get(self, request: Request) -> Response:
        splits = stats.guideline_splits()
        answer = [_guideline(request, g, g.citations, splits.get(g.slug)) for g in stats.guideline_index()]
        return Response(GuidelineCountsSerializer(answer, many=True).data)


class GuidelineView(APIView):
    @extend_schema(operation_id="guideline", summary="A guideline, its cited pages and chapters",
                   responses={200: GuidelineDetailSerializer, 404: NOT_FOUND})
    def get(self, request: Request, slug: str) -> Response:
        guideline = guideline_by_slug(slug)
        cited = guideline.pk is not None
        totals = stats.guideline_totals(guideline) if cited else None
        citations = guideline.citations.count() if cited else 0
        answer = {
            **_guideline(request, guideline, citations, totals),
            "pages": [_page(request, guideline, row) for row in stats.guideline_pages(guideline)] if cited else [],
            "chapters": [{"chapter": row.key, "items": row.items, "split": row.split}
                         for row in stats.guideline_chapters(guideline)] if cited else [],
        }
        return Response(GuidelineDetailSerializer(answer).data)


class GuidelinePageView(APIView):
    @extend_schema(operation_id="guideline_page", summary="One page of a guideline: the items citing it",
                   responses={200: GuidelinePageSerializer, 404: NOT_FOUND})
    def get(self, request: Request, slug: str, page: int) -> Response:
        guideline = guideline_by_slug(slug)
        row = stats.guideline_page(guideline, page) if guideline.pk else stats.CountedRow(page, 0, stats.OutcomeSplit())
        answer = {**_page(request, guideline, row), "guideline": guideline}
        return Response(GuidelinePageSerializer(answer).data)

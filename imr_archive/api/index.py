"""GET /api/ and /api/v1/: where everything is (the schema has the details)."""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView


@extend_schema(exclude=True)
class ApiIndexView(APIView):
    def get(self, request: Request) -> Response:
        links = {name: request.build_absolute_uri(reverse(f"api:{name}"))
                 for name in ("docs", "schema", "search", "guidelines", "feed")}
        letters = request.build_absolute_uri(reverse("api:letters"))
        items = links["search"].replace("/search/", "/items/")
        return Response({"version": "1", **links, "letter": f"{letters}{{permalink}}/", "item": f"{items}{{id}}/"})

"""Addresses of the API (/api/), its schema and docs, and of the feeds (/feed/).

Ids and page numbers in paths are bounded by their converters: a number no
row can have is an unknown address (404), never a database error.
"""

from django.urls import path, register_converter
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from imr_archive.api import export_views, feeds, guidelines, index, letters, search, uploads


class RowId:
    """A database id: up to 18 digits, within a 64-bit integer."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


class PageNumber(RowId):
    """A guideline page: from 1, up to 9 digits."""

    regex = "[1-9][0-9]{0,8}"


register_converter(RowId, "row_id")
register_converter(PageNumber, "page_number")

app_name = "api"

urlpatterns = [
    path("api/", index.ApiIndexView.as_view(), name="index"),
    path("api/v1/", index.ApiIndexView.as_view(), name="index_v1"),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("api/v1/search/", search.SearchView.as_view(), name="search"),
    path("api/v1/export.csv", export_views.CsvExportView.as_view(), name="export_csv"),
    path("api/v1/export.json", export_views.JsonExportView.as_view(), name="export_json"),
    path("api/v1/items/<row_id:pk>/", letters.ItemView.as_view(), name="item"),
    path("api/v1/letters/", uploads.LetterUploadView.as_view(), name="letters"),
    path("api/v1/letters/<str:permalink>/", letters.LetterView.as_view(), name="letter"),
    path("api/v1/guidelines/", guidelines.GuidelinesView.as_view(), name="guidelines"),
    path("api/v1/guidelines/<slug:slug>/", guidelines.GuidelineView.as_view(), name="guideline"),
    path("api/v1/guidelines/<slug:slug>/pages/<page_number:page>/", guidelines.GuidelinePageView.as_view(),
         name="guideline_page"),
    path("api/v1/uploads/<row_id:pk>/", uploads.UploadView.as_view(), name="upload"),
    path("feed/", feeds.search_feed, name="feed"),
]

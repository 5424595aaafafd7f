from django.urls import path, register_converter

from imr_archive.web import views


class CaseNumberConverter:
    """A case number or permalink as the path may hold one: any text but a slash or a NUL byte (which names no
    letter)."""

    regex = "[^/\x00]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(CaseNumberConverter, "case_number")

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("letters/<int:pk>/", views.letter, name="letter"),
    path("letters/<int:pk>/original/", views.original, name="original"),
    path("case/<case_number:case_number>/", views.letter_by_case, name="letter_by_case"),
    path("letter/<case_number:permalink>/", views.letter_by_permalink, name="letter_by_permalink"),
    path("guidelines/", views.guidelines, name="guidelines"),
    path("guidelines/<slug:slug>/", views.guideline, name="guideline"),
    path("guidelines/<slug:slug>/page/<int:page>/", views.guideline_page, name="guideline_page"),
]

from django.urls import path

from imr_archive.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("letters/<int:pk>/", views.letter, name="letter"),
    path("letters/<int:pk>/original/", views.original, name="original"),
    path("case/<str:case_number>/", views.letter_by_case, name="letter_by_case"),
    path("letter/<str:permalink>/", views.letter_by_permalink, name="letter_by_permalink"),
    path("guidelines/", views.guidelines, name="guidelines"),
    path("guidelines/<slug:slug>/", views.guideline, name="guideline"),
    path("guidelines/<slug:slug>/page/<int:page>/", views.guideline_page, name="guideline_page"),
]

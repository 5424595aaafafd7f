from django.urls import path

from imr_archive.analytics import views

app_name = "analytics"

urlpatterns = [
    path("analytics/", views.analytics, name="analytics"),
    path("analytics/<slug:name>.csv", views.breakdown_csv, name="csv"),
]

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("upload/", include("imr_archive.uploads.urls")),
    path("", include("imr_archive.web.urls")),
]

from django.contrib import admin
from django.urls import include, path

# A request that fails while the database is down is answered 503, not 500 (imr_archive/web/errors.py).
handler500 = "imr_archive.web.errors.server_error"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("upload/", include("imr_archive.uploads.urls")),
    path("", include("imr_archive.web.urls")),
]

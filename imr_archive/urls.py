from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView


class Favicon(RedirectView):
    """/favicon.ico, which browsers ask for on every page not naming an icon: the static file's address."""

    permanent = True

    def get_redirect_url(self, *args, **kwargs) -> str:
        return static("favicon.ico")


urlpatterns = [
    path("favicon.ico", Favicon.as_view()),
    path("admin/", admin.site.urls),
    path("upload/", include("imr_archive.uploads.urls")),
    path("", include("imr_archive.api.urls")),  # /api/ and /feed/
    path("", include("imr_archive.analytics.urls")),  # /analytics/
    path("", include("imr_archive.web.urls")),
]

# Under /api/ errors answer in JSON (imr_archive/api/errors.py); elsewhere the site's pages. A request that
# fails while the database is down is answered 503, not 500 (imr_archive/web/errors.py).
handler400 = "imr_archive.api.errors.bad_request"
handler403 = "imr_archive.api.errors.permission_denied"
handler404 = "imr_archive.api.errors.page_not_found"
handler500 = "imr_archive.api.errors.server_error"

"""Refuse a request body larger than its page accepts before anything reads it.

Only the upload page takes files. Every other page takes at most a form's
fields (DATA_UPLOAD_MAX_MEMORY_SIZE, plus room for a multipart form's
headers), yet Django's CSRF check parses any POST, writing its files to
temporary files, before a view can say it takes none. This middleware, first
of all, answers a larger body with 413 from its declared length, reading
none of it. The upload page's own limit is the upload handler's
(uploads/handlers.py), which shows it on the page.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse

from imr_archive.api.errors import API_PREFIX, error_body
from imr_archive.uploads.archives import megabytes
from imr_archive.uploads.handlers import FORM_OVERHEAD_BYTES


def accepted_bytes(path: str) -> int | None:
    """The largest body the page at `path` takes; None for the upload page and the API's upload, which
    refuse on their own."""
    if path in (reverse("uploads:upload"), reverse("api:letters")):
        return None
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE + FORM_OVERHEAD_BYTES


def declared_length(request: HttpRequest) -> int:
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


class BodyLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = accepted_bytes(request.path_info)
        length = declared_length(request)
        if limit is not None and length > limit:
            size, most = megabytes(length), megabytes(limit)
            if request.path_info.startswith(API_PREFIX):
                response = JsonResponse(error_body(413, f"The request body ({size}) is larger than the {most} "
                                                        "this address takes."), status=413)
            else:
                response = HttpResponse(render_to_string("413.html", {"size": size, "limit": most}), status=413)
            response["Connection"] = "close"  # the body is never read: the connection cannot carry another request
            return response
        return self.get_response(request)

"""Every error of the API is JSON: {"status": 404, "detail": "one line", "errors": ["...", ...]}.

`exception_handler` shapes what the API's views raise (REST framework's
settings name it). Django's own error views answer what never reaches a view
(an unknown address, a request refused before routing, a crash): under /api/
they answer in the same JSON, elsewhere with the site's pages.
"""

from __future__ import annotations

import sys

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as rest_exception_handler

from imr_archive.web import errors as site_errors

API_PREFIX = "/api/"


def error_body(status: int, detail: str, errors: list[str] | None = None) -> dict:
    body: dict = {"status": status, "detail": detail}
    if errors:
        body["errors"] = errors
    return body


def _messages(detail, prefix: str = "") -> list[str]:
    """A validation error's details (nested lists and dicts of fields) as one sentence per message."""
    if isinstance(detail, dict):
        return [m for name, value in detail.items() for m in _messages(value, f"{prefix}{name}: ")]
    if isinstance(detail, list):
        return [m for value in detail for m in _messages(value, prefix)]
    return [f"{prefix}{detail}"]


def exception_handler(exc: Exception, context: dict) -> Response | None:
    response = rest_exception_handler(exc, context)
    if response is None:  # not an API error: a crash, answered by server_error below
        return None
    data = response.data
    if isinstance(exc, exceptions.ValidationError) or not isinstance(data, dict) or set(data) != {"detail"}:
        response.data = error_body(response.status_code, "The request is not valid.", _messages(data))
    else:
        response.data = error_body(response.status_code, str(data["detail"]))
    return response


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _is_api(request):
        return JsonResponse(error_body(400, "The request could not be read."), status=400)
    return defaults.bad_request(request, exception)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _is_api(request):
        return JsonResponse(error_body(403, "You may not do this."), status=403)
    return defaults.permission_denied(request, exception)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _is_api(request):
        return JsonResponse(error_body(404, f"Nothing is at {request.path}: see /api/docs/."), status=404)
    return defaults.page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    if not _is_api(request):
        return site_errors.server_error(request)
    if site_errors.database_unreachable(sys.exception()):
        seconds = site_errors.RETRY_AFTER_SECONDS
        response = JsonResponse(error_body(503, f"The archive is briefly unavailable: try again in {seconds} s."),
                                status=503)
        response["Retry-After"] = str(seconds)
        return response
    return JsonResponse(error_body(500, "The server failed to answer; the error is logged."), status=500)


def error_response(status: int, detail: str, errors: list[str] | None = None) -> Response:
    """An error a view answers itself (the search's form errors, a page past the last)."""
    return Response(error_body(status, detail, errors), status=status)

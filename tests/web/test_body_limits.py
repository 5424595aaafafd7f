"""A body larger than a page takes is refused at once with 413, read by nothing; the upload page keeps its own
limit and message."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/search/", "/admin/login/", "/case/CM14-0203117/", "/nowhere/"])
def test_a_body_larger_than_a_form_is_refused_before_it_is_read(path, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    client = Client(enforce_csrf_checks=True)
    body = b"q=" + b"a" * (2 * 1024 * 1024)
    response = client.post(path, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413
    assert "This request comes to 2.0 MB; this page accepts at most 1.0 MB." in response.content.decode()


def test_a_form_within_the_limit_goes_through(admin_user):
    client = Client()
    response = client.post("/admin/login/", {"username": "admin", "password": "password"})
    assert response.status_code == 302


def test_the_api_refuses_a_large_body_in_json(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = Client().post("/api/v1/search/", b"q=" + b"a" * (2 * 1024 * 1024),
                             content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413
    assert response.json()["detail"] == "The request body (2.0 MB) is larger than the 1.0 MB this address takes."


def test_the_apis_upload_is_left_to_its_own_limit(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = Client().post("/api/v1/letters/", b"x" * (2 * 1024 * 1024), content_type="application/octet-stream")
    assert response.status_code in (401, 403)  # refused for want of a token, not for its size

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

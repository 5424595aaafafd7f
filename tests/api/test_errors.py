"""Every error of the API is JSON with a one-line reason: unknown addresses, wrong methods, limits, crashes."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client
from rest_framework.authtoken.models import Token

from imr_archive.api import search as search_view

pytestmark = pytest.mark.django_db


def assert_json_error(response, status: int) -> dict:
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == status and body["detail"]
    return body


def test_an_unknown_api_address_is_json_but_the_sites_pages_stay_html(client):
    assert_json_error(client.get("/api/v1/nothing-here/"), 404)
    assert_json_error(client.get("/api/v1/items/123456789012345678901234567890/"), 404)  # no row has such an id
    page = client.get("/nothing-here/")
    assert page.status_code == 404 and page["Content-Type"].startswith("text/html")


def test_a_wrong_method_is_405_with_the_allowed_ones(client):
    response = client.post("/api/v1/search/")
    assert_json_error(response, 405)
    assert "GET" in response["Allow"]
    assert_json_error(client.delete("/api/v1/guidelines/"), 405)


def test_a_format_the_api_cannot_give_is_406(client):
    assert_json_error(client.get("/api/v1/guidelines/", HTTP_ACCEPT="text/html"), 406)


def test_a_request_for_another_host_is_400_in_json(client):
    assert_json_error(client.get("/api/v1/guidelines/", HTTP_HOST="elsewhere.example"), 400)


def test_a_crash_is_500_in_json(monkeypatch):
    def broken(query):
        raise RuntimeError("the engine fell over")

    monkeypatch.setattr(search_view.service, "search", broken)
    response = Client(raise_request_exception=False).get("/api/v1/search/")
    body = assert_json_error(response, 500)
    assert "engine" not in body["detail"]  # the reason is logged, not shown


def test_anonymous_reads_are_throttled_with_retry_after(client, settings):
    settings.IMR_API_ANON_RATE = "3/minute"
    cache.clear()
    assert [client.get("/api/v1/guidelines/").status_code for _ in range(3)] == [200, 200, 200]
    response = client.get("/api/v1/guidelines/")
    body = assert_json_error(response, 429)
    assert 0 < int(response["Retry-After"]) <= 60
    assert "throttled" in body["detail"]


def test_a_token_holder_gets_the_higher_rate(client, settings, django_user_model):
    settings.IMR_API_ANON_RATE, settings.IMR_API_USER_RATE = "2/minute", "5/minute"
    cache.clear()
    token = Token.objects.create(user=django_user_model.objects.create_user("analyst"))
    signed = Client(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert [signed.get("/api/v1/guidelines/").status_code for _ in range(6)] == [200] * 5 + [429]
    assert [client.get("/api/v1/guidelines/").status_code for _ in range(3)] == [200, 200, 429]


def test_a_bad_token_is_401(client):
    assert_json_error(client.get("/api/v1/guidelines/", HTTP_AUTHORIZATION="Token not-a-token"), 401)

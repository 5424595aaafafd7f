"""Every API endpoint against its OpenAPI schema, with schemathesis: no 5xx, and every response (status,
content type, headers, body) as the schema says.

Requests go to the WSGI application in this process, over the seed archive,
once anonymous and once as staff with a token. IMR_API_FUZZ_EXAMPLES sets the
examples per endpoint (a CI-sized default; raise it for a long run).
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

EXAMPLES = int(os.environ.get("IMR_API_FUZZ_EXAMPLES", "25"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance]


@pytest.fixture
def api_schema(archive, settings):
    """The schema the running site serves, its requests answered by the site itself in this test's transaction.

    Django closes a request's database connection when the request ends; here the request shares the test's
    connection (and its transaction), so, as Django's test client does, that is turned off meanwhile.
    """
    settings.IMR_UPLOAD_PROCESS_INLINE = True
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/schema/", WSGIHandler())
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


# Every operation of the schema (a test below checks the list is complete).
OPERATIONS = [
    ("GET", "/api/v1/search/"),
    ("GET", "/api/v1/export.csv"),
    ("GET", "/api/v1/export.json"),
    ("GET", "/api/v1/items/{id}/"),
    ("GET", "/api/v1/letters/{permalink}/"),
    ("POST", "/api/v1/letters/"),
    ("GET", "/api/v1/guidelines/"),
    ("GET", "/api/v1/guidelines/{slug}/"),
    ("GET", "/api/v1/guidelines/{slug}/pages/{page}/"),
    ("GET", "/api/v1/uploads/{id}/"),
]
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@pytest.fixture
def staff_token(django_user_model) -> str:
    staff = django_user_model.objects.create_user("fuzz-staff", is_staff=True)
    return Token.objects.create(user=staff).key


def test_the_list_holds_every_operation_of_the_schema(api_schema):
    found = {(op.ok().method.upper(), op.ok().path) for op in api_schema.get_all_operations()}
    assert found == set(OPERATIONS)


@pytest.mark.parametrize("who", ["anonymous", "staff"])
@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_every_endpoint_answers_as_documented(api_schema, staff_token, method, path, who):
    headers = {"Authorization": f"Token {staff_token}"} if who == "staff" else {}

    @FUZZ
    @given(case=api_schema[path][method].as_strategy())
    def answers_as_documented(case):
        case.call_and_validate(headers=headers, checks=CHECKS)

    answers_as_documented()

"""Staff upload letter files through the API with a token; the upload report follows each file."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from rest_framework.authtoken.models import Token

from imr_archive.letters.models import Letter
from imr_archive.uploads.models import UploadBatch
from tests.conftest import expected_parse
from tests.uploads.conftest import LETTERS, letter_file, zip_file

pytestmark = pytest.mark.django_db

UPLOAD = "/api/v1/letters/"
RECIPE = b"Pancakes\n\nMix flour, eggs and milk. Fry in butter.\n"


@pytest.fixture(autouse=True)
def quick_users(settings):
    settings.IMR_UPLOAD_PROCESS_INLINE = True  # the report is complete when the upload answers
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def token_client(django_user_model, name: str, staff: bool) -> Client:
    user = django_user_model.objects.create_user(name, is_staff=staff)
    return Client(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")


@pytest.fixture
def staff_api(django_user_model) -> Client:
    return token_client(django_user_model, "editor", staff=True)


def test_staff_upload_letters_and_read_each_files_outcome(staff_api):
    response = staff_api.post(UPLOAD, {"files": [letter_file(0), letter_file(1),
                                                 SimpleUploadedFile("recipe.txt", RECIPE)]})
    assert response.status_code == 202
    report = response.json()
    assert response["Location"] == report["api"] == f"http://testserver/api/v1/uploads/{report['id']}/"
    assert report["status"] == UploadBatch.DONE
    assert [(f["name"], f["status"]) for f in report["files"]] == [
        (LETTERS[0].name, "new"), (LETTERS[1].name, "new"), ("recipe.txt", "failed")]
    assert report["files"][2]["reason"].startswith("not an IMR determination letter")
    assert {k: report["counts"][k] for k in ("total", "done", "new", "failed")} == {
        "total": 3, "done": 3, "new": 2, "failed": 1}
    stored = Letter.objects.get(source_name=LETTERS[0].name)
    assert report["files"][0]["letter"] == f"http://testserver{stored.get_absolute_url()}"
    assert stored.case_number == expected_parse(LETTERS[0])["case_number"]

    again = staff_api.get(report["api"])
    assert again.status_code == 200 and again.json() == report


def test_a_zip_is_reported_member_by_member(staff_api):
    response = staff_api.post(UPLOAD, {"files": [zip_file("letters.zip", {"a.txt": LETTERS[2].read_bytes(),
                                                                          "b.txt": RECIPE})]})
    assert [(f["archive"], f["name"], f["status"]) for f in response.json()["files"]] == [
        ("letters.zip", "a.txt", "new"), ("letters.zip", "b.txt", "failed")]


def test_an_upload_with_no_file_or_over_the_limit_is_refused_with_the_reason(staff_api, settings):
    empty = staff_api.post(UPLOAD, {})
    assert empty.status_code == 400 and empty.json()["errors"] == ["Letter files: Choose at least one file to upload."]
    settings.IMR_UPLOAD_MAX_TOTAL_BYTES = 1000
    large = staff_api.post(UPLOAD, {"files": [letter_file(0)]})
    assert large.status_code == 400
    assert "one upload may be at most" in large.json()["errors"][0]
    assert not UploadBatch.objects.exists()


def test_only_staff_may_upload_or_read_reports(client, staff_api, django_user_model):
    batch = staff_api.post(UPLOAD, {"files": [letter_file(0)]}).json()
    reader = token_client(django_user_model, "reader", staff=False)
    for someone, status in ((client, 401), (reader, 403)):
        refused = someone.post(UPLOAD, {"files": [letter_file(1)]})
        assert refused.status_code == status and refused.json()["status"] == status
        assert someone.get(batch["api"]).status_code == status
    assert client.post(UPLOAD, {"files": [letter_file(1)]})["WWW-Authenticate"] == "Token"
    assert Letter.objects.count() == 1
    assert staff_api.get("/api/v1/uploads/999999/").status_code == 404

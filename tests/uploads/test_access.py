"""Who may use the upload pages, and CSRF on the upload form."""

from __future__ import annotations

import pytest
from django.test import Client

from imr_archive.uploads.models import UploadBatch
from tests.uploads.conftest import UPLOAD_URL, letter_file, upload

pytestmark = pytest.mark.django_db

STAFF_PAGES = [UPLOAD_URL, "/upload/history/", "/upload/review/", "/upload/1/"]


@pytest.fixture
def batch(staff) -> UploadBatch:
    return UploadBatch.objects.create(pk=1, uploaded_by=staff, status=UploadBatch.DONE)


@pytest.mark.parametrize("url", STAFF_PAGES)
def test_anonymous_visitors_are_sent_to_the_login_page(client, batch, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/login/?next={url}"


def test_an_anonymous_upload_stores_nothing(client):
    response = upload(client, letter_file(), follow=False)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert not UploadBatch.objects.exists()


@pytest.mark.parametrize("url", STAFF_PAGES)
def test_signed_in_users_who_are_not_staff_get_403(client, django_user_model, batch, url):
    client.force_login(django_user_model.objects.create_user("reader", password="pw-reader-1"))
    assert client.get(url).status_code == 403
    if url == UPLOAD_URL:
        assert upload(client, letter_file()).status_code == 403
        assert UploadBatch.objects.count() == 1


@pytest.mark.parametrize("url", STAFF_PAGES)
def test_staff_see_every_page(staff_client, batch, url):
    assert staff_client.get(url).status_code == 200


def test_the_upload_form_takes_several_files_and_carries_a_csrf_token(staff_client):
    page = staff_client.get(UPLOAD_URL).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert 'type="file" name="files"' in page and " multiple " in page
    assert 'name="csrfmiddlewaretoken"' in page


def test_a_post_without_the_csrf_token_is_refused(staff):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    response = upload(client, letter_file(), follow=False)
    assert response.status_code == 403
    assert b"CSRF" in response.content
    assert not UploadBatch.objects.exists()


def test_a_post_with_the_csrf_token_is_accepted(staff):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    client.get(UPLOAD_URL)
    token = client.cookies["csrftoken"].value
    response = client.post(UPLOAD_URL, {"files": [letter_file()], "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert UploadBatch.objects.count() == 1


def test_a_bad_page_number_is_404(staff_client):
    assert staff_client.get("/upload/history/?page=9").status_code == 404
    assert staff_client.get("/upload/review/?page=x").status_code == 404

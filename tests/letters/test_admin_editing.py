"""Values stored as JSON are edited in the admin as a person writes them: pages, lists, corrected fields."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from imr_archive.letters.models import CitedPage, Issue, Letter
from tests.admin_forms import change_form_data
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db(transaction=True)
NORCO_LETTER = SEEDS / "dev-001.txt"  # item 1, Norco: its citations name pages 76-80 and 76-80, 88-89


@pytest.fixture
def admin_client(client):
    User.objects.create_superuser("admin", "admin@example.org", "pw")
    client.login(username="admin", password="pw")
    call_command("ingest_letters", str(NORCO_LETTER), verbosity=0)
    return client


def issue_url(issue: Issue) -> str:
    return f"/admin/letters/issue/{issue.pk}/change/"


def test_cited_pages_are_shown_and_typed_as_numbers_and_ranges(admin_client):
    issue = Issue.objects.get(ordinal=1)
    page = admin_client.get(issue_url(issue)).content.decode()
    assert 'value="76-80, 88-89"' in page and "[76, 77" not in page
    data = change_form_data(admin_client.get(issue_url(issue)))
    data["citations-0-pages"] = "98, 99-101"
    assert admin_client.post(issue_url(issue), data).status_code == 302
    first = issue.citations.get(ordinal=1)
    assert first.pages == [98, 99, 100, 101]
    assert sorted(CitedPage.objects.filter(citation=first).values_list("page", flat=True)) == [98, 99, 100, 101]


@pytest.mark.parametrize("typed", ["98-", "page 98", "101-99", "0", "1-900"])
def test_pages_that_are_not_pages_are_refused_with_a_reason_and_nothing_changes(admin_client, typed):
    issue = Issue.objects.get(ordinal=1)
    data = change_form_data(admin_client.get(issue_url(issue)))
    data["citations-0-pages"] = typed
    response = admin_client.post(issue_url(issue), data)
    assert response.status_code == 200  # the form again, with its error
    assert "errorlist" in response.content.decode()
    assert issue.citations.get(ordinal=1).pages == [76, 77, 78, 79, 80]


def test_corrected_fields_are_checkboxes_and_unticking_one_forgets_the_correction(admin_client):
    issue = Issue.objects.get(ordinal=1)
    page = admin_client.get(issue_url(issue)).content.decode()
    assert 'type="checkbox" name="corrected_fields" value="outcome"' in page
    data = change_form_data(admin_client.get(issue_url(issue)))
    data["outcome"] = "overturned"
    assert admin_client.post(issue_url(issue), data).status_code == 302
    issue.refresh_from_db()
    assert issue.corrected_fields == ["outcome"]
    data = change_form_data(admin_client.get(issue_url(issue)))
    assert data["corrected_fields"] == ["outcome"]
    data["corrected_fields"] = []
    assert admin_client.post(issue_url(issue), data).status_code == 302
    issue.refresh_from_db()
    assert issue.corrected_fields == [] and issue.outcome == "overturned"


def test_a_letter_s_diagnoses_and_states_are_one_per_line(admin_client):
    letter = Letter.objects.get()
    url = f"/admin/letters/letter/{letter.pk}/change/"
    page = admin_client.get(url).content.decode()
    assert "lumbar radiculopathy\nlumbar degenerative disc disease" in page
    data = change_form_data(admin_client.get(url))
    data["diagnoses"] = "lumbar radiculopathy\n\n  chronic   pain syndrome  \n"
    assert admin_client.post(url, data).status_code == 302
    letter.refresh_from_db()
    assert letter.diagnoses == ["lumbar radiculopathy", "chronic pain syndrome"]
    assert "diagnoses" in letter.corrected_fields


def test_the_site_icon_is_at_the_address_browsers_ask_for(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("/static/favicon.ico")
    assert 'rel="icon"' in client.get("/admin/login/").content.decode()
    assert 'rel="icon"' in client.get("/").content.decode()

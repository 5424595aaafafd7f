"""The admin as a staff member uses it: every page renders, corrections survive re-parsing."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from imr_archive.letters.ingest import reparse_letter
from imr_archive.letters.models import Citation, Guideline, Issue, Letter
from tests.admin_forms import change_form_data
from tests.conftest import expected_parse, seed_letters

pytestmark = pytest.mark.django_db(transaction=True)

A_LETTER = seed_letters()[2]


@pytest.fixture
def admin_client(client):
    User.objects.create_superuser("admin", "admin@example.org", "pw")
    client.login(username="admin", password="pw")
    call_command("ingest_letters", str(A_LETTER), verbosity=0)
    return client


@pytest.mark.parametrize("model", [Letter, Issue, Citation, Guideline])
def test_every_admin_page_renders(admin_client, model):
    name = f"/admin/letters/{model._meta.model_name}/"
    assert admin_client.get(name).status_code == 200
    assert admin_client.get(f"{name}{model.objects.first().pk}/change/").status_code == 200


def test_parser_values_are_read_only_in_the_admin(admin_client):
    letter = Letter.objects.get()
    page = admin_client.get(f"/admin/letters/letter/{letter.pk}/change/")
    form = page.context["adminform"].form
    for read_only in ("sha256", "text", "parser_version", "warnings"):
        assert read_only not in form.fields


def test_a_corrected_letter_field_survives_reparsing_until_discarded(admin_client):
    letter = Letter.objects.get()
    url = f"/admin/letters/letter/{letter.pk}/change/"
    data = change_form_data(admin_client.get(url))
    data["reviewer_subspecialty"] = "Corrected by hand"
    assert admin_client.post(url, data).status_code == 302
    letter.refresh_from_db()
    assert letter.corrected_fields == ["reviewer_subspecialty"]

    reparse_letter(letter)
    letter.refresh_from_db()
    assert letter.reviewer_subspecialty == "Corrected by hand"

    reparse_letter(letter, keep_corrections=False)
    letter.refresh_from_db()
    assert letter.reviewer_subspecialty == (expected_parse(A_LETTER)["reviewer"]["subspecialty"] or "")
    assert letter.corrected_fields == []


def test_a_corrected_outcome_and_citations_survive_reparsing(admin_client):
    issue = Issue.objects.get(letter__source_name=A_LETTER.name, ordinal=1)
    url = f"/admin/letters/issue/{issue.pk}/change/"
    data = change_form_data(admin_client.get(url))
    flipped = "overturned" if issue.outcome != "overturned" else "upheld"
    data["outcome"] = flipped
    data["citations-0-DELETE"] = "on"
    assert admin_client.post(url, data).status_code == 302
    issue.refresh_from_db()
    assert set(issue.corrected_fields) == {"outcome", "citations"}
    citations_before = issue.citations.count()

    reparse_letter(issue.letter)
    issue.refresh_from_db()
    assert issue.outcome == flipped
    assert issue.citations.count() == citations_before
    assert Issue.objects.filter(letter=issue.letter).count() == len(expected_parse(A_LETTER)["issues"])


def test_the_reparse_action_of_the_letter_list(admin_client):
    Letter.objects.update(parser_version="0.0")
    letter = Letter.objects.get()
    response = admin_client.post("/admin/letters/letter/", {
        "action": "reparse_selected", "_selected_action": [letter.pk]}, follow=True)
    assert "Re-parsed 1 letter" in response.content.decode()
    letter.refresh_from_db()
    assert letter.parser_version != "0.0"


def test_a_corrected_decision_date_reaches_the_items_the_search_counts(admin_client):
    letter = Letter.objects.get()
    url = f"/admin/letters/letter/{letter.pk}/change/"
    data = change_form_data(admin_client.get(url))
    data["date_decision"] = "2019-03-04"
    data["reviewer_specialty"] = "Neurology"
    assert admin_client.post(url, data).status_code == 302
    from imr_archive.search.query import SearchQuery
    from imr_archive.search.service import search

    found = search(SearchQuery(year=(2019,), specialty=("Neurology",)))
    assert found.total == letter.issues.count()
    assert dict(found.facets["year"]) == {"2019": letter.issues.count()}

"""The letter page lists the records the reviewer saw, as the letter lists them (issue 15)."""

from __future__ import annotations

import re

import pytest

from imr_archive.letters.ingest import ingest_file
from imr_archive.letters.models import Letter
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db(transaction=True)


def _records_on_page(client, letter: Letter) -> list[str]:
    page = client.get(letter.get_absolute_url()).content.decode()
    listed = re.search(r"<ul class=\"records\"[^>]*>(.*?)</ul>", page, re.S)
    items = re.findall(r"<li>(.*?)</li>", listed.group(1), re.S) if listed else []
    return [" ".join(re.sub(r"<[^>]+>", " ", item).split()) for item in items]


def test_a_documents_reviewed_letter_shows_its_records(client):
    result = ingest_file((SEEDS / "dev-002.txt").read_bytes(), "dev-002.txt")
    letter = Letter.objects.get(id=result.letter_id)
    assert letter.records_reviewed[1] == {"text": "Utilization Review Determination dated 09/04/2013",
                                          "date": "2013-09-04"}
    shown = _records_on_page(client, letter)
    assert shown[0] == "Application for Independent Medical Review, received 09/16/2013 ( 2013-09-16 )"
    assert shown[4] == "MRI report of the cervical spine dated 11/30/2012 ( 2012-11-30 )"
    assert len(shown) == 5


def test_a_letter_without_a_list_says_so(client):
    result = ingest_file((SEEDS / "dev-001.txt").read_bytes(), "dev-001.txt")
    page = client.get(Letter.objects.get(id=result.letter_id).get_absolute_url()).content.decode()
    assert "The letter does not list them." in page

"""The engines' bulk path (rebuild_index, large syncs): each letter's items once, on an emptied index or a full one."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from imr_archive.letters.models import Letter
from imr_archive.search.query import SearchQuery
from imr_archive.search.service import search, text_index
from tests.conftest import seed_letters

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def letters(search_backend) -> list[Letter]:
    call_command("ingest_letters", *map(str, seed_letters()[:12]), verbosity=0)
    return list(Letter.objects.exclude(case_number=None).order_by("id")[:4])


def items_found(letter: Letter) -> int:
    return search(SearchQuery(q=f'case:"{letter.case_number}"')).total


@pytest.mark.parametrize("batches", [[[0, 1], [2, 3]], [[2, 3], [0, 1]]], ids=["ascending", "descending"])
def test_a_bulk_run_on_an_emptied_index_holds_each_letter_once(letters, batches):
    index = text_index()
    index.clear()
    with index.bulk() as replace:
        for batch in batches:
            replace([letters[n].id for n in batch])
    assert {letter.case_number: items_found(letter) for letter in letters} == {
        letter.case_number: letter.issues.count() for letter in letters}


def test_a_bulk_run_on_a_full_index_replaces_each_letters_items(letters):
    index = text_index()
    with index.bulk() as replace:
        replace([letter.id for letter in letters])
    assert {letter.case_number: items_found(letter) for letter in letters} == {
        letter.case_number: letter.issues.count() for letter in letters}

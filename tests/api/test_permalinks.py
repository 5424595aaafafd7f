"""Permalinks survive a rebuilt archive: they come from the letters, never from database ids."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from imr_archive.letters.ingest import reparse_letter
from imr_archive.letters.models import Letter
from tests.conftest import expected_parse, seed_letters

pytestmark = pytest.mark.django_db


def ingest(paths) -> None:
    call_command("ingest_letters", *map(str, paths), verbosity=0, stdout=StringIO())


def permalinks() -> dict[str, str]:
    return {letter.source_name: letter.get_absolute_url() for letter in Letter.objects.all()}


def ids() -> dict[str, int]:
    return dict(Letter.objects.values_list("source_name", "id"))


def test_the_seed_letters_ingested_in_another_order_keep_every_permalink(client):
    paths = seed_letters()
    ingest(paths)
    first, first_ids = permalinks(), ids()
    Letter.objects.all().delete()

    ingest(reversed(paths))

    assert ids() != first_ids  # the rebuilt archive numbered its rows anew
    assert permalinks() == first
    assert len(set(first.values())) == len(paths)
    without_case = [url for url in first.values() if url.startswith("/letter/")]
    assert without_case, "the seeds include letters without a case number"
    for url in first.values():
        assert client.get(url).status_code == 200


def test_a_reparse_that_changes_the_text_keeps_the_permalink(client):
    path = next(p for p in seed_letters() if expected_parse(p)["case_number"] is None)
    ingest([path])
    letter = Letter.objects.get()
    assert letter.case_number is None
    before = letter.get_absolute_url()
    with letter.original.open("ab") as original:
        original.write(b"\nA line added to the original after it was first stored.\n")

    reparse_letter(letter)

    letter.refresh_from_db()
    assert letter.sha256[:16] != letter.permalink  # the text's hash changed ...
    assert letter.get_absolute_url() == before  # ... its address did not
    assert client.get(before).status_code == 200

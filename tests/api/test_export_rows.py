"""Export rows, CSV and JSON, checked against the annotated letters' fields."""

from __future__ import annotations

import csv
import io
import json

import pytest

from imr_archive.api.exports import COLUMNS, csv_lines, export_rows, json_chunks
from imr_archive.api.permalinks import PermalinkPaths
from imr_archive.letters.models import Letter

HEADERS = ["Case number", "Permalink", "Decision date", "Item number", "Treatment", "Category", "Outcome",
           "Outcome stated", "Guidelines cited", "Reviewer specialty", "Patient age", "Patient sex", "Injury date"]


SITE = "https://imr.example.org"


def annotated(item) -> dict:
    """What a row must say of an annotated item (guidelines: name -> every page cited of it)."""
    letter, number = item.letter, item.letter["issues"].index(item.item) + 1
    pages: dict[str, set[int]] = {}
    for c in item.item["citations"]:
        pages.setdefault(c["guideline"], set()).update(c["pages"])
    return {
        "case_number": letter["case_number"] or "", "decision_date": letter["dates"]["decision"],
        "item_number": number, "treatment": item.item["treatment"], "category": item.item["category"],
        "outcome": item.item["outcome"], "outcome_stated": item.item["outcome_stated"],
        "guidelines": pages, "reviewer_specialty": letter["reviewer"]["specialty"] or "",
        "patient_age": letter["patient"]["age"], "patient_sex": letter["patient"]["sex"] or "",
        "injury_date": letter["dates"]["injury"],
    }


def cited_pages(guidelines: list[dict]) -> dict[str, set[int]]:
    pages: dict[str, set[int]] = {}
    for g in guidelines:
        pages.setdefault(g["guideline"], set()).update(g["pages"])
    return pages


def test_the_columns_are_the_issues_in_its_order():
    assert [header for _, header in COLUMNS] == HEADERS


def test_json_rows_say_what_the_annotated_letters_say(archive):
    ids = [item.issue_id for item in archive]
    rows = json.loads("".join(json_chunks(export_rows(ids, SITE))))
    assert len(rows) == len(archive)
    for row, item in zip(rows, archive, strict=True):
        assert list(row) == [key for key, _ in COLUMNS]
        expected = annotated(item)
        assert cited_pages(row["guidelines_cited"]) == expected.pop("guidelines"), item.item["treatment"]
        assert {k: row[k] for k in expected} == expected
        stored = Letter.objects.get(source_name=item.letter["file"])
        assert row["permalink"] == f"https://imr.example.org{stored.get_absolute_url()}#item-{row['item_number']}"


def test_csv_rows_say_the_same_with_readable_headers_and_a_byte_order_mark(archive):
    ids = [item.issue_id for item in archive]
    text = "".join(csv_lines(export_rows(ids, SITE)))
    assert text.startswith("\ufeffCase number,Permalink,")
    table = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert len(table) == len(archive)
    for row, item in zip(table, archive, strict=True):
        expected = annotated(item)
        assert row["Case number"] == expected["case_number"]
        assert row["Decision date"] == (expected["decision_date"] or "")
        assert row["Item number"] == str(expected["item_number"])
        assert row["Treatment"] == expected["treatment"]
        assert row["Outcome"] == expected["outcome"]
        assert row["Outcome stated"] == ("yes" if expected["outcome_stated"] else "no")
        assert row["Patient age"] == ("" if expected["patient_age"] is None else str(expected["patient_age"]))
        assert row["Injury date"] == (expected["injury_date"] or "")
        for name in expected["guidelines"]:
            assert name in row["Guidelines cited"]


def test_a_citation_reads_as_a_reader_writes_it(archive):
    item = next(i for i in archive if i.letter["case_number"] == "CM14-0203117" and i.item["treatment"].startswith(
        "Norco"))
    row = next(csv.DictReader(io.StringIO("".join(csv_lines(export_rows([item.issue_id], SITE)))[1:])))
    assert row["Guidelines cited"] == ("MTUS Chronic Pain Medical Treatment Guidelines, Opioids, criteria for use, "
                                       "pp. 76–80, 88–89")


@pytest.mark.parametrize("chunk", [1, 7])
def test_rows_follow_the_order_of_the_ids_across_chunks(archive, monkeypatch, chunk):
    monkeypatch.setattr("imr_archive.api.exports.CHUNK", chunk)
    ids = [item.issue_id for item in reversed(archive)]
    assert [(r["treatment"], r["item_number"]) for r in export_rows(ids, SITE)] == [
        (i.item["treatment"], i.letter["issues"].index(i.item) + 1) for i in reversed(archive)]


def test_export_permalinks_are_the_letters_own_addresses(archive):
    paths = PermalinkPaths()
    letters = Letter.objects.all()
    assert {letter.case_number is None for letter in letters} == {True, False}
    for letter in letters:
        assert paths.of(letter.case_number, letter.permalink) == letter.get_absolute_url()

"""Records reviewed: the documents list of the documents-reviewed and professional-review layouts,
each entry as written with its first date, and records a case summary names."""

from __future__ import annotations

import random
from datetime import date

import pytest

from imr_archive.parsing import parse_text
from tests.parsing.letters import DEBRIS, SEEDS, determination_letter

# Transcribed from the letters' DOCUMENTS REVIEWED lists.
DEV_002 = [
    ("Application for Independent Medical Review, received 09/16/2013", date(2013, 9, 16)),
    ("Utilization Review Determination dated 09/04/2013", date(2013, 9, 4)),
    ("Primary treating physician progress reports dated 02/14/2013 through 08/22/2013", date(2013, 2, 14)),
    ("Physical therapy daily notes dated 04/02/2013 through 05/21/2013", date(2013, 4, 2)),
    ("MRI report of the cervical spine dated 11/30/2012", date(2012, 11, 30)),
]
DEV_011 = [  # professional-review; one entry wraps onto a second line, one is dated by its year alone
    ("Application for Independent Medical Review", None),
    ("Utilization review determination dated 12/27/2012", date(2012, 12, 27)),
    ("Progress reports from the primary treating physician dated 06/21/2012 through 11/29/2012", date(2012, 6, 21)),
    ("Pharmacy dispensing records dated 2012", None),
]


def _records(raw: str) -> list[tuple[str, date | None]]:
    return [(r.text, r.date) for r in parse_text(raw).records_reviewed]


@pytest.mark.parametrize(("name", "want"), [("dev-002", DEV_002), ("dev-011", DEV_011)])
def test_documents_list(name, want):
    assert _records((SEEDS / f"{name}.txt").read_text()) == want


@pytest.mark.parametrize("kind", sorted(DEBRIS))
def test_debris_does_not_change_the_list(kind):
    raw = (SEEDS / "dev-011.txt").read_text()
    assert _records(DEBRIS[kind](raw, random.Random(kind))) == DEV_011


def test_records_named_in_the_summary():
    summary = ("The patient is a 50-year-old male. The records reviewed include the utilization review "
               "determination dated 11/14/2014, progress reports dated 10/02/2014 and an MRI report dated "
               "06/12/2014. He has low back pain.")
    assert _records(determination_letter(summary=summary)) == [
        ("the utilization review determination dated 11/14/2014", date(2014, 11, 14)),
        ("progress reports dated 10/02/2014", date(2014, 10, 2)),
        ("an MRI report dated 06/12/2014", date(2014, 6, 12)),
    ]


def test_a_letter_that_lists_none_has_none():
    assert _records(determination_letter()) == []


def test_in_the_json():
    parsed = parse_text((SEEDS / "dev-002.txt").read_text()).to_dict()
    assert parsed["records_reviewed"][1] == {"text": "Utilization Review Determination dated 09/04/2013",
                                             "date": "2013-09-04"}

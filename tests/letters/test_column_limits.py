"""Values longer than their column are cut with a warning, on SQLite and PostgreSQL alike, and kept whole
in the letter's text (the issue's chapter of 200 characters failed the whole letter on PostgreSQL)."""

from __future__ import annotations

import pytest

from imr_archive.letters.ingest import Status, ingest_file
from imr_archive.letters.models import Citation, Letter
from tests.parsing.letters import determination_letter

pytestmark = pytest.mark.django_db(transaction=True)

LONG_TOPIC = "Physical medicine guidelines for " + " and ".join(
    f"the {part} of the body after a work injury" for part in ("neck", "back", "shoulder", "knee", "hip"))


def _letter(topic: str, case: str) -> bytes:
    line = f"Decision based on MTUS Chronic Pain Medical Treatment Guidelines {topic} Page(s): 98-99."
    items = ("Physical therapy 2 x 6: Upheld\n\n"
             f"Claims Administrator guideline: {line}\n\nMAXIMUS guideline: {line}\n\n"
             "Decision rationale: Physical therapy 2 x 6 is not medically necessary.")
    return determination_letter(header=f"Case Number: {case}", items=items).encode()


def test_a_chapter_longer_than_its_column_is_cut_with_a_warning():
    limit = Citation._meta.get_field("chapter").max_length
    assert len(LONG_TOPIC) > limit
    result = ingest_file(_letter(LONG_TOPIC, "CM14-0000161"), "long.txt")
    assert result.status == Status.NEW, result.reason
    letter = Letter.objects.get(id=result.letter_id)
    chapters = list(Citation.objects.filter(issue__letter=letter).values_list("chapter", flat=True))
    assert chapters == [LONG_TOPIC[:limit]] * 2
    assert LONG_TOPIC in " ".join(letter.text.split())
    cut = [w for w in letter.warnings if "longer than its column" in w]
    assert cut == [f"item 1, citation {k}: chapter is {len(LONG_TOPIC)} characters, longer than its column: stored "
                   f"cut to {limit} (the letter's text has it whole)" for k in (1, 2)]
    assert letter.needs_review


def test_a_chapter_that_fits_is_stored_whole_without_a_warning():
    result = ingest_file(_letter("Physical medicine", "CM14-0000162"), "short.txt")
    letter = Letter.objects.get(id=result.letter_id)
    assert list(Citation.objects.filter(issue__letter=letter).values_list("chapter", flat=True)) == \
        ["Physical medicine"] * 2
    assert not [w for w in letter.warnings if "longer than its column" in w]
